// Hugo's code options: fence attributes `{linenos=table,hl_lines=[8,"15-17"]}`, the
// highlight shortcode's `linenos=inline,hl_lines=2 4-5` and markup.highlight's keys.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include "highlight.hpp"

namespace folio::highlight {

namespace {

bool is_key_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string_view unquote(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    return v.substr(1, v.size() - 2);
  return v;
}

// Does a `key=` start at i?
bool key_starts(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && is_key_char(s[j])) ++j;
  return j > i && j < s.size() && s[j] == '=';
}

// hl_lines: `[8,"15-17"]`, `"2 4-5"`, `2 4-5`: numbers and ranges.
std::vector<int> parse_lines(std::string_view v) {
  std::vector<int> out;
  std::string item;
  auto flush = [&] {
    if (item.empty()) return;
    size_t dash = item.find('-');
    auto a = to_int(std::string_view(item).substr(0, dash));
    auto b = dash == std::string::npos ? a : to_int(std::string_view(item).substr(dash + 1));
    if (a && b && *a >= 1 && *b >= *a && *b - *a < 100000)
      for (int k = *a; k <= *b; ++k) out.push_back(k);
    item.clear();
  };
  for (char c : v) {
    if (c == '[' || c == ']' || c == '"' || c == '\'') continue;
    if (c == ',' || is_space(c)) flush();
    else item += c;
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<bool> to_bool(std::string_view v) {
  std::string s = lower(v);
  if (s == "true" || s == "yes" || s == "on") return true;
  if (s == "false" || s == "no" || s == "off") return false;
  return std::nullopt;
}

}  // namespace

std::string_view info_attributes(std::string_view info) {
  size_t brace = info.find('{');
  return brace == std::string_view::npos ? std::string_view() : info.substr(brace);
}

CodeAttributes parse_code_attributes(std::string_view text) {
  CodeAttributes out;
  std::string_view s = text;
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  if (!s.empty() && s.front() == '{') s.remove_prefix(1);
  if (!s.empty() && s.back() == '}') s.remove_suffix(1);

  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
    if (i >= s.size()) break;
    size_t key_begin = i;
    while (i < s.size() && is_key_char(s[i])) ++i;
    std::string key = lower(s.substr(key_begin, i - key_begin));
    if (i >= s.size() || s[i] != '=') {
      // `.class`, `#id` or a bare word: Hugo passes them to the HTML; folio has no use.
      while (i < s.size() && !is_space(s[i]) && s[i] != ',') ++i;
      continue;
    }
    ++i;  // '='
    size_t value_begin = i;
    if (i < s.size() && s[i] == '[') {
      while (i < s.size() && s[i] != ']') ++i;
      if (i < s.size()) ++i;
    } else if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      char q = s[i++];
      while (i < s.size() && s[i] != q) ++i;
      if (i < s.size()) ++i;
    } else {
      // Up to a comma or a space; hl_lines goes on over spaces before more numbers ("2 4-5").
      while (i < s.size() && s[i] != ',') {
        if (is_space(s[i])) {
          size_t j = i;
          while (j < s.size() && is_space(s[j])) ++j;
          if (key != "hl_lines" || j >= s.size() || !std::isdigit(static_cast<unsigned char>(s[j])) || key_starts(s, j))
            break;
        }
        ++i;
      }
    }
    std::string_view raw = s.substr(value_begin, i - value_begin);
    while (!raw.empty() && is_space(raw.back())) raw.remove_suffix(1);
    std::string_view value = unquote(raw);

    if (key == "linenos") {
      std::string v = lower(value);
      if (v == "table") out.numbers = CodeLines::Numbers::table;
      else if (v == "inline") out.numbers = CodeLines::Numbers::inline_;
      else if (auto b = to_bool(v)) out.numbers = *b ? CodeLines::Numbers::table : CodeLines::Numbers::none;
      else out.unknown.push_back("linenos=" + std::string(value));
    } else if (key == "hl_lines") {
      out.highlighted = parse_lines(raw);
    } else if (key == "linenostart") {
      if (auto n = to_int(value)) out.start = *n;
      else out.unknown.push_back("linenostart=" + std::string(value));
    } else if (key == "style") {
      out.style = std::string(value);
    } else if (key == "guesssyntax") {
      out.guess = to_bool(value);
    } else if (key == "tabwidth") {
      if (auto n = to_int(value); n && *n >= 0 && *n <= 16) out.tab_width = *n;
    } else if (key == "anchorlinenos" || key == "lineanchors" || key == "noclasses" ||
               key == "hl_inline" || key == "linenumbersintable" || key == "codefences" ||
               key == "title" || key == "id" || key == "class") {
      // Hugo's options that only change its HTML.
    } else {
      out.unknown.push_back(key);
    }
  }
  return out;
}

}  // namespace folio::highlight
