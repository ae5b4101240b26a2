// Quotes between Latin letters from the Latin font (see latin_quotes.hpp).
#include "inline/latin_quotes.hpp"

#include "base/latin_quotes.hpp"

namespace folio::pdf {

void add_latin_quote_attributes(const std::string& text, PangoAttrList* attrs, const std::string& latin_families) {
  if (latin_families.empty()) return;
  for (size_t at : latin_quote_offsets(text)) {
    PangoAttribute* a = pango_attr_family_new(latin_families.c_str());
    a->start_index = unsigned(at);
    a->end_index = unsigned(at + 3);  // every quote of the rule is 3 bytes of UTF-8
    pango_attr_list_insert(attrs, a);
  }
}

}  // namespace folio::pdf
