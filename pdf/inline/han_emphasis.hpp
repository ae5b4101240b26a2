// Emphasis on Han text as Chinese typography sets it: in a Kai face (楷体) or with a dot under
// each character (着重号), as book.yaml's `fonts.emphasis` settles it; not slanted.
#pragma once

#include <pango/pango.h>

#include <string>

#include "folio/config.hpp"

namespace folio::pdf {

/// Within text[start, end) (an emphasis span, already italic), sets each run of Han
/// characters and CJK punctuation (han_runs) upright: in `kai_families` for kai, marked with
/// the emphasis-dots attribute (render/emphasis_dots.hpp draws them) for dots. Latin text
/// keeps its true italic. Slant changes nothing: the Song face is slanted as Latin is.
void add_han_emphasis_attributes(const std::string& text, size_t start, size_t end, PangoAttrList* attrs,
                                 HanEmphasis emphasis, const std::string& kai_families);

/// The Pango attribute that marks text whose Han characters take emphasis dots. It changes
/// nothing in shaping or drawing; the renderer finds it in each run's extra attributes.
/// (Inline code inside such text would lose its background: emphasis rarely holds code.)
PangoAttribute* emphasis_dots_attr_new();
/// True when `attr` is one emphasis_dots_attr_new() made.
bool is_emphasis_dots_attr(const PangoAttribute* attr);

}  // namespace folio::pdf
