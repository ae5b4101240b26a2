// PDF writer: pagination with Pango, drawing with cairo.
#pragma once

#include <filesystem>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"

namespace folio {

/// Writes the book as a PDF (book or handout mode per book.config.pdf), through a
/// temporary file beside `out`. Returns false, leaving nothing at `out`, on failure.
bool write_pdf(const Book& book, const std::filesystem::path& out, Diagnostics& diagnostics);

}  // namespace folio
