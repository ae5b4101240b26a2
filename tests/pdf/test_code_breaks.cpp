// Inline code: break opportunities only in a span too long for a line of its own (or that
// leaves the line before it loose), after . / _ :: , and before (, never a change to the
// text a reader copies.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "font_families.hpp"
#include "inline/code_breaks.hpp"
#include "style.hpp"

using namespace folio;
using namespace folio::pdf;

namespace {

const std::string kZwsp = "\u200B";

std::string without_zwsp(std::string s) {
  for (size_t at = s.find(kZwsp); at != std::string::npos; at = s.find(kZwsp)) s.erase(at, kZwsp.size());
  return s;
}

InlineText with_code(const std::string& before, const std::string& code, const std::string& after, double size) {
  InlineSettings settings;
  settings.code_families = "DejaVu Sans Mono";
  settings.code_size = size;
  InlineText t;
  append_inlines({Inline{Text{before}, {}}, Inline{Code{code}, {}}, Inline{Text{after}, {}}}, settings, t);
  return t;
}

}  // namespace

TEST_CASE("a code span that fits a line is left whole; a longer one gets breaks after . / _ :: , and before (") {
  const std::string code = "github.com/folio/pdf::inline_code(a,b)";
  InlineText fits = with_code("看 ", code, " 的实现。", 9);
  add_code_break_opportunities(fits, 400);
  CHECK(fits.text.find(kZwsp) == std::string::npos);

  InlineText narrow = with_code("看 ", code, " 的实现。", 9);
  add_code_break_opportunities(narrow, 100);
  CHECK(without_zwsp(narrow.text) == "看 " + code + " 的实现。");
  // After "github." "com/" "folio/" "pdf::" "inline_" "a,", before "(", never at the ends.
  CHECK(narrow.text.find("github.\u200Bcom/\u200Bfolio/\u200Bpdf::\u200Binline_\u200Bcode\u200B(a,\u200Bb)") !=
        std::string::npos);
  // An empty argument list stays with its name.
  InlineText call = with_code("", "runtime.NumGoroutine()", "", 9);
  add_code_break_opportunities(call, 50);
  CHECK(call.text == "runtime.\u200BNumGoroutine()");
  REQUIRE(narrow.code.size() == 1);
  CHECK(narrow.text.substr(static_cast<size_t>(narrow.code[0].end), 1) == " ");
}

TEST_CASE("a long code span breaks at its break points, and each line fits the measure") {
  Diagnostics diag;
  FontFamilies fonts = font_families({}, "zh-CN", diag);
  TextContext context{"zh-CN"};
  const std::string code = "github.com/folio/folio/pdf/inline/code_breaks.cpp";
  InlineText t = with_code("源码在 ", code, " 里。", 9);
  ParagraphSpec spec;
  spec.families = fonts.body;
  spec.width = 120;
  ParagraphLayout p = layout_paragraph(context, std::move(t), spec);
  const std::string laid_out = pango_layout_get_text(p.layout.get());
  REQUIRE(p.lines.size() >= 3);
  for (size_t k = 0; k < p.lines.size(); ++k) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(p.layout.get(), static_cast<int>(k));
    PangoRectangle logical;
    pango_layout_line_get_extents(line, nullptr, &logical);
    CAPTURE(laid_out.substr(static_cast<size_t>(p.lines[k].start), static_cast<size_t>(p.lines[k].length)));
    CHECK(logical.width / double(PANGO_SCALE) <= spec.width + 0.01);
    if (k + 1 == p.lines.size()) continue;
    // Every line inside the code ends at a break point (its ZWSP), never mid-word.
    const std::string line_text = laid_out.substr(static_cast<size_t>(p.lines[k].start), static_cast<size_t>(p.lines[k].length));
    const bool at_break = line_text.size() >= 3 && line_text.substr(line_text.size() - 3) == kZwsp;
    const bool at_space = !line_text.empty() && line_text.back() == ' ';
    CHECK((at_break || at_space));
  }
}

