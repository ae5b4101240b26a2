// Emphasis dots (着重号) under Han characters, drawn as filled circles after the text.
#pragma once

#include <pango/pangocairo.h>

namespace folio::pdf {

/// Draws a dot under each character of `line` that carries the emphasis-dots attribute
/// (inline/han_emphasis.hpp) and takes a dot (takes_emphasis_dot: CJK characters, not
/// punctuation): centred on the glyph's own advance, its top just below the font's descent,
/// 1/6 em across. The dots are paths, so the text layer (copy, search, pdftotext) is the
/// same as without them. (origin_x, baseline) is where the line's baseline starts.
void draw_emphasis_dots(cairo_t* cr, PangoLayoutLine* line, double origin_x, double baseline);

}  // namespace folio::pdf
