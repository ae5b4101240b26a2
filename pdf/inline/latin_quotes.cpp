// Quotes between Latin letters from the Latin font (see latin_quotes.hpp).
#include "inline/latin_quotes.hpp"

#include <vector>

#include "base/utf8.hpp"

namespace folio::pdf {

namespace {

bool is_quote(char32_t c) { return c >= 0x2018 && c <= 0x201D && c != 0x201A && c != 0x201B; }

bool is_latin(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

}  // namespace

void add_latin_quote_attributes(const std::string& text, PangoAttrList* attrs, const std::string& latin_families) {
  if (latin_families.empty()) return;
  struct Char {
    char32_t c;
    size_t start, end;
  };
  std::vector<Char> chars;
  for (size_t at = 0; at < text.size();) {
    size_t start = at;
    char32_t c = utf8::next(text, at);
    chars.push_back({c, start, at});
  }
  auto neighbour_is_latin = [&](size_t i, int step) {
    for (long j = long(i) + step; j >= 0 && j < long(chars.size()); j += step) {
      char32_t c = chars[size_t(j)].c;
      if (c == ' ' || is_quote(c)) continue;
      return is_latin(c);
    }
    return false;
  };
  for (size_t i = 0; i < chars.size(); ++i) {
    if (!is_quote(chars[i].c) || !neighbour_is_latin(i, -1) || !neighbour_is_latin(i, 1)) continue;
    PangoAttribute* a = pango_attr_family_new(latin_families.c_str());
    a->start_index = unsigned(chars[i].start);
    a->end_index = unsigned(chars[i].end);
    pango_attr_list_insert(attrs, a);
  }
}

}  // namespace folio::pdf