namespace {

// The widest glyph advance (a stretched space) of the paragraph's justified lines.
int widest_gap(const ParagraphLayout& p) {
  int widest = 0;
  for (size_t k = 0; k + 1 < p.lines.size(); ++k) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(p.layout.get(), static_cast<int>(k));
    for (GSList* r = line->runs; r != nullptr; r = r->next) {
      auto* run = static_cast<PangoGlyphItem*>(r->data);
      for (int g = 0; g < run->glyphs->num_glyphs; ++g) widest = std::max(widest, run->glyphs->glyphs[g].geometry.width);
    }
  }
  return widest;
}

}  // namespace

TEST_CASE("a code span that leaves the line before it loose gets its break opportunities") {
  Diagnostics diag;
  FontFamilies fonts = font_families({}, "zh-CN", diag);
  TextContext context{"zh-CN"};
  int split = 0, filled = 0, narrower = 0;
  for (double width = 150; width <= 320; width += 6) {
    InlineSettings settings;
    settings.code_families = fonts.code;
    settings.code_size = 9;
    InlineText t;
    append_inlines({Inline{Text{"问：goroutine 泄漏怎么排查？答：先看 "}, {}}, Inline{Code{"runtime.NumGoroutine()"}, {}},
                    Inline{Text{" 的趋势，再用 pprof 的 goroutine profile 找到卡住的调用栈。"}, {}}},
                   settings, t);
    // The same paragraph with the span unknown to the rule: it stays whole.
    InlineText whole;
    append_inlines({Inline{Text{"问：goroutine 泄漏怎么排查？答：先看 "}, {}}, Inline{Code{"runtime.NumGoroutine()"}, {}},
                    Inline{Text{" 的趋势，再用 pprof 的 goroutine profile 找到卡住的调用栈。"}, {}}},
                   settings, whole);
    whole.code.clear();
    ParagraphSpec spec;
    spec.families = fonts.body;
    spec.size = 10.5;
    spec.width = width;
    spec.indent = 21;
    ParagraphLayout p = layout_paragraph(context, std::move(t), spec);
    ParagraphLayout q = layout_paragraph(context, std::move(whole), spec);
    const std::string laid_out = pango_layout_get_text(p.layout.get());
    if (laid_out.find(kZwsp) == std::string::npos) continue;
    ++split;
    CAPTURE(width);
    for (size_t k = 0; k + 1 < p.lines.size(); ++k) {
      const std::string line_text = laid_out.substr(static_cast<size_t>(p.lines[k].start), static_cast<size_t>(p.lines[k].length));
      // "runtime." moved up to fill the line that "runtime.NumGoroutine()" left loose.
      filled += line_text.size() > 11 && line_text.substr(line_text.size() - 11) == "runtime." + kZwsp;
    }
    // Where the span was broken, the widest gap often shrinks (a line of few CJK gaps
    // before the code can still end up as loose as the whole span left it).
    narrower += widest_gap(p) + 5 * PANGO_SCALE < widest_gap(q);
  }
  CHECK(split > 0);
  CHECK(filled > 0);
  CHECK(narrower > 0);
}

namespace {

// The widest space (outside inline code) of a paragraph's justified lines, and whether a
// line mixing Han and Latin text widened a gap between two Han characters past 0.1 em
// (pdftotext would read a space there).
struct Gaps {
  double widest_space = 0;
  double widest_han = 0;  ///< widest Han advance in a line with spaces, em
};

Gaps gaps_of(const ParagraphLayout& p, double size) {
  Gaps g;
  const std::string text = pango_layout_get_text(p.layout.get());
  for (size_t k = 0; k + 1 < p.lines.size(); ++k) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(p.layout.get(), static_cast<int>(k));
    bool spaces = false;
    double widest_han = 0;
    for (GSList* r = line->runs; r != nullptr; r = r->next) {
      auto* run = static_cast<PangoGlyphItem*>(r->data);
      PangoFontDescription* font = pango_font_describe(run->item->analysis.font);
      const bool mono = std::string(pango_font_description_get_family(font)).find("Mono") != std::string::npos;
      pango_font_description_free(font);
      for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
        size_t at = static_cast<size_t>(run->item->offset + run->glyphs->log_clusters[i]);
        const double width = run->glyphs->glyphs[i].geometry.width / double(PANGO_SCALE);
        const bool line_end = i + 1 == run->glyphs->num_glyphs && r->next == nullptr;
        const char32_t c = utf8::next(text, at);
        if (c == U' ' && !mono && !line_end) {
          spaces = true;
          g.widest_space = std::max(g.widest_space, width);
        }
        size_t after = at;
        const char32_t next = after < text.size() ? utf8::next(text, after) : 0;
        const auto han = [](char32_t h) { return h >= 0x4E00 && h <= 0x9FFF; };
        if (han(c) && han(next) && !line_end) widest_han = std::max(widest_han, width / size);
      }
    }
    if (spaces) g.widest_han = std::max(g.widest_han, widest_han);
  }
  return g;
}

}  // namespace

