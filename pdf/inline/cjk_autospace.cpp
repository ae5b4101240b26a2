// Han–Latin gaps (clreq §3.2.2): letter spacing on each Han character that touches a Latin
// letter or digit, so that Pango's line breaking counts the gap; justify_cjk_lines() later
// moves it to the Latin side. The text itself is never changed, so copied text stays exact.
#include "inline/cjk.hpp"
#include "inline/cjk_classes.hpp"
#include "inline/cjk_passes.hpp"

namespace folio::pdf::cjk {

int letter_spacing_for_gaps(int gap_pango, int sides) {
  int value = gap_pango * sides;
  if (value % PANGO_SCALE == 0) value += 1;
  return value;
}

void split_letter_spacing(int letter_spacing, int& before, int& after) {
  // Mirrors pango-layout.c (1.50) distribute_letter_spacing(): half before, and a whole
  // multiple of PANGO_SCALE has its half rounded to whole units ("hinting").
  before = letter_spacing / 2;
  if ((letter_spacing & (PANGO_SCALE - 1)) == 0) before = PANGO_UNITS_ROUND(before);
  after = letter_spacing - before;
}

void add_latin_gap_attributes(const DecodedText& text, PangoAttrList* attrs, int gap_pango) {
  const size_t n = text.chars.size();
  for (size_t i = 0; i < n; ++i) {
    if (!is_ideograph(text.chars[i])) continue;
    const int sides = (i > 0 && is_latin_alnum(text.chars[i - 1])) +
                      (i + 1 < n && is_latin_alnum(text.chars[i + 1]));
    if (sides == 0) continue;
    PangoAttribute* attr = pango_attr_letter_spacing_new(letter_spacing_for_gaps(gap_pango, sides));
    attr->start_index = text.offsets[i];
    attr->end_index = text.offsets[i + 1];
    pango_attr_list_insert(attrs, attr);
  }
}

}  // namespace folio::pdf::cjk
