// Hyphenation of Latin words (libhyphen, hyphen-en-us): the points of known words, none in
// code, URLs, identifiers or camelCase, at most two hyphenated lines in a row, hyphens
// only where a line would otherwise be loose, and the text itself unchanged.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "font_families.hpp"
#include "inline/cjk_rules.hpp"
#include "inline/hyphenation.hpp"
#include "text_context.hpp"

using namespace folio;
using namespace folio::pdf;

namespace {

const std::string kShy = "\u00AD";

std::string without_shy(std::string s) {
  for (size_t at = s.find(kShy); at != std::string::npos; at = s.find(kShy)) s.erase(at, kShy.size());
  return s;
}

std::unique_ptr<Hyphenator> english() {
  std::unique_ptr<Hyphenator> h = Hyphenator::load("en-US", FOLIO_HYPHEN_DIR);
  REQUIRE(h);
  return h;
}

std::vector<std::string> words_of(const InlineText& t) {
  std::vector<std::string> out;
  for (const HyphenWord& w : hyphenatable_words(t))
    out.push_back(t.text.substr(static_cast<size_t>(w.start), static_cast<size_t>(w.end - w.start)));
  return out;
}

const char* const kEnglish =
    "Typography is the craft of arranging type to make written language legible, readable and appealing "
    "when displayed. Justification distributes the remaining space of every line between its words, and "
    "hyphenation keeps that distribution reasonable: without it, narrow columns of international "
    "documentation show rivers of irregular whitespace, particularly around extraordinarily long "
    "characteristically English vocabulary such as responsibilities, implementation, accessibility, "
    "internationalization and incomprehensibility.";

struct Laid {
  ParagraphLayout p;
  std::string text;  ///< the layout's text
};

Laid lay_out(const TextContext& context, const FontFamilies& fonts, const Inlines& inlines, double width,
             bool hyphenate) {
  InlineSettings settings;
  settings.code_families = fonts.code;
  settings.code_size = 9;
  InlineText t;
  append_inlines(inlines, settings, t);
  ParagraphSpec spec;
  spec.families = fonts.body;
  spec.size = 10.5;
  spec.width = width;
  spec.indent = 21;
  spec.hyphenate = hyphenate;
  ParagraphLayout p = layout_paragraph(context, std::move(t), spec);
  std::string text = pango_layout_get_text(p.layout.get());
  return {std::move(p), std::move(text)};
}

bool ends_hyphenated(const Laid& l, size_t k) {
  const LineBox& line = l.p.lines[k];
  const size_t end = static_cast<size_t>(line.start + line.length);
  return end >= 2 && l.text.compare(end - 2, 2, kShy) == 0;
}

// The widest stretched space of the justified lines, as a multiple of the natural space.
double widest_space(const Laid& l) {
  double widest = 0;
  for (size_t k = 0; k + 1 < l.p.lines.size(); ++k) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(l.p.layout.get(), static_cast<int>(k));
    for (GSList* r = line->runs; r != nullptr; r = r->next) {
      auto* run = static_cast<PangoGlyphItem*>(r->data);
      for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
        const size_t at = static_cast<size_t>(run->item->offset + run->glyphs->log_clusters[g]);
        if (l.text[at] != ' ' || (g + 1 == run->glyphs->num_glyphs && r->next == nullptr)) continue;
        widest = std::max(widest, run->glyphs->glyphs[g].geometry.width / double(PANGO_SCALE));
      }
    }
  }
  return widest;
}

}  // namespace

TEST_CASE("libhyphen's English patterns give the dictionary's points") {
  auto h = english();
  CHECK(h->points("hyphenation") == std::vector<size_t>{2, 6});        // hy-phen-ation
  CHECK(h->points("typography") == std::vector<size_t>{2, 5, 7});      // ty-pog-ra-phy
  CHECK(h->points("Justification") == std::vector<size_t>{3, 5, 7, 9});  // Jus-ti-fi-ca-tion
  CHECK(h->points("paragraph") == std::vector<size_t>{4});             // para-graph
  CHECK(h->points("cat").empty());
  // Chinese text's Latin words are English; a language without patterns has none.
  CHECK(Hyphenator::load("zh-CN", FOLIO_HYPHEN_DIR) != nullptr);
  CHECK(Hyphenator::load("tlh", FOLIO_HYPHEN_DIR) == nullptr);
}

