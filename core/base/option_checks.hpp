// The writers' options checked against the ranges book.yaml and the flags are held to
// (option_ranges.hpp), for options a program passes straight to write_epub or write_pdf:
// a value out of range is an error naming the field and the range, never clamped.
#pragma once

#include "folio/config.hpp"
#include "folio/diagnostics.hpp"

namespace folio {

/// False, with an error per bad field, when an option is out of its range.
bool check_options(const EpubOptions& options, Diagnostics& diagnostics);
bool check_options(const PdfOptions& options, Diagnostics& diagnostics);

}  // namespace folio
