// Quotes between Latin letters (see latin_quotes.hpp).
#include "base/latin_quotes.hpp"

#include "base/utf8.hpp"

namespace folio {

namespace {

bool is_quote(char32_t c) { return c >= 0x2018 && c <= 0x201D && c != 0x201A && c != 0x201B; }

bool is_latin(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

}  // namespace

std::vector<size_t> latin_quote_offsets(std::string_view text) {
  struct Char {
    char32_t c;
    size_t start;
  };
  std::vector<Char> chars;
  for (size_t at = 0; at < text.size();) {
    size_t start = at;
    chars.push_back({utf8::next(text, at), start});
  }
  auto neighbour_is_latin = [&](size_t i, int step) {
    for (long j = long(i) + step; j >= 0 && j < long(chars.size()); j += step) {
      char32_t c = chars[size_t(j)].c;
      if (c == ' ' || is_quote(c)) continue;
      return is_latin(c);
    }
    return false;
  };
  std::vector<size_t> offsets;
  for (size_t i = 0; i < chars.size(); ++i)
    if (is_quote(chars[i].c) && neighbour_is_latin(i, -1) && neighbour_is_latin(i, 1)) offsets.push_back(chars[i].start);
  return offsets;
}

}  // namespace folio
