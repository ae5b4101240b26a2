// Small text tests shared by the guessers (guess.cpp, guess_book.cpp): a block is judged
// line by line, on trimmed lines, by prefixes, suffixes and substrings.
#pragma once

#include <cctype>
#include <string_view>
#include <vector>

namespace folio::highlight::signs {

using Lines = std::vector<std::string_view>;

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

inline bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
inline bool ends(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }
inline bool has(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }
inline bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// Non-empty lines, trimmed on the right.
inline Lines lines_of(std::string_view code) {
  Lines out;
  size_t b = 0;
  while (b <= code.size()) {
    size_t e = code.find('\n', b);
    if (e == std::string_view::npos) e = code.size();
    std::string_view l = code.substr(b, e - b);
    while (!l.empty() && std::isspace(static_cast<unsigned char>(l.back()))) l.remove_suffix(1);
    if (!trim(l).empty()) out.push_back(l);
    b = e + 1;
  }
  return out;
}

}  // namespace folio::highlight::signs
