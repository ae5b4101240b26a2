// EPUB 3 writer.
#pragma once

#include <filesystem>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"

namespace folio {

/// Writes the book as an EPUB 3 file (through a temporary file beside `out`, renamed
/// into place). Returns false, and leaves nothing at `out`, if it could not be written.
bool write_epub(const Book& book, const std::filesystem::path& out, Diagnostics& diagnostics);

}  // namespace folio
