// Justification of wrapped CJK lines: after Pango has broken a paragraph into lines, each
// line but a paragraph's last is stretched to the measure by widening glyphs in place, in
// clreq's and JLReq's order (the gaps between CJK characters, then word spaces to 1.5x,
// then Han–Latin gaps to 1/2 em; past that, see justify_line); the inside of Latin words and
// of inline code never moves, and a closing mark at the line's end gives up its blank
// half. Also puts the Han–Latin gaps on the Latin side and off the line edges.
#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

#include "base/utf8.hpp"
#include "inline/cjk.hpp"
#include "inline/cjk_classes.hpp"
#include "inline/cjk_passes.hpp"

namespace folio::pdf {
namespace {

/// How far a word space stretches, as a share of its own width, while other gaps can
/// take the rest (to 1.5x).
constexpr double kWordSpaceStretch = 0.5;
/// The widest a Han–Latin gap (the 1/4 em of autospace, or a space typed between a Han
/// character and a Latin word) grows while other gaps can take the rest.
constexpr double kLatinGapMaxEm = 0.5;
/// How far the 1/4 em Han–Latin gap of autospace stretches (to 1/2 em).
constexpr double kLatinGapStretchEm = 0.25;
/// How far a gap between two CJK characters stretches while word spaces or Han–Latin
/// gaps can take the rest: a gap over 0.1 em makes pdftotext (poppler) read a space
/// between two Han characters, so copied text would no longer be the source text.
constexpr double kCjkGapSoftLimitEm = 0.095;
/// How far a word space of a line that mixes CJK and Latin text stretches at most, as a
/// share of its own width (to 2x, less a margin for rounding).
constexpr double kWordSpaceMixedMax = 0.95;

/// One grapheme cluster of a line, in visual (= logical, left-to-right) order.
struct Cluster {
  PangoGlyphString* glyphs;  ///< the run's glyphs
  int last_glyph;            ///< index of the cluster's last glyph, which takes the slack
  char32_t first_char;       ///< the cluster's first character
  int width;                 ///< sum of the cluster's glyph widths, Pango units
  PangoFont* font;           ///< the run's font, for the em of its word spaces
  bool rigid;                ///< inside inline code: no slack in or after it but at its end
};

/// The em (absolute size) of each font met in one call, so each is described once.
class FontEms {
 public:
  int em(PangoFont* font) {
    for (const auto& [known, size] : sizes_)
      if (known == font) return size;
    int size = 10 * PANGO_SCALE;
    if (font != nullptr) {
      PangoFontDescription* description = pango_font_describe_with_absolute_size(font);
      size = pango_font_description_get_size(description);
      pango_font_description_free(description);
    }
    sizes_.emplace_back(font, size);
    return size;
  }

