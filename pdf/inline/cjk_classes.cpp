// Character classes for CJK typography: clreq/JLReq line-start and line-end prohibitions,
// the marks that compress, and what counts as Han or Latin for spacing.
#include "inline/cjk_classes.hpp"

#include <algorithm>
#include <array>

#include "base/utf8.hpp"
#include "inline/cjk.hpp"

namespace folio::pdf {
namespace {

// Sorted at compile time so that lookups can binary-search.
template <size_t N>
constexpr std::array<char32_t, N> sorted(std::array<char32_t, N> a) {
  std::sort(a.begin(), a.end());
  return a;
}

// clreq "Prohibition Rules for Line Start" (basic + strict) and JLReq cl-02..cl-11.
// ASCII '-' and '.' are left out: in mixed text they begin Latin tokens (-v, .NET).
constexpr auto kNotStarting = sorted(std::array<char32_t, 77>{
    U'!',     U'%',     U')',     U',',     U':',     U';',     U'?',     U']',     U'}',
    U'\u00B0', U'\u00B7', U'\u00BB', U'\u2010', U'\u2013', U'\u2014', U'\u2019', U'\u201D',
    U'\u2025', U'\u2026', U'\u2027', U'\u2030', U'\u2032', U'\u2033', U'\u203A', U'\u203C',
    U'\u2047', U'\u2048', U'\u2049', U'\u2103', U'\u22EF', U'\u2E3A', U'\u2E3B', U'\u3001',
    U'\u3002', U'\u3005', U'\u3009', U'\u300B', U'\u300D', U'\u300F', U'\u3011', U'\u3015',
    U'\u3017', U'\u3019', U'\u301B', U'\u301C', U'\u301F', U'\u303B', U'\u309D', U'\u309E',
    U'\u30A0', U'\u30FB', U'\u30FC', U'\u30FD', U'\u30FE', U'\uFF01', U'\uFF05', U'\uFF09',
    U'\uFF0C', U'\uFF0E', U'\uFF1A', U'\uFF1B', U'\uFF1F', U'\uFF3D', U'\uFF5D', U'\uFF5E',
    U'\uFF60', U'\uFF63', U'\uFF64', U'\uFF61', U'\uFE50', U'\uFE51', U'\uFE52', U'\uFE54',
    U'\uFE55', U'\uFE56', U'\uFE57', U'\uFE5A'});

// clreq "Prohibition Rules for Line End" (opening marks) and JLReq cl-01, plus the
// full-width solidus of the GB style.
constexpr auto kNotEnding = sorted(std::array<char32_t, 26>{
    U'(',      U'[',      U'{',      U'\u00AB', U'\u2018', U'\u201C', U'\u2039', U'\u3008',
    U'\u300A', U'\u300C', U'\u300E', U'\u3010', U'\u3014', U'\u3016', U'\u3018', U'\u301A',
    U'\u301D', U'\uFE59', U'\uFE5B', U'\uFE5D', U'\uFF08', U'\uFF0F', U'\uFF3B', U'\uFF5B',
    U'\uFF5F', U'\uFF62'});

bool is_small_kana(char32_t c) {
  switch (c) {
    case U'ぁ': case U'ぃ': case U'ぅ': case U'ぇ': case U'ぉ': case U'っ': case U'ゃ':
    case U'ゅ': case U'ょ': case U'ゎ': case U'ゕ': case U'ゖ': case U'ァ': case U'ィ':
    case U'ゥ': case U'ェ': case U'ォ': case U'ッ': case U'ャ': case U'ュ': case U'ョ':
    case U'ヮ': case U'ヵ': case U'ヶ':
      return true;
    default:
      return c >= 0x31F0 && c <= 0x31FF;
  }
}

template <size_t N>
bool contains(const std::array<char32_t, N>& table, char32_t c) {
  return std::binary_search(table.begin(), table.end(), c);
}

// Ideographs and ASCII letters and digits, most of any text, take the fast way.
bool is_plain_letter(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= U'0' && c <= U'9');
}

}  // namespace

bool may_start_line(char32_t c) {
  return is_plain_letter(c) || (!contains(kNotStarting, c) && !is_small_kana(c));
}

bool may_end_line(char32_t c) { return is_plain_letter(c) || !contains(kNotEnding, c); }

namespace cjk {

bool is_ideograph(char32_t c) {
  return utf8::is_han(c) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
         (c >= 0x31F0 && c <= 0x31FF);
}

bool is_latin_alnum(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  // Latin-1 letters (not × ÷), Latin Extended, IPA, Greek, Cyrillic.
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x4FF);
}

bool is_cjk_text(char32_t c) { return utf8::is_cjk(c) || utf8::is_cjk_punctuation(c); }

bool is_word_space(char32_t c) { return c == U' ' || c == 0xA0; }

bool is_closing_mark(char32_t c) {
  switch (c) {
    case U'，': case U'。': case U'、': case U'；': case U'：': case U'！': case U'？':
    case U'）': case U'」': case U'』': case U'】': case U'》': case U'〉': case U'〕':
    case U'〗': case U'］': case U'｝': case U'”': case U'’': case U'．':
      return true;
    default:
      return false;
  }
}

bool is_opening_mark(char32_t c) {
  switch (c) {
    case U'（': case U'「': case U'『': case U'【': case U'《': case U'〈': case U'〔':
    case U'〖': case U'［': case U'｛': case U'“': case U'‘':
      return true;
    default:
      return false;
  }
}

bool is_long_mark(char32_t c) {
  return c == 0x2014 || c == 0x2026 || c == 0x22EF || c == 0x2E3A || c == 0x2E3B;
}

bool is_connector(char32_t c) {
  return c == 0xFF5E || c == 0xFF0F || c == 0x2013 || c == 0x301C || c == U'/';
}

char32_t previous(std::string_view s, size_t& i) {
  size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && i - start < 4)
    --start;
  i = start;
  size_t j = start;
  return utf8::next(s, j);
}

}  // namespace cjk
}  // namespace folio::pdf
