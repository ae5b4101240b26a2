// Punctuation compression (clreq P1, JLReq 3.1.4): two adjacent full-width marks take
// 1.5 em instead of 2. Noto CJK has `halt` (half-width alternates) but no `chws`, so the
// pass chooses the mark to halve and sets `halt` on it: the closing mark of a pair (its
// blank right half goes), or the second of two opening marks (its blank left half goes).
#include <cstdint>

#include "inline/cjk.hpp"
#include "inline/cjk_classes.hpp"
#include "inline/cjk_passes.hpp"

namespace folio::pdf::cjk {
namespace {

bool halve(const DecodedText& text, size_t i) {
  const char32_t c = text.chars[i];
  const size_t n = text.chars.size();
  if (is_closing_mark(c))
    return i + 1 < n && (is_closing_mark(text.chars[i + 1]) || is_opening_mark(text.chars[i + 1]));
  if (is_opening_mark(c)) return i > 0 && is_opening_mark(text.chars[i - 1]);
  return false;
}

void insert_halt(PangoAttrList* attrs, uint32_t start, uint32_t end) {
  PangoAttribute* attr = pango_attr_font_features_new("halt");
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert(attrs, attr);
}

}  // namespace

void add_compression_attributes(const DecodedText& text, PangoAttrList* attrs) {
  const size_t n = text.chars.size();
  size_t run_start = n;  // first mark of the current run of halved marks, n if none
  for (size_t i = 0; i < n; ++i) {
    if (halve(text, i)) {
      if (run_start == n) run_start = i;
      continue;
    }
    if (run_start != n) insert_halt(attrs, text.offsets[run_start], text.offsets[i]);
    run_start = n;
  }
  if (run_start != n) insert_halt(attrs, text.offsets[run_start], text.offsets[n]);
}

}  // namespace folio::pdf::cjk
