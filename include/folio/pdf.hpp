// PDF writer: pagination with Pango, drawing with cairo.
#pragma once

#include <filesystem>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"

namespace folio {

/// Writes the book as a PDF (book or handout mode per book.config.pdf), through a
/// temporary file beside `out`. Returns false, leaving nothing at `out`, on failure.
/// `figures` (when given) says how many figures went in and how many are placeholders.
bool write_pdf(const Book& book, const std::filesystem::path& out, Diagnostics& diagnostics,
               WrittenFigures* figures = nullptr);

}  // namespace folio
