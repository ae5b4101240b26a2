// Break opportunities inside inline code too long for a line of its own.
#pragma once

#include "inline/paragraph.hpp"

namespace folio::pdf {

/// For each inline code span of `text` wider than `measure_pt` (estimated from its
/// monospace advances), adds a break opportunity after each `.`, `/`, `_`, `::` and `,`
/// and before each `(` inside it, as a U+200B in the layout text: it has no glyph, so the PDF's text stays
/// the source text (pdftotext and copy-paste do not see it). Shifts the attributes, links,
/// notes and code spans behind each insertion. Spans that fit a line are left whole.
void add_code_break_opportunities(InlineText& text, double measure_pt);

/// Adds the break opportunities of the code span that holds byte `offset`, whatever its
/// width: for a span that would otherwise leave the line before it very loose. False if
/// there is no such span, it has no break point, or it has its opportunities already.
bool add_code_break_opportunities_at(InlineText& text, int offset);

}  // namespace folio::pdf
