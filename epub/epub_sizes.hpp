// The EPUB's size against its budget (book.yaml epub.size_budget_mb).
#pragma once

#include <filesystem>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"

namespace folio::epub {

/// Warns when the EPUB written at `written` is over `budget_mb` (0: no budget), with the
/// share of images, fonts and text.
void check_size_budget(const Book& book, uint64_t budget_mb, const std::filesystem::path& written,
                       Diagnostics& diagnostics);

}  // namespace folio::epub
