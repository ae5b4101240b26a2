// Chapter rendering: one chapter file of the Document model as an XHTML content document.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"
#include "split.hpp"

namespace folio::epub {

/// A figure of the book as the archive holds it.
struct ImageEntry {
  bool ok = false;                 ///< false: shown as a placeholder
  std::string href;                ///< "images/fig-0001.png" (relative to the package folder)
  std::string media_type;          ///< "image/png", ...
  std::filesystem::path file;      ///< the bytes to pack
  uint32_t width = 0;
  uint32_t height = 0;
};

/// What rendering a chapter needs besides the chapter.
struct ChapterContext {
  const Book* book = nullptr;
  std::string language;                    ///< BCP 47, for lang and xml:lang
  const BookLayout* layout = nullptr;
  const std::vector<ImageEntry>* images = nullptr;  ///< parallel to Book::figures
  std::string stylesheet = "style.css";
  Diagnostics* diagnostics = nullptr;      ///< where unresolvable links are reported
  /// How Han text in emphasis is set: kai and dots wrap it in <span class="han-em">.
  HanEmphasis han_emphasis = HanEmphasis::slant;
};

/// The XHTML of file `file_index` of chapter `chapter` (the first file opens with the
/// chapter's title, date, author and tags; every file ends with its footnotes).
std::string render_chapter_file(const ChapterContext& context, size_t chapter, size_t file_index);

/// The XHTML of a part's title page.
std::string render_part_page(const ChapterContext& context, const std::string& title);

/// About how many bytes of XHTML one block becomes (for splitting; links are not resolved).
size_t estimate_block_size(const Block& block);

/// The alt text of a figure: its alt as written; empty stays empty (decorative).
std::string figure_alt_text(const std::string& alt, const Inlines& caption, const std::string& src);

/// False for alt text that describes nothing: empty, a file name, or a word such as
/// "image" or "图片".
bool is_real_alt_text(std::string_view alt);

/// Images and figures of the book, and how many have no real alt text (nor caption).
struct ImageAltCounts {
  size_t images = 0;
  size_t without_alt = 0;
};
ImageAltCounts count_image_alts(const Book& book);

/// True when the book's every image and figure has real alt text or a caption, so the
/// package may claim `alternativeText`.
bool every_image_has_alt_text(const Book& book);

}  // namespace folio::epub