 private:
  std::vector<std::pair<PangoFont*, int>> sizes_;
};

char32_t char_at(std::string_view text, size_t offset) {
  return offset < text.size() ? utf8::next(text, offset) : 0;
}

// Inline code is marked with insert-hyphens off (paragraph.cpp): its spaces keep their
// monospace width.
bool is_rigid(const PangoItem* item) {
  for (GSList* a = item->analysis.extra_attrs; a != nullptr; a = a->next) {
    const auto* attr = static_cast<const PangoAttribute*>(a->data);
    if (attr->klass->type == PANGO_ATTR_INSERT_HYPHENS && reinterpret_cast<const PangoAttrInt*>(attr)->value == 0)
      return true;
  }
  return false;
}

int letter_spacing_of(const PangoItem* item) {
  for (GSList* a = item->analysis.extra_attrs; a != nullptr; a = a->next) {
    const auto* attr = static_cast<const PangoAttribute*>(a->data);
    if (attr->klass->type == PANGO_ATTR_LETTER_SPACING)
      return reinterpret_cast<const PangoAttrInt*>(attr)->value;
  }
  return 0;
}

// Pango spreads the letter spacing of a Han character with a Latin neighbour half before
// and half after it, and trims it at line edges. Put the whole gap on the Latin side(s)
// instead, and none at the line's start or end.
void place_latin_gaps(PangoLayoutLine* line, std::string_view text) {
  for (GSList* r = line->runs; r != nullptr; r = r->next) {
    auto* run = static_cast<PangoGlyphItem*>(r->data);
    const PangoItem* item = run->item;
    if (item->num_chars != 1 || run->glyphs->num_glyphs == 0) continue;
    const int spacing = letter_spacing_of(item);
    if (spacing == 0) continue;
    const auto offset = static_cast<size_t>(item->offset);
    if (!cjk::is_ideograph(char_at(text, offset))) continue;
    size_t before_offset = offset;
    const bool latin_before = offset > 0 && cjk::is_latin_alnum(cjk::previous(text, before_offset));
    const bool latin_after = cjk::is_latin_alnum(char_at(text, offset + item->length));
    const int sides = latin_before + latin_after;
    if (sides == 0) continue;  // someone else's letter spacing: leave it alone
    const int gap = spacing / sides;
    int pango_before = 0, pango_after = 0;
    cjk::split_letter_spacing(spacing, pango_before, pango_after);
    const bool line_start = r == line->runs;
    const bool line_end = r->next == nullptr;
    const int applied_before = line_start ? 0 : pango_before;
    const int applied_after = line_end ? 0 : pango_after;
    const int wanted_before = latin_before && !line_start ? gap : 0;
    const int wanted_after = latin_after && !line_end ? gap : 0;
    PangoGlyphGeometry& first = run->glyphs->glyphs[0].geometry;
    first.x_offset += wanted_before - applied_before;
    first.width += wanted_before - applied_before;
    run->glyphs->glyphs[run->glyphs->num_glyphs - 1].geometry.width += wanted_after - applied_after;
  }
}

// Collects the line's clusters; false for a line with right-to-left runs (not ours).
bool collect_clusters(PangoLayoutLine* line, std::string_view text, std::vector<Cluster>& clusters) {
  clusters.clear();
  for (GSList* r = line->runs; r != nullptr; r = r->next) {
    auto* run = static_cast<PangoGlyphItem*>(r->data);
    if (run->item->analysis.level % 2 != 0) return false;
    PangoGlyphString* glyphs = run->glyphs;
    const bool rigid = is_rigid(run->item);
    for (int g = 0; g < glyphs->num_glyphs; ++g) {
      const int width = glyphs->glyphs[g].geometry.width;
      if (g > 0 && glyphs->log_clusters[g] == glyphs->log_clusters[g - 1]) {
        clusters.back().last_glyph = g;
        clusters.back().width += width;
        continue;
      }
      const char32_t c = char_at(text, static_cast<size_t>(run->item->offset + glyphs->log_clusters[g]));
      clusters.push_back(Cluster{glyphs, g, c, width, run->item->analysis.font, rigid});
    }
  }
  return true;
}

bool is_line_end_blank(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x3000 || c == 0x2028 || c == U'\n' ||
         c == U'\r' || c == 0x2029 || c == 0x200B;
}

// Whether the gap after cluster a (before b) takes inter-character slack.
bool is_cjk_gap(char32_t a, char32_t b) {
  if (!cjk::is_cjk_text(a) && !cjk::is_cjk_text(b)) return false;
  if (cjk::is_long_mark(a) && cjk::is_long_mark(b)) return false;  // inside —— ……
  return !cjk::is_connector(a) && !cjk::is_connector(b);
}

// Widens clusters by fractional amounts in whole Pango units, carrying the rounding so
// that the sum of what it gave is the rounded sum of what it was asked for.
class SlackSpreader {
 public:
  void give(Cluster& cluster, double amount) {
    wanted_ += amount;
    const long target = std::lround(wanted_);
    cluster.glyphs->glyphs[cluster.last_glyph].geometry.width += static_cast<int>(target - given_);
    given_ = target;
  }

