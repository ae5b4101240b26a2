// The cover (an image from book.yaml, or one drawn with cairo and Pango) and the title page.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"

namespace folio {
class ArtifactCache;
}

namespace folio::epub {

/// The cover image to pack: a file on disk, or generated PNG bytes.
struct CoverImage {
  std::string href;              ///< "images/cover.png"
  std::string media_type;        ///< "image/png", "image/jpeg", "image/gif"
  std::filesystem::path file;    ///< set for a cover from book.yaml
  std::string bytes;             ///< set for a generated cover
  uint32_t width = 0;
  uint32_t height = 0;
};

/// The image format of a file from its first bytes: "image/jpeg", "image/png",
/// "image/gif", "image/webp", "image/svg+xml", or "" when unknown or unreadable.
std::string sniff_media_type(const std::filesystem::path& file);

/// Pixel size of a PNG, JPEG or GIF file from its headers (0x0 if unknown).
std::pair<uint32_t, uint32_t> image_size(const std::filesystem::path& file);

/// meta.cover when it is a JPEG, PNG or GIF (relative to config.base_dir); otherwise
/// (none given, unreadable or another format, with a warning) a generated cover:
/// 1600x2560 PNG, title, subtitle and authors set in Noto Serif CJK SC.
/// With a `cache`, a cover drawn by an earlier build from the same text, size and
/// installed fonts is taken from it (drawing and PNG-encoding it is a fifth of an EPUB
/// rebuild's work).
CoverImage make_cover(const Book& book, Diagnostics& diagnostics, const ArtifactCache* cache = nullptr);

/// The generated cover's PNG bytes (empty if cairo failed).
std::string draw_cover_png(const std::string& title, const std::string& subtitle,
                           const std::string& authors, int width, int height);

/// cover.xhtml: the cover image alone on its page.
std::string render_cover_page(const CoverImage& cover, const std::string& language, const std::string& title);

/// titlepage.xhtml: title, subtitle, authors, publisher, date.
std::string render_title_page(const Book& book, const std::string& language, const std::string& date);

}  // namespace folio::epub
