// Kinsoku: removes the break opportunities that Pango 1.50's UAX #14 leaves against clreq
// (a line starting with · — ～ ⸺ or a postfix unit, any closing mark after a space; a line
// ending with a solidus or an opening mark before a space; a paragraph's last line holding
// a single ideograph), with PANGO_ATTR_ALLOW_BREAKS.
#include <algorithm>
#include <utility>

#include "inline/cjk.hpp"
#include "inline/cjk_classes.hpp"
#include "inline/cjk_passes.hpp"

namespace folio::pdf::cjk {
namespace {

bool is_blank(char32_t c) { return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x3000; }

// Marks that may not start a line but that Pango (UAX #14 classes AI, B2, ID, PO) lets
// start one after an ideograph or a closing mark: probed on Pango 1.50.12, GLib 2.74.
bool pango_breaks_before(char32_t c) {
  switch (c) {
    case 0x00B7:  // · interpunct (AI, resolved to AL)
    case 0x2010: case 0x2013: case 0x2014:  // hyphen, en dash, em dash (B2)
    case 0x2025: case 0x2026: case 0x22EF:  // ellipses: strict style keeps them off line starts
    case 0x2E3A: case 0x2E3B:               // two- and three-em dashes
    case 0x301C: case 0xFF5E:               // wave dashes (ID)
    case U'%': case 0xFF05: case 0x2030: case 0x2103: case 0x00B0: case 0x2032: case 0x2033:
      return true;
    default:
      return false;
  }
}

bool is_solidus(char32_t c) { return c == U'/' || c == 0xFF0F; }

// clreq/ctex "孤字": a paragraph's last line should not be one ideograph (with its
// marks). Keeps the last two ideographs and the marks after them on one line.
void add_orphan_range(const DecodedText& text, std::vector<std::pair<uint32_t, uint32_t>>& ranges) {
  size_t last = text.chars.size();
  while (last > 0 && !is_ideograph(text.chars[last - 1])) {
    const char32_t c = text.chars[last - 1];
    if (!is_cjk_text(c) && !is_blank(c)) return;  // ends in Latin text: not our rule
    --last;
  }
  if (last < 2 || !is_ideograph(text.chars[last - 2])) return;
  ranges.emplace_back(text.offsets[last - 2], text.offsets[text.chars.size()]);
}

}  // namespace

void add_kinsoku_attributes(const DecodedText& text, PangoAttrList* attrs) {
  const size_t n = text.chars.size();
  // Byte ranges [first, second) over which no line may break; a break is removed at every
  // character start strictly inside a range.
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = text.chars[i];
    if (i > 0 && !may_start_line(c)) {
      size_t from = i - 1;
      const bool after_blank = is_blank(text.chars[from]);
      while (from > 0 && is_blank(text.chars[from - 1])) --from;
      if (after_blank || pango_breaks_before(c))
        ranges.emplace_back(text.offsets[from], text.offsets[i + 1]);
    }
    if (i + 1 < n) {
      const char32_t next = text.chars[i + 1];
      const bool solidus_in_cjk =
          is_solidus(c) && (c == 0xFF0F || is_cjk_text(next) || (i > 0 && is_cjk_text(text.chars[i - 1])));
      const bool opening_before_blank = !may_end_line(c) && is_blank(next);
      if (solidus_in_cjk || opening_before_blank) {
        size_t to = i + 1;
        while (to + 1 < n && is_blank(text.chars[to])) ++to;
        ranges.emplace_back(text.offsets[i], text.offsets[to + 1]);
      }
    }
  }
  add_orphan_range(text, ranges);
  if (ranges.empty()) return;
  std::sort(ranges.begin(), ranges.end());
  // Merge ranges that share a character (fewer attributes, fewer item splits); ranges that
  // only touch stay apart, or the break between them would go too.
  size_t out = 0;
  for (size_t r = 1; r < ranges.size(); ++r) {
    if (ranges[r].first < ranges[out].second)
      ranges[out].second = std::max(ranges[out].second, ranges[r].second);
    else
      ranges[++out] = ranges[r];
  }
  ranges.resize(out + 1);
  for (const auto& [start, end] : ranges) {
    PangoAttribute* attr = pango_attr_allow_breaks_new(FALSE);
    attr->start_index = start;
    attr->end_index = end;
    pango_attr_list_insert(attrs, attr);
  }
}

}  // namespace folio::pdf::cjk
