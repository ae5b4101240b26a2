// Ruby in a PDF paragraph. The base text stays in the line as it is, kept whole (no line
// break inside it) and widened when its reading is wider; the reading is drawn above the
// base, half size, centred (render/ruby_text.cpp). Where the base's text goes into the
// text layer, the reading follows it in the parentheses <rp> gives readers without ruby,
// so that copied text reads "汉(hàn)字(zì)" and never "汉hàn字".
#include "inline/ruby.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "base/utf8.hpp"

namespace folio::pdf {

namespace {

/// The reading's size relative to the base text's.
constexpr double kReadingScale = 0.5;
/// The top of a Han character's em box above its baseline (Noto CJK: 0.88 em).
constexpr double kBaseTopEm = 0.88;
/// The reading's baseline above the base's top, in reading ems: room for descenders (g, y).
constexpr double kReadingDescentEm = 0.24;
/// The reading's height above its baseline, in reading ems: accented capitals and tone marks.
constexpr double kReadingAscentEm = 0.95;
/// Clear space between the reading's top and the line above's bottom, in reading ems:
/// in tight leading (table cells) the reading would otherwise touch the descenders there.
constexpr double kReadingClearanceEm = 0.2;

const char* const kReadingsKey = "folio-ruby-readings";

double reading_width(PangoLayout* base_layout, const std::string& reading, double size) {
  PangoLayout* l = new_reading_layout(base_layout, reading, size);
  PangoRectangle logical;
  pango_layout_get_extents(l, nullptr, &logical);
  g_object_unref(l);
  return logical.width / double(PANGO_SCALE);
}

}  // namespace

void append_ruby(const Ruby& ruby, const InlineSettings& settings, InlineText& out) {
  size_t start = out.text.size();
  append_inlines(ruby.children, settings, out);
  if (ruby.annotation.empty()) return;
  if (out.text.size() == start) {
    // A reading without a base: the reading is all there is to show.
    out.text += ruby.annotation;
    return;
  }
  // A base broken over two lines would leave its reading nowhere to go.
  PangoAttribute* keep = pango_attr_allow_breaks_new(FALSE);
  keep->start_index = static_cast<guint>(start);
  keep->end_index = static_cast<guint>(out.text.size());
  pango_attr_list_insert(out.attrs.get(), keep);
  out.ruby.push_back({static_cast<int>(start), static_cast<int>(out.text.size()), ruby.annotation});
}

PangoLayout* new_reading_layout(PangoLayout* base_layout, const std::string& reading, double size) {
  PangoLayout* l = pango_layout_new(pango_layout_get_context(base_layout));
  const PangoFontDescription* base = pango_layout_get_font_description(base_layout);
  PangoFontDescription* font = base ? pango_font_description_copy(base) : pango_font_description_new();
  pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
  pango_font_description_set_weight(font, PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l, font);
  pango_font_description_free(font);
  pango_layout_set_text(l, reading.data(), static_cast<int>(reading.size()));
  return l;
}

void widen_ruby_bases(PangoLayout* layout, InlineText& text, double size) {
  // Pango drops half a character's letter spacing at a line's start and end, and a base
  // widened may move to another line: so measure again after widening, a few times.
  std::vector<int> spacing(text.ruby.size(), 0);
  for (int pass = 0; pass < 3; ++pass) {
    bool widened = false;
    for (size_t k = 0; k < text.ruby.size(); ++k) {
      const RubySpan& span = text.ruby[k];
      if (span.end <= span.start || span.reading.empty()) continue;
      const std::string_view base(text.text.data() + span.start, static_cast<size_t>(span.end - span.start));
      int chars = 0;
      int last = 0;  // byte offset of the base's last character
      for (size_t i = 0; i < base.size();) {
        last = static_cast<int>(i);
        utf8::next(base, i);
        ++chars;
      }
      PangoRectangle first_pos, last_pos;
      pango_layout_index_to_pos(layout, span.start, &first_pos);
      pango_layout_index_to_pos(layout, span.start + last, &last_pos);
      if (first_pos.y != last_pos.y) continue;  // not on one line: nothing to measure
      const double base_width = (last_pos.x + last_pos.width - first_pos.x) / double(PANGO_SCALE);
      const double extra = reading_width(layout, span.reading, size * kReadingScale) - base_width;
      if (extra <= 0.05) continue;
      // Pango sets letter spacing around each character (half before, half after).
      spacing[k] += static_cast<int>(std::ceil(extra / chars * PANGO_SCALE));
      PangoAttribute* attr = pango_attr_letter_spacing_new(spacing[k]);
      attr->start_index = static_cast<guint>(span.start);
      attr->end_index = static_cast<guint>(span.end);
      pango_attr_list_change(text.attrs.get(), attr);
      widened = true;
    }
    if (!widened) return;
    // Pango keeps a list equal to the one it has, so the layout is given it anew.
    pango_layout_set_attributes(layout, nullptr);
    pango_layout_set_attributes(layout, text.attrs.get());
  }
}

void keep_ruby_readings(PangoLayout* layout, const std::vector<RubySpan>& spans, double size) {
  if (spans.empty()) return;
  auto* readings = new RubyReadings;
  readings->spans = spans;
  readings->size = size * kReadingScale;
  readings->baseline = size * kBaseTopEm + readings->size * kReadingDescentEm;
  g_object_set_data_full(G_OBJECT(layout), kReadingsKey, readings,
                         [](gpointer p) { delete static_cast<RubyReadings*>(p); });
}

const RubyReadings* ruby_readings(PangoLayout* layout) {
  return static_cast<const RubyReadings*>(g_object_get_data(G_OBJECT(layout), kReadingsKey));
}

double ruby_room_above(PangoLayout* layout, int line_start, int line_length) {
  const RubyReadings* readings = ruby_readings(layout);
  if (!readings) return 0;
  for (const RubySpan& span : readings->spans)
    if (span.start < line_start + line_length && span.end > line_start)
      return readings->baseline + readings->size * (kReadingAscentEm + kReadingClearanceEm);
  return 0;
}

}  // namespace folio::pdf
