// PDF writer: pagination with Pango, drawing with cairo.
#pragma once

#include <filesystem>

#include "folio/export.hpp"
#include "folio/book.hpp"
#include "folio/diagnostics.hpp"

namespace folio {
FOLIO_API_BEGIN

/// Writes the book as a PDF with `options` (book or handout mode, page, type, margins; the
/// book's own `config.pdf` is not read), through a temporary file beside `out`. Returns
/// false, leaving nothing at `out`, on failure or when an option is out of its range (an
/// error names the field and the range; nothing is clamped). Options and their defaults:
/// PdfOptions in folio/config.hpp. `figures` (when given) says how many figures went in
/// and how many are placeholders.
bool write_pdf(const Book& book, const PdfOptions& options, const std::filesystem::path& out,
               Diagnostics& diagnostics, WrittenFigures* figures = nullptr);
/// The same with the options the book was configured with (book.yaml `pdf:`).
bool write_pdf(const Book& book, const std::filesystem::path& out, Diagnostics& diagnostics,
               WrittenFigures* figures = nullptr);

FOLIO_API_END
}  // namespace folio