TEST_CASE("no hyphen in code, URLs, file names, identifiers, camelCase or words with digits") {
  InlineSettings settings;
  settings.code_families = "DejaVu Sans Mono";
  InlineText t;
  Link url_link;
  url_link.href = "https://example.com/documentation";
  url_link.children = {Inline{Text{"https://example.com/documentation"}, {}}};
  Link named_link;
  named_link.href = "https://example.com/";
  named_link.children = {Inline{Text{"documentation"}, {}}};
  append_inlines({Inline{Text{"Hyphenation of "}, {}}, Inline{Code{"implementation"}, {}},
                  Inline{Text{" and javaScript, iPhone, HTTPS, readme.markdown, snake_case, v2alpha3, "
                              "www.typography.org, don't, Kubernetes 集群里的goroutine调度，"},
                         {}},
                  Inline{url_link, {}}, Inline{Text{" or "}, {}}, Inline{named_link, {}}},
                 settings, t);
  CHECK(words_of(t) == std::vector<std::string>{"Hyphenation", "Kubernetes", "goroutine", "documentation"});
}

TEST_CASE("loose lines get hyphens, never more than two in a row, and the text stays the source") {
  Diagnostics diag;
  FontFamilies fonts = font_families({}, "en-US", diag);
  TextContext context{"en-US"};
  REQUIRE(context.hyphenator() != nullptr);
  int hyphenated = 0, two_in_a_row = 0, widths = 0;
  double widest_before = 0, widest_after = 0;
  for (double width = 120; width <= 300; width += 5) {
    CAPTURE(width);
    const Inlines inlines{Inline{Text{kEnglish}, {}}};
    const Laid plain = lay_out(context, fonts, inlines, width, false);
    const Laid hyph = lay_out(context, fonts, inlines, width, true);
    CHECK(plain.text.find(kShy) == std::string::npos);
    CHECK(without_shy(hyph.text) == kEnglish);
    int run = 0;
    for (size_t k = 0; k < hyph.p.lines.size(); ++k) {
      if (!ends_hyphenated(hyph, k)) {
        run = 0;
        continue;
      }
      ++hyphenated;
      CHECK(k + 1 < hyph.p.lines.size());
      CHECK(++run <= kMaxHyphenatedLines);
      two_in_a_row += run == 2;
    }
    // Hyphens go where a line was loose: the widest spaces shrink.
    widest_before += widest_space(plain);
    widest_after += widest_space(hyph);
    ++widths;
  }
  MESSAGE("widest space, mean over widths: " << widest_before / widths << " pt without hyphens, "
                                              << widest_after / widths << " pt with them");
  CHECK(hyphenated > 20);
  CHECK(two_in_a_row > 0);
  CHECK(widest_after < 0.75 * widest_before);
}

TEST_CASE("hyphenation leaves inline code and tight paragraphs alone") {
  Diagnostics diag;
  FontFamilies fonts = font_families({}, "zh-CN", diag);
  TextContext context{"zh-CN"};
  int hyphenated = 0;
  for (double width = 150; width <= 320; width += 6) {
    CAPTURE(width);
    const Inlines inlines{Inline{Text{"问：goroutine 泄漏怎么排查？答：先看 "}, {}},
                          Inline{Code{"runtime.NumGoroutine()"}, {}},
                          Inline{Text{" 的趋势，再用 pprof 的 goroutine profile 找到卡住的 implementation 调用栈。"}, {}},
                          Inline{Code{"internationalization_documentation"}, {}}};
    const Laid l = lay_out(context, fonts, inlines, width, true);
    for (size_t at = l.text.find(kShy); at != std::string::npos; at = l.text.find(kShy, at + 1)) {
      ++hyphenated;
      // Only inside the prose words that may take one, never in the code around them.
      const std::string plain = without_shy(l.text);
      size_t start = without_shy(l.text.substr(0, at)).size(), end = start;
      const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
      while (start > 0 && letter(plain[start - 1])) --start;
      while (end < plain.size() && letter(plain[end])) ++end;
      const std::string word = plain.substr(start, end - start);
      CAPTURE(word);
      CHECK((word == "goroutine" || word == "implementation" || word == "profile"));
    }
  }
  MESSAGE("soft hyphens inserted: " << hyphenated);
}
