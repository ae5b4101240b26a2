// Han emphasis in a Kai face or with dots (see han_emphasis.hpp).
#include "inline/han_emphasis.hpp"

#include "base/han_runs.hpp"

namespace folio::pdf {

namespace {

/// Pango keeps only the attributes it knows in a run's extra attributes (1.50 filters the
/// rest out before shaping and drawing), so the mark is a background alpha of this value:
/// it changes nothing without a background colour, and folio sets no other.
constexpr guint16 kDotsMark = 1;

void add(PangoAttrList* attrs, PangoAttribute* a, size_t start, size_t end) {
  a->start_index = unsigned(start);
  a->end_index = unsigned(end);
  pango_attr_list_insert(attrs, a);
}

}  // namespace

PangoAttribute* emphasis_dots_attr_new() { return pango_attr_background_alpha_new(kDotsMark); }

bool is_emphasis_dots_attr(const PangoAttribute* attr) {
  return attr && attr->klass->type == PANGO_ATTR_BACKGROUND_ALPHA &&
         reinterpret_cast<const PangoAttrInt*>(attr)->value == kDotsMark;
}

void add_han_emphasis_attributes(const std::string& text, size_t start, size_t end, PangoAttrList* attrs,
                                 HanEmphasis emphasis, const std::string& kai_families) {
  if (emphasis == HanEmphasis::slant || (emphasis == HanEmphasis::kai && kai_families.empty())) return;
  std::string_view span(text.data() + start, end - start);
  for (auto [first, last] : han_runs(span)) {
    size_t a = start + first, b = start + last;
    add(attrs, pango_attr_style_new(PANGO_STYLE_NORMAL), a, b);
    if (emphasis == HanEmphasis::kai) add(attrs, pango_attr_family_new(kai_families.c_str()), a, b);
    else add(attrs, emphasis_dots_attr_new(), a, b);
  }
}

}  // namespace folio::pdf
