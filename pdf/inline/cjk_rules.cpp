// Forwards to the CJK engineer's rules when pdf/inline/cjk.cpp is part of the build
// (FOLIO_HAVE_CJK), else applies a small stand-in: no break before marks Pango lets start
// a line, and Pango's own justification.
#include "inline/cjk_rules.hpp"

#include "base/utf8.hpp"

#if FOLIO_HAVE_CJK
#include "inline/cjk.hpp"
#endif

namespace folio::pdf {

#if FOLIO_HAVE_CJK

void add_cjk_attributes(const std::string& text, PangoAttrList* attrs, double font_size_pt, double latin_gap_em) {
  CjkSettings settings;
  settings.latin_gap_em = latin_gap_em;
  apply_cjk_attributes(text, attrs, font_size_pt, settings);
}
void justify_lines(PangoLayout* layout, int width_pango) { justify_cjk_lines(layout, width_pango); }
int justify_line_room(PangoLayoutLine* line) { return justify_room(line); }
bool cjk_may_start_line(char32_t c) { return may_start_line(c); }
bool cjk_may_end_line(char32_t c) { return may_end_line(c); }

#else

bool cjk_may_start_line(char32_t c) {
  static constexpr char32_t kNoStart[] = U"、，；：。．！？‼⁇”’」』）］｝〕】〗〉》—–～·‧・%％々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
  for (char32_t n : kNoStart)
    if (n && n == c) return false;
  return true;
}
bool cjk_may_end_line(char32_t c) {
  static constexpr char32_t kNoEnd[] = U"“‘「『（［｛〔【〖〈《";
  for (char32_t n : kNoEnd)
    if (n && n == c) return false;
  return true;
}

void add_cjk_attributes(const std::string& text, PangoAttrList* attrs, double, double) {
  // Pango (UAX #14) lets `·`, `—` and `～` start a line: forbid the break before them.
  size_t i = 0;
  size_t prev = std::string::npos;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8::next(text, i);
    if (prev != std::string::npos && (c == U'·' || c == U'—' || c == U'～' || c == U'⸺')) {
      PangoAttribute* a = pango_attr_allow_breaks_new(FALSE);
      a->start_index = static_cast<guint>(prev);
      a->end_index = static_cast<guint>(i);
      pango_attr_list_insert(attrs, a);
    }
    prev = start;
  }
}

void justify_lines(PangoLayout* layout, int) { pango_layout_set_justify(layout, TRUE); }
// Pango's justification stretches word spaces only: half their width each.
int justify_line_room(PangoLayoutLine* line) {
  const char* text = pango_layout_get_text(line->layout);
  int spaces = 0;
  for (int i = line->start_index; i < line->start_index + line->length; ++i) spaces += text[i] == ' ';
  return spaces * PANGO_SCALE * 2;
}

#endif

}  // namespace folio::pdf
