// Ruby in a PDF paragraph: the base text, then its reading at half size, raised, in the
// parentheses <rp> gives readers without ruby, so that copied text reads "汉(hàn)".
// Setting the reading above the base needs the base's width at layout time, which this
// attribute-only pass does not have.
#include "inline/ruby.hpp"

namespace folio::pdf {

void append_ruby(const Ruby& ruby, const InlineSettings& settings, InlineText& out) {
  append_inlines(ruby.children, settings, out);
  if (ruby.annotation.empty()) return;
  size_t start = out.text.size();
  out.text += "(" + ruby.annotation + ")";
  PangoAttribute* rise = pango_attr_rise_new(static_cast<int>(settings.font_size * 0.6 * PANGO_SCALE));
  rise->start_index = static_cast<guint>(start);
  rise->end_index = static_cast<guint>(out.text.size());
  pango_attr_list_insert(out.attrs.get(), rise);
  PangoAttribute* scale = pango_attr_scale_new(0.5);
  scale->start_index = static_cast<guint>(start);
  scale->end_index = static_cast<guint>(out.text.size());
  pango_attr_list_insert(out.attrs.get(), scale);
}

}  // namespace folio::pdf