TEST_CASE("a line before a code span that does not fit gets no hole: spaces to 2x, Han-Latin gaps to 1/2 em") {
  // examples/meetup, pages 9, 11 and 12: each left one space 2.75 to 3 em wide.
  Diagnostics diag;
  FontFamilies fonts = font_families({}, "zh-CN", diag);
  TextContext context{"zh-CN"};
  const double size = 10.5;
  InlineSettings settings;
  settings.code_families = fonts.code;
  settings.code_size = 8.9;
  settings.font_size = size;
  const std::vector<Inlines> paragraphs = {
      {Inline{Text{"问：goroutine 泄漏怎么排查？答：先看 "}, {}}, Inline{Code{"runtime.NumGoroutine()"}, {}},
       Inline{Text{" 的趋势，再用 pprof 的 goroutine profile 找到卡住的调用栈，下一期 pprof 专场 会详细讲。"}, {}}},
      {Inline{Text{"李华的观点是：这类函数"}, {}}, Inline{Strong{{Inline{Text{"可以写，但别滥用"}, {}}}}, {}},
       Inline{Text{"。链式调用 "}, {}}, Inline{Code{"Map(Filter(...))"}, {}}, Inline{Text{" 读起来不如一个普通的 "}, {}},
       Inline{Code{"for"}, {}}, Inline{Text{" 循环清楚，而且每一层都会分配一个新切片。"}, {}}},
      {Inline{Text{"其中 "}, {}}, Inline{Code{"~"}, {}}, Inline{Text{" 的意思是“底层类型为”。没有 "}, {}}, Inline{Code{"~"}, {}},
       Inline{Text{" 的话，"}, {}}, Inline{Code{"type UserID int64"}, {}}, Inline{Text{" 就不满足 "}, {}},
       Inline{Code{"int64"}, {}}, Inline{Text{" 这个约束。"}, {}}},
  };
  // The body font's own space: word spaces may reach twice it, Han–Latin gaps 1/2 em.
  InlineText probe;
  probe.text = "a b";
  ParagraphSpec natural;
  natural.families = fonts.body;
  natural.size = size;
  natural.width = 1000;
  ParagraphLayout a_b = layout_paragraph(context, std::move(probe), natural);
  const double space = [&] {
    PangoLayoutLine* line = pango_layout_get_line_readonly(a_b.layout.get(), 0);
    auto* run = static_cast<PangoGlyphItem*>(line->runs->data);
    return run->glyphs->glyphs[1].geometry.width / double(PANGO_SCALE);
  }();
  REQUIRE(space > 0.15 * size);
  const double limit = std::max(0.5 * size, 2 * space) + 0.05;
  double widest = 0;
  for (double width = 150; width <= 330; width += 3) {
    for (const Inlines& inlines : paragraphs) {
      InlineText t;
      append_inlines(inlines, settings, t);
      ParagraphSpec spec;
      spec.families = fonts.body;
      spec.size = size;
      spec.width = width;
      spec.indent = 2 * size;
      spec.hyphenate = true;
      const ParagraphLayout p = layout_paragraph(context, std::move(t), spec);
      const Gaps g = gaps_of(p, size);
      CAPTURE(width);
      const std::string laid_out = pango_layout_get_text(p.layout.get());
      CAPTURE(laid_out);
      CHECK(g.widest_space <= limit);
      CHECK(g.widest_han < 1.1);
      widest = std::max(widest, g.widest_space);
    }
  }
  MESSAGE("widest space " << widest << " pt, limit " << limit << " pt");
}
