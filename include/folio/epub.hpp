// EPUB 3 writer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "folio/export.hpp"
#include "folio/book.hpp"
#include "folio/diagnostics.hpp"

namespace folio {
FOLIO_API_BEGIN

/// Writes the book as an EPUB 3 file with `options` (the book's own `config.epub` is not
/// read), through a temporary file beside `out`, renamed into place. Returns false, and
/// leaves nothing at `out`, if it could not be written or an option is out of its range
/// (an error names the field and the range; nothing is clamped). Options and their
/// defaults: EpubOptions in folio/config.hpp. `figures` (when given) says how many
/// figures went in and how many are placeholders.
bool write_epub(const Book& book, const EpubOptions& options, const std::filesystem::path& out,
                Diagnostics& diagnostics, WrittenFigures* figures = nullptr);
/// The same with the options the book was configured with (book.yaml `epub:`).
bool write_epub(const Book& book, const std::filesystem::path& out, Diagnostics& diagnostics,
                WrittenFigures* figures = nullptr);

/// What takes the space in an EPUB: bytes in the archive (compressed where deflated).
struct EpubSizes {
  uint64_t total = 0;   ///< the whole file
  uint64_t images = 0;  ///< JPEG, PNG, GIF, WebP and SVG entries, the cover included
  uint64_t fonts = 0;   ///< embedded fonts and their licences
  uint64_t text = 0;    ///< everything else: XHTML, CSS, package and navigation, ZIP headers
};

/// The sizes of the EPUB at `path`; nullopt if it cannot be read as a ZIP archive.
std::optional<EpubSizes> measure_epub(const std::filesystem::path& path);

FOLIO_API_END
}  // namespace folio