 private:
  double wanted_ = 0;
  long given_ = 0;
};

// The gaps of one line that may take slack, in the order they take it.
struct LineGaps {
  std::vector<int> cjk_gaps;     ///< gaps between CJK characters (cluster indices)
  std::vector<int> spaces;       ///< word spaces between Latin words
  std::vector<int> latin_gaps;   ///< Han–Latin gaps of autospace
  std::vector<int> han_spaces;   ///< spaces typed between a Han character and Latin text
  std::vector<int> font_gaps;    ///< gaps between CJK characters where the font changes
};

LineGaps find_gaps(const std::vector<Cluster>& clusters) {
  // The last cluster that is not trailing white space: no gap after it counts.
  int end = static_cast<int>(clusters.size()) - 1;
  while (end >= 0 && is_line_end_blank(clusters[static_cast<size_t>(end)].first_char)) --end;
  LineGaps gaps;
  for (int i = 0; i < end; ++i) {
    const Cluster& a = clusters[static_cast<size_t>(i)];
    const Cluster& next = clusters[static_cast<size_t>(i) + 1];
    const char32_t b = next.first_char;
    if (a.width == 0) continue;
    // Inside code. Pango puts the space after a code span in the span's item, so a space
    // is code's own only between two code characters.
    const bool after_code = i > 0 && clusters[static_cast<size_t>(i) - 1].rigid;
    if (a.rigid && next.rigid && (!cjk::is_word_space(a.first_char) || after_code)) continue;
    if (cjk::is_word_space(a.first_char)) {
      const char32_t before = i > 0 ? clusters[static_cast<size_t>(i) - 1].first_char : 0;
      if (cjk::is_cjk_text(before) || cjk::is_cjk_text(b))
        gaps.han_spaces.push_back(i);
      else
        gaps.spaces.push_back(i);
    } else if (cjk::is_word_space(b) || !is_cjk_gap(a.first_char, b)) {
      continue;
    } else if ((cjk::is_ideograph(a.first_char) && cjk::is_latin_alnum(b)) ||
               (cjk::is_latin_alnum(a.first_char) && cjk::is_ideograph(b))) {
      gaps.latin_gaps.push_back(i);
    } else if (a.font == next.font) {
      gaps.cjk_gaps.push_back(i);
    } else {
      gaps.font_gaps.push_back(i);
    }
  }
  return gaps;
}

// Gives the holders equal extra out of `left` (which it reduces), none past its own cap
// (`cap(cluster)`, Pango units; negative: no cap); what one holder cannot take goes to
// the others.
template <typename Cap>
void fill(std::vector<Cluster>& clusters, const std::vector<int>& holders, Cap cap, double& left,
          std::vector<double>& extra) {
  std::vector<std::pair<double, int>> room;  // (room left, cluster)
  room.reserve(holders.size());
  for (int i : holders) {
    const double c = cap(clusters[static_cast<size_t>(i)]);
    const double r = c < 0 ? 1e18 : c - extra[static_cast<size_t>(i)];
    if (r > 0) room.emplace_back(r, i);
  }
  std::sort(room.begin(), room.end());
  for (size_t k = 0; k < room.size() && left > 0; ++k) {
    const double share = left / static_cast<double>(room.size() - k);
    const double amount = std::min(share, room[k].first);
    extra[static_cast<size_t>(room[k].second)] += amount;
    left -= amount;
  }
}

void justify_line(std::vector<Cluster>& clusters, int slack, FontEms& ems, std::vector<double>& extra) {
  const LineGaps gaps = find_gaps(clusters);
  extra.assign(clusters.size(), 0.0);
  double left = slack;
  const auto em_cap = [&ems](double em_share) {
    return [&ems, em_share](const Cluster& c) { return em_share * ems.em(c.font); };
  };
  // clreq and JLReq "Line Adjustment": the gaps between CJK characters first (to 0.095 em:
  // past 0.1 em pdftotext reads a space between two Han characters), then word spaces to
  // 1.5x, then Han–Latin gaps to 1/2 em.
  fill(clusters, gaps.cjk_gaps, em_cap(kCjkGapSoftLimitEm), left, extra);
  fill(clusters, gaps.spaces, [](const Cluster& c) { return kWordSpaceStretch * c.width; }, left, extra);
  fill(clusters, gaps.latin_gaps, em_cap(kLatinGapStretchEm), left, extra);
  fill(clusters, gaps.han_spaces, [&ems](const Cluster& c) { return kLatinGapMaxEm * ems.em(c.font) - c.width; },
       left, extra);
  // A line that cannot be set well. A line of CJK text only spreads all its slack evenly,
  // now over the gaps where the font changes too: pdftotext reads a gap over 0.1 em as a
  // space unless the line's gaps are all equal, and at a font change (bold, italic, a
  // footnote number) it reads even 0.05 em as one, so those take slack only here. A line
  // of Latin words spreads the rest evenly over its spaces. A line that mixes both may not
  // loosen its CJK gaps (pdftotext would read spaces there), and one or two spaces taking
  // all the rest become holes ("问：goroutine ␣ 泄漏" before a code span that did not fit):
  // its word spaces go to 2x, its Han–Latin gaps stay at 1/2 em, and what is left stays at
  // the line's end.
  if (left > 0.5) {
    const bool has_cjk = !gaps.cjk_gaps.empty() || !gaps.font_gaps.empty() || !gaps.latin_gaps.empty() ||
                         !gaps.han_spaces.empty();
    if (gaps.spaces.empty() && gaps.latin_gaps.empty() && gaps.han_spaces.empty()) {
      std::vector<int> all = gaps.cjk_gaps;
      all.insert(all.end(), gaps.font_gaps.begin(), gaps.font_gaps.end());
      extra.assign(clusters.size(), 0.0);
      left = slack;
      fill(clusters, all, [](const Cluster&) { return -1.0; }, left, extra);
    } else if (has_cjk) {
      fill(clusters, gaps.spaces, [](const Cluster& c) { return kWordSpaceMixedMax * c.width; }, left, extra);
    } else {
      fill(clusters, gaps.spaces, [](const Cluster&) { return -1.0; }, left, extra);
    }
  }
  SlackSpreader spreader;
  for (size_t i = 0; i < clusters.size(); ++i)
    if (extra[i] > 0) spreader.give(clusters[i], extra[i]);
}

// clreq P2 (GB/T 15834): a full-width closing mark at the end of a justified line gives up
// its blank right half, so the text block ends flush with the mark's ink.
void trim_line_end_mark(std::vector<Cluster>& clusters, FontEms& ems) {
  size_t end = clusters.size();
  while (end > 0 && is_line_end_blank(clusters[end - 1].first_char)) --end;
  if (end == 0) return;
  Cluster& mark = clusters[end - 1];
  if (!cjk::is_closing_mark(mark.first_char)) return;
  const int em = ems.em(mark.font);
  // Only a full-width glyph (not a Latin quote from a Latin font, not one already halved).
  if (std::abs(mark.width - em) > em / 20) return;
  const int cut = mark.width / 2;
  mark.glyphs->glyphs[mark.last_glyph].geometry.width -= cut;
  mark.width -= cut;
}

int line_width(const std::vector<Cluster>& clusters) {
  int width = 0;
  for (const Cluster& c : clusters) width += c.width;
  return width;
}

}  // namespace

int justify_room(PangoLayoutLine* line) {
  if (line == nullptr || line->layout == nullptr) return 0;
  const std::string_view text = pango_layout_get_text(line->layout);
  std::vector<Cluster> clusters;
  if (!collect_clusters(line, text, clusters)) return 0;
  const LineGaps gaps = find_gaps(clusters);
  FontEms ems;
  double room = 0;
  for (int i : gaps.cjk_gaps) room += kCjkGapSoftLimitEm * ems.em(clusters[static_cast<size_t>(i)].font);
  for (int i : gaps.spaces) room += kWordSpaceStretch * clusters[static_cast<size_t>(i)].width;
  for (int i : gaps.latin_gaps) room += kLatinGapStretchEm * ems.em(clusters[static_cast<size_t>(i)].font);
  for (int i : gaps.han_spaces) {
    const Cluster& c = clusters[static_cast<size_t>(i)];
    room += std::max(0.0, kLatinGapMaxEm * ems.em(c.font) - c.width);
  }
  return static_cast<int>(room);
}

void justify_cjk_lines(PangoLayout* layout, int width_pango) {
  if (layout == nullptr) return;
  const std::string_view text = pango_layout_get_text(layout);
  const int indent = pango_layout_get_indent(layout);
  FontEms ems;
  std::vector<Cluster> clusters;
  std::vector<double> extra;
  for (GSList* l = pango_layout_get_lines(layout); l != nullptr; l = l->next) {
    auto* line = static_cast<PangoLayoutLine*>(l->data);
    place_latin_gaps(line, text);
    const bool paragraph_end =
        l->next == nullptr || static_cast<PangoLayoutLine*>(l->next->data)->is_paragraph_start;
    if (paragraph_end || width_pango <= 0 || line->length == 0) continue;
    size_t last = static_cast<size_t>(line->start_index + line->length);
    if (cjk::previous(text, last) == 0x2028) continue;  // forced break (<br>): stays ragged
    if (!collect_clusters(line, text, clusters)) continue;
    trim_line_end_mark(clusters, ems);
    const int measure = width_pango - (line->is_paragraph_start ? std::max(indent, 0) : std::max(-indent, 0));
    const int slack = measure - line_width(clusters);
    if (slack > 0) justify_line(clusters, slack, ems, extra);
  }
}

}  // namespace folio::pdf
