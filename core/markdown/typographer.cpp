// Hugo's typographer on normal text: curly quotes, en/em dashes, ellipsis, « ».
#include "base/utf8.hpp"
#include "reading.hpp"

namespace folio::markdown {
namespace {

/// A quote opens after nothing, whitespace or opening punctuation; otherwise it closes.
bool opens_after(char32_t c) {
  return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' || c == '{' ||
         c == '-' || c == 0x2014 || c == 0x2013 || c == 0x201C || c == 0x2018 ||
         utf8::is_cjk(c);
}

}  // namespace

std::string typographer(std::string_view text, char32_t previous) {
  if (text.find_first_of("'\"-.<>") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  char32_t before = previous;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '-' && text.compare(i, 3, "---") == 0) {
      out += "\u2014";
      i += 3;
      before = 0x2014;
      continue;
    }
    if (c == '-' && text.compare(i, 2, "--") == 0) {
      out += "\u2013";
      i += 2;
      before = 0x2013;
      continue;
    }
    if (c == '.' && text.compare(i, 3, "...") == 0) {
      out += "\u2026";
      i += 3;
      before = 0x2026;
      continue;
    }
    if (c == '<' && text.compare(i, 2, "<<") == 0) {
      out += "\u00AB";
      i += 2;
      before = 0xAB;
      continue;
    }
    if (c == '>' && text.compare(i, 2, ">>") == 0) {
      out += "\u00BB";
      i += 2;
      before = 0xBB;
      continue;
    }
    if (c == '"') {
      out += opens_after(before) ? "\u201C" : "\u201D";
      ++i;
      before = '"';
      continue;
    }
    if (c == '\'') {
      // An apostrophe inside a word (don't, it's) is a right single quote too.
      out += opens_after(before) ? "\u2018" : "\u2019";
      ++i;
      before = '\'';
      continue;
    }
    size_t start = i;
    before = utf8::next(text, i);
    out.append(text.substr(start, i - start));
  }
  return out;
}

}  // namespace folio::markdown
