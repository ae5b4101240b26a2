// Ruby (base text with a reading) in a PDF paragraph.
#pragma once

#include "inline/paragraph.hpp"

namespace folio::pdf {

/// Appends a Ruby: its base text, then "(annotation)" at half size, raised.
void append_ruby(const Ruby& ruby, const InlineSettings& settings, InlineText& out);

}  // namespace folio::pdf
