// Book: what the writers get. Metadata, parts, chapters (each a post and its
// Document), and every figure the chapters show.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "folio/export.hpp"
#include "folio/config.hpp"
#include "folio/document.hpp"
#include "folio/post.hpp"

namespace folio {
FOLIO_API_BEGIN

/// A group of chapters (by tag, section or year; see Grouping).
struct Part {
  std::string title;
};

struct Chapter {
  Post post;          ///< the post's metadata (its body is in `document`, `post.body` is cleared)
  Document document;  ///< its content
  int part = -1;      ///< index into Book::parts, -1 when the book has no parts
};

/// What an image's bytes are (found from the bytes, never from the name).
enum class ImageFormat { unknown, jpeg, png, gif, webp, svg };

const char* to_string(ImageFormat f);
const char* media_type(ImageFormat f);  ///< "image/jpeg", ...

/// One distinct figure of the book (identical bytes are one asset).
struct FigureAsset {
  std::string source;            ///< where it came from: URL after rewrites, or the local path
  bool ok = false;               ///< false: the writers show a placeholder
  std::string failure;           ///< why it could not be had (when !ok)
  ImageFormat format = ImageFormat::unknown;
  uint32_t width = 0;            ///< pixels, from the headers, as displayed (EXIF orientation applied)
  uint32_t height = 0;
  int orientation = 1;           ///< a JPEG's EXIF orientation (1-8); 1: the pixels are stored upright
  std::filesystem::path file;    ///< the bytes on disk (the local file or a cache entry)
  uint64_t size = 0;             ///< bytes
  std::string digest;            ///< hex SHA-256 of the bytes: the asset's identity
  SourceLocation first_use;      ///< where a post first shows it
};

/// How a writer embedded the book's figures. A figure can still fail while writing (its
/// cache file removed, a decoder's error) after resolve_figures accepted it: it is then
/// drawn as a placeholder and counted here as failed, so a summary never says otherwise.
struct WrittenFigures {
  size_t embedded = 0;      ///< distinct figures in the output as images
  size_t placeholders = 0;  ///< distinct figures drawn as placeholders
};

struct Book {
  BookConfig config;                ///< the options the writers read (config.meta is resolved)
  std::vector<Part> parts;
  std::vector<Chapter> chapters;
  std::vector<FigureAsset> figures; ///< Figure::figure and Image::figure index this
  CodeColors code_colors;           ///< code block colours (highlight_book)

  const BookMetadata& meta() const { return config.meta; }
};

/// The book's language as a BCP 47 tag: meta.language when it is a usable tag
/// (`zh_CN.UTF-8` becomes `zh-CN`), else detected from the chapters' prose (zh-CN for
/// mostly-Han text, ja with kana, ko with Hangul, else en). Never from the environment,
/// so the same book gives the same tag on every machine. make_book() stores it in meta.
std::string book_language(const Book& book);

/// Settles every code block's language (aliases, guesses), tokens, line options and the
/// book's code colours from config.code and the site's markup.highlight. Unknown language
/// and theme names are warnings (one per name). make_book() calls it; with libfolio built
/// without highlighting, blocks stay plain but line options and colours are still set.
void highlight_book(Book& book, const Value* site_highlight, Diagnostics& diagnostics);

FOLIO_API_END
}  // namespace folio
