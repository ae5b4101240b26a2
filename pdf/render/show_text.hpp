// Drawing Pango text into the PDF, with colour emoji as images.
//
// cairo 1.16 writes a colour font's glyphs (Noto Color Emoji's CBDT bitmaps) as a Type 3
// font whose dictionaries repeat keys, which qpdf --check rejects. These functions draw like
// pango_cairo_show_layout_line and pango_cairo_show_layout, except that a run from a colour
// font is painted as one image per glyph, and its characters go into the text layer as an
// invisible glyph carrying them, so that copy and search still find the emoji.
#pragma once

#include <pango/pangocairo.h>

namespace folio::pdf {

/// Draws `line` with its baseline's left end at the current point.
void show_layout_line(cairo_t* cr, PangoLayoutLine* line);

/// Draws the whole layout with its top-left corner at the current point.
void show_layout(cairo_t* cr, PangoLayout* layout);

}  // namespace folio::pdf
