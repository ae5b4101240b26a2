// Coverage check: each character of the book that no font of its role's chain has a glyph
// for, reported once at the place it first occurs.
#include <algorithm>
#include <cstdio>
#include <set>

#include "base/utf8.hpp"
#include "book_text.hpp"
#include "folio/fonts.hpp"
#include "font_face.hpp"

namespace folio {

namespace {

std::string describe(char32_t c) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", unsigned(c));
  std::string out = std::string("no font covers ") + hex + " (";
  utf8::append(out, c);
  return out + ")";
}

bool chain_has_cjk(const FontChain& chain) {
  return std::any_of(chain.fonts.begin(), chain.fonts.end(), [](const ResolvedFont& f) { return f.script == "han"; });
}

}  // namespace

void check_coverage(const Book& book, const FontSet& fonts, Diagnostics& diagnostics) {
  fonts::BookText text = fonts::collect_book_text(book);
  struct Miss {
    fonts::UsedChar used;
    FontRole role;
  };
  std::vector<Miss> misses;
  for (FontRole role : {FontRole::body, FontRole::heading, FontRole::code}) {
    fonts::OpenedChain chain(fonts.chain(role));
    for (const auto& used : text.of(role))
      if (chain.first_covering(used.code_point) < 0) misses.push_back({used, role});
  }
  // A character missed by two roles is one problem: report it at its first place only.
  std::sort(misses.begin(), misses.end(), [](const Miss& a, const Miss& b) { return a.used.order < b.used.order; });
  std::set<char32_t> reported;
  bool cjk_missing_reported = false;
  for (const auto& miss : misses) {
    char32_t c = miss.used.code_point;
    if (!reported.insert(c).second) continue;
    if (utf8::is_cjk(c) && !chain_has_cjk(fonts.chain(miss.role)) && !cjk_missing_reported) {
      cjk_missing_reported = true;
      diagnostics.error(miss.used.first,
                        "the text needs CJK glyphs but no CJK font is installed: install the Debian package "
                        "fonts-noto-cjk (apt-get install fonts-noto-cjk)");
    }
    diagnostics.warning(miss.used.first, describe(c));
  }
}

}  // namespace folio
