// The PDF writer's calls into the CJK paragraph rules (pdf/inline/cjk.hpp, written by the
// CJK engineer), kept behind two functions so the writer builds before and after it lands.
#pragma once

#include <string>

#include <pango/pango.h>

namespace folio::pdf {

/// Adds clreq line breaking, Han-Latin gap and punctuation compression attributes for a
/// paragraph whose UTF-8 text is `text` (no change to the text).
void add_cjk_attributes(const std::string& text, PangoAttrList* attrs, double font_size_pt, double latin_gap_em);

/// Justifies every line but the last of a wrapped layout (created with justify off).
void justify_lines(PangoLayout* layout, int width_pango);

/// How much a line can stretch in justify_lines() with no gap past its limit (Pango units).
int justify_line_room(PangoLayoutLine* line);

/// Whether a character may begin / end a line under clreq basic rules.
bool cjk_may_start_line(char32_t c);
bool cjk_may_end_line(char32_t c);

}  // namespace folio::pdf
