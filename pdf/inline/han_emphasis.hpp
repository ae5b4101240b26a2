// Emphasis on Han text as Chinese typography sets it: in a Kai face (楷体), not slanted.
#pragma once

#include <pango/pango.h>

#include <string>

namespace folio::pdf {

/// Within text[start, end) (an emphasis span, already italic), sets each run of Han
/// characters and CJK punctuation upright in `kai_families`. Latin text keeps its true
/// italic. Nothing happens when `kai_families` is empty (no Kai face installed).
void add_han_emphasis_attributes(const std::string& text, size_t start, size_t end, PangoAttrList* attrs,
                                 const std::string& kai_families);

}  // namespace folio::pdf
