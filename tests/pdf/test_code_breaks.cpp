// Inline code: break opportunities only in a span too long for a line of its own (or that
// leaves the line before it loose), after . / _ :: , and before (, never a change to the
// text a reader copies.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

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
