// Han emphasis in a Kai face (see han_emphasis.hpp).
#include "inline/han_emphasis.hpp"

#include "base/utf8.hpp"

namespace folio::pdf {

namespace {
void set_kai(PangoAttrList* attrs, size_t start, size_t end, const std::string& kai_families) {
  PangoAttribute* family = pango_attr_family_new(kai_families.c_str());
  PangoAttribute* upright = pango_attr_style_new(PANGO_STYLE_NORMAL);
  for (PangoAttribute* a : {family, upright}) {
    a->start_index = unsigned(start);
    a->end_index = unsigned(end);
    pango_attr_list_insert(attrs, a);
  }
}
}  // namespace

void add_han_emphasis_attributes(const std::string& text, size_t start, size_t end, PangoAttrList* attrs,
                                 const std::string& kai_families) {
  if (kai_families.empty()) return;
  size_t run_start = 0;
  bool in_run = false;
  for (size_t at = start; at < end;) {
    size_t here = at;
    char32_t c = utf8::next(text, at);
    bool han = utf8::is_cjk(c) || utf8::is_cjk_punctuation(c);
    if (han && !in_run) run_start = here;
    if (!han && in_run) set_kai(attrs, run_start, here, kai_families);
    in_run = han;
  }
  if (in_run) set_kai(attrs, run_start, end, kai_families);
}

}  // namespace folio::pdf
