// Code colours: every token colour keeps WCAG AA contrast (4.5:1) on its background and
// on the highlighted-line band, in the light, dark and print palettes, for every theme
// a Chroma style maps to; the print palette still does in grayscale.
#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "folio/book.hpp"
#include "highlight/highlight.hpp"

using namespace folio;
using namespace folio::highlight;

namespace {

// What a grayscale printer makes of a colour (ITU-R BT.601 luma, as most drivers use).
Rgb gray(Rgb c) {
  double y = 0.299 * ((c >> 16) & 0xff) + 0.587 * ((c >> 8) & 0xff) + 0.114 * (c & 0xff);
  auto v = Rgb(std::lround(y));
  return (v << 16) | (v << 8) | v;
}

void check_palette(const CodePalette& p, bool grayscale) {
  INFO("theme " << p.theme);
  std::vector<Rgb> colors{p.foreground, p.line_number};
  for (const TokenLook& t : p.tokens) colors.push_back(t.color);
  for (Rgb c : colors) {
    CHECK(contrast_ratio(c, p.background) >= 4.5);
    CHECK(contrast_ratio(c, p.band) >= 4.5);
    if (grayscale) {
      CHECK(contrast_ratio(gray(c), gray(p.background)) >= 4.5);
      CHECK(contrast_ratio(gray(c), gray(p.band)) >= 4.5);
    }
  }
}

}  // namespace

TEST_CASE("WCAG contrast ratio") {
  CHECK(contrast_ratio(0x000000, 0xffffff) == doctest::Approx(21.0));
  CHECK(contrast_ratio(0x777777, 0xffffff) == doctest::Approx(4.48).epsilon(0.01));
  CHECK(contrast_ratio(0xffffff, 0xffffff) == doctest::Approx(1.0));
  CHECK(contrast_ratio(with_contrast(0xbbbbbb, 0xffffff, 4.5), 0xffffff) >= 4.5);
  CHECK(contrast_ratio(with_contrast(0x333333, 0x000000, 4.5), 0x000000) >= 4.5);
}

TEST_CASE("the default colours and every mapped Chroma style keep 4.5:1") {
  for (const char* style : {"", "github", "github-dark", "monokai", "solarized-light", "solarized-dark", "dracula",
                            "nord", "gruvbox", "gruvbox-light", "onedark", "vim", "bw", "ayu-light"}) {
    Book book;
    book.config.code.theme = style;
    Diagnostics diag;
    highlight_book(book, nullptr, diag);
    INFO("style " << std::string(style));
    CHECK(diag.warning_count() == 0);
    check_palette(book.code_colors.light, false);
    check_palette(book.code_colors.dark, false);
    check_palette(book.code_colors.print, true);
    // The dark scheme is dark, the print one light.
    CHECK(relative_luminance(book.code_colors.dark.background) < 0.18);
    CHECK(relative_luminance(book.code_colors.print.background) > 0.7);
  }
}

TEST_CASE("the default themes keep their colours apart: the tokens are not all one colour") {
  if (!highlighting_available()) return;
  Book book;
  Diagnostics diag;
  highlight_book(book, nullptr, diag);
  for (const CodePalette* p : {&book.code_colors.light, &book.code_colors.dark, &book.code_colors.print}) {
    std::set<Rgb> distinct;
    for (TokenStyle s : {TokenStyle::keyword, TokenStyle::string, TokenStyle::comment, TokenStyle::dec_val,
                         TokenStyle::data_type})
      distinct.insert(p->look(s).color);
    INFO(p->theme);
    CHECK(distinct.size() >= 3);
  }
  CHECK(book.code_colors.light.theme == "GitHub Light");
  CHECK(book.code_colors.dark.theme == "GitHub Dark");
  CHECK(book.code_colors.print.theme == "Printing");
}
