// Justification: every line but a paragraph's last fills the measure within 0.05 pt, the
// slack goes to word spaces (at most +0.5 em) and CJK gaps, evenly, never inside Latin
// words, and the last line keeps its natural width.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "inline/cjk_classes.hpp"
#include "layout_fixture.hpp"

using namespace folio::pdf;
using namespace folio::pdf::test;

namespace {

struct Justified {
  std::vector<LineView> before;  ///< after gap placement, before justification
  std::vector<LineView> after;
};

Justified lay_out(const LayoutMaker& maker, const std::string& text, double width, double indent_em) {
  ParagraphSpec spec;
  spec.text = text;
  spec.width_pt = width;
  spec.indent_em = indent_em;
  LayoutPtr unjustified = maker.make(spec);
  justify_cjk_lines(unjustified.get(), 0);
  LayoutPtr layout = maker.make(spec);
  justify_cjk_lines(layout.get(), pango_layout_get_width(layout.get()));
  return {view_lines(unjustified.get()), view_lines(layout.get())};
}

bool latin_letter(char32_t c) { return cjk::is_latin_alnum(c) || c == U'.' || c == U'_' || c == U'(' || c == U')'; }

}  // namespace

TEST_CASE("non-final lines fill the measure; last lines and Latin words are untouched") {
  LayoutMaker maker;
  const double size = 10;
  int justified_lines = 0, ragged_lines = 0, trimmed_marks = 0, unexpected_full_marks = 0, short_lines = 0;
  int wide_justified = 0, wide_short = 0;  // at measures of 25 em and more (A5 body text is 31 em)
  for (const std::string& text : sample_paragraphs()) {
    for (double width = 100; width <= 400; width += 7) {
      const double indent_em = 2;
      const Justified result = lay_out(maker, text, width, indent_em);
      REQUIRE(result.before.size() == result.after.size());
      const size_t n = result.after.size();
      for (size_t k = 0; k < n; ++k) {
        const LineView& before = result.before[k];
        const LineView& after = result.after[k];
        CAPTURE(text);
        CAPTURE(width);
        CAPTURE(after.text);
        REQUIRE(before.clusters.size() == after.clusters.size());
        const double measure = width - (after.paragraph_start ? indent_em * size : 0);
        if (k + 1 == n) {
          CHECK(after.logical_width_pt == doctest::Approx(before.logical_width_pt));
          continue;
        }
        if (before.logical_width_pt > measure) continue;  // overflow: nothing to do
        // A line of one Latin word (a long code token) has no gap that may stretch.
        bool has_cjk = false, has_inner_space = false;
        for (size_t j = 0; j < after.clusters.size(); ++j) {
          has_cjk = has_cjk || cjk::is_cjk_text(after.clusters[j].c);
          if (after.clusters[j].c == U' ' && after.clusters[j].advance_pt > 0 && j + 1 < after.clusters.size())
            has_inner_space = true;
        }
        if (!has_cjk && !has_inner_space) {
          ++ragged_lines;
          CHECK(after.logical_width_pt == doctest::Approx(before.logical_width_pt));
          continue;
        }
        ++justified_lines;
        // A line mixing CJK text with word spaces or Han–Latin gaps that cannot take its
        // slack within their limits ends short, with its CJK gaps full; all others fill it.
        bool mixed = false;
        for (size_t j = 0; j + 1 < after.clusters.size(); ++j)
          mixed = mixed || (after.clusters[j].c == U' ' && after.clusters[j].advance_pt > 0) ||
                  (cjk::is_ideograph(after.clusters[j].c) && cjk::is_latin_alnum(after.clusters[j + 1].c)) ||
                  (cjk::is_latin_alnum(after.clusters[j].c) && cjk::is_ideograph(after.clusters[j + 1].c));
        const bool ends_short = after.logical_width_pt < measure - 0.05;
        if (width >= 250) ++wide_justified, wide_short += ends_short;
        if (ends_short) {
          ++short_lines;
          CHECK(mixed);
          CHECK(after.logical_width_pt < measure);
          for (size_t j = 0; j + 1 < after.clusters.size(); ++j)
            if (cjk::is_ideograph(after.clusters[j].c) && cjk::is_ideograph(after.clusters[j + 1].c))
              CHECK(after.clusters[j].advance_pt - before.clusters[j].advance_pt >= 0.095 * size - 0.01);
        } else {
          CHECK(std::abs(after.logical_width_pt - measure) < 0.05);
        }
        // clreq P2: a full-width closing mark ending the line keeps only its inked half.
        const auto& end = after.clusters.back().c == U' ' && after.clusters.size() > 1
                              ? after.clusters[after.clusters.size() - 2]
                              : after.clusters.back();
        if (cjk::is_closing_mark(end.c) && end.advance_pt > 0.95 * size) ++unexpected_full_marks;
        if (cjk::is_closing_mark(end.c) && end.advance_pt < 0.55 * size) ++trimmed_marks;
        std::vector<double> cjk_extras, space_extras, latin_gap_extras;
        for (size_t j = 0; j + 1 < after.clusters.size(); ++j) {
          const auto& a = after.clusters[j];
          const auto& b = after.clusters[j + 1];
          const double extra = a.advance_pt - before.clusters[j].advance_pt;
          // Never inside a Latin word or number.
          if (latin_letter(a.c) && latin_letter(b.c)) CHECK(std::abs(extra) < 1e-6);
          if (a.c == U' ') space_extras.push_back(extra);
          if (cjk::is_ideograph(a.c) && cjk::is_ideograph(b.c)) cjk_extras.push_back(extra);
          if (cjk::is_ideograph(a.c) && cjk::is_latin_alnum(b.c)) latin_gap_extras.push_back(extra);
          CHECK(extra >= -1e-6);
        }
        if (cjk_extras.size() > 1) {
          const auto [lo, hi] = std::minmax_element(cjk_extras.begin(), cjk_extras.end());
          CHECK(*hi - *lo < 0.01);  // even: no 10/11 pt alternation
        }
        // clreq order: a word space passes +1/2 em only once the CJK gaps are full, and a
        // Han–Han gap passes 0.095 em (where pdftotext starts reading a space) only on a
        // line with no word space and no Han–Latin gap to take the slack.
        const double cjk_limit = 0.095 * size;
        for (double extra : space_extras)
          if (extra > 0.5 * size + 0.01)
            for (double gap : cjk_extras) CHECK(gap >= cjk_limit - 0.01);
        if (!space_extras.empty() || !latin_gap_extras.empty())
          for (double gap : cjk_extras) CHECK(gap <= cjk_limit + 0.01);
      }
    }
  }
  MESSAGE("justified lines: " << justified_lines << ", lines of one Latin word: " << ragged_lines
                               << ", mixed lines ending short: " << short_lines << "; at 25 em and more "
                               << wide_short << " of " << wide_justified);
  // These paragraphs are dense with Latin words and not wrapped by the PDF writer, whose
  // code breaks and hyphenation avoid most such lines.
  CHECK(short_lines < justified_lines / 5);
  CHECK(wide_short < wide_justified / 10);
  CHECK(justified_lines > 1000);
  CHECK(ragged_lines < justified_lines / 50);
  MESSAGE("lines ending in a trimmed closing mark: " << trimmed_marks);
  CHECK(trimmed_marks > 100);
  CHECK(unexpected_full_marks == 0);
}

TEST_CASE("a line with no space at all still justifies") {
  LayoutMaker maker;
  const std::string text = "中文排版要求每一行的左右两端都对齐，即使这一行里没有任何空格，也要把多出来的空间均匀地分配到字与字之间。";
  const Justified result = lay_out(maker, text, 137, 0);
  REQUIRE(result.after.size() > 2);
  for (size_t k = 0; k + 1 < result.after.size(); ++k) {
    CHECK(result.before[k].logical_width_pt < 137 - 0.5);  // there was slack to spread
    CHECK(std::abs(result.after[k].logical_width_pt - 137) < 0.05);
  }
}

TEST_CASE("word spaces take at most half an em before CJK gaps take the rest") {
  LayoutMaker maker;
  // One wide space and many Han characters per line: the space may not swallow the slack.
  const std::string text = "这是 一个测试段落，用来检查空格和汉字之间如何分配多出来的宽度，它们应该各自有上限。";
  const Justified result = lay_out(maker, text, 103, 0);
  const LineView& before = result.before[0];
  const LineView& after = result.after[0];
  for (size_t j = 0; j < after.clusters.size(); ++j)
    if (after.clusters[j].c == U' ') CHECK(after.clusters[j].advance_pt - before.clusters[j].advance_pt <= 5.0 + 0.01);
  CHECK(std::abs(after.logical_width_pt - 103) < 0.05);
}

TEST_CASE("a forced line break (U+2028) and a paragraph end are not stretched") {
  LayoutMaker maker;
  const std::string text = "第一行很短\u2028第二行也很短但是会被折行所以要足够长一些才可以看出来对齐的效果\n第二段";
  const Justified result = lay_out(maker, text, 120, 0);
  REQUIRE(result.after.size() >= 4);
  CHECK(result.after[0].logical_width_pt == doctest::Approx(result.before[0].logical_width_pt));
  CHECK(std::abs(result.after[1].logical_width_pt - 120) < 0.05);
  CHECK(result.after.back().logical_width_pt == doctest::Approx(result.before.back().logical_width_pt));
}

TEST_CASE("a hanging indent narrows every line but the first") {
  LayoutMaker maker;
  // No word space: a line mixing spaces and CJK text may end short (see below).
  const std::string text = "一、列表项的文字比较长，需要折行；折行之后的各行要和第一行的文字对齐，而且两端都要对齐才好看。";
  const Justified result = lay_out(maker, text, 160, -2);
  REQUIRE(result.after.size() > 2);
  for (size_t k = 0; k + 1 < result.after.size(); ++k) {
    const double measure = k == 0 ? 160 : 160 - 20;
    CAPTURE(k);
    CHECK(std::abs(result.after[k].logical_width_pt - measure) < 0.05);
  }
}

namespace {

// The extra width (after minus before) of each cluster of line k whose first character
// satisfies `pick`, with its byte index.
template <typename Pick>
std::vector<std::pair<int, double>> extras(const Justified& r, size_t k, Pick pick) {
  std::vector<std::pair<int, double>> out;
  const LineView& before = r.before[k];
  const LineView& after = r.after[k];
  for (size_t j = 0; j + 1 < after.clusters.size(); ++j)
    if (pick(after.clusters[j], after.clusters[j + 1]))
      out.emplace_back(after.clusters[j].index, after.clusters[j].advance_pt - before.clusters[j].advance_pt);
  return out;
}

Justified lay_out_spec(const LayoutMaker& maker, ParagraphSpec spec) {
  LayoutPtr unjustified = maker.make(spec);
  justify_cjk_lines(unjustified.get(), 0);
  LayoutPtr layout = maker.make(spec);
  justify_cjk_lines(layout.get(), pango_layout_get_width(layout.get()));
  return {view_lines(unjustified.get()), view_lines(layout.get())};
}

bool han(char32_t c) { return cjk::is_ideograph(c); }

}  // namespace

TEST_CASE("slack goes to the gaps between Han characters before word spaces and Han-Latin gaps") {
  LayoutMaker maker;
  // Lines with a Latin phrase, a space between Latin words and many Han characters: the
  // Han gaps take slack first, so spaces and Han–Latin gaps stay near their natural width.
  const std::string text =
      "我们在上海举办了一次关于 Go 语言调度器的分享会，主讲人介绍了 work stealing 的原理和实现细节，"
      "大家讨论得非常热烈，会后还一起去吃了晚饭，聊到很晚才散。";
  int checked_lines = 0;
  for (double width = 150; width <= 260; width += 5) {
    ParagraphSpec spec;
    spec.text = text;
    spec.width_pt = width;
    const Justified r = lay_out_spec(maker, spec);
    for (size_t k = 0; k + 1 < r.after.size(); ++k) {
      CAPTURE(width);
      CAPTURE(r.after[k].text);
      const auto han_gaps = extras(r, k, [](const auto& a, const auto& b) { return han(a.c) && han(b.c); });
      const auto spaces = extras(r, k, [](const auto& a, const auto&) { return a.c == U' '; });
      if (han_gaps.size() < 6) continue;
      double han_min = 1e9, space_max = 0;
      for (const auto& g : han_gaps) han_min = std::min(han_min, g.second);
      for (const auto& g : spaces) space_max = std::max(space_max, g.second);
      const double slack = r.after[k].logical_width_pt - r.before[k].logical_width_pt;
      // Enough Han gaps to take all the slack within 0.095 em: the spaces get nothing.
      if (slack < 0.9 * han_gaps.size()) {
        ++checked_lines;
        CHECK(space_max < 0.02);
      }
      // A space never takes slack while a Han gap has less than its 0.095 em.
      if (space_max > 0.02) CHECK(han_min > 0.9);
    }
  }
  CHECK(checked_lines > 5);
}

TEST_CASE("a space next to a Han character grows to at most half an em while Han gaps can take more") {
  LayoutMaker maker;
  const std::string text = "这是 Go 的一个测试段落，用来检查空格和汉字之间如何分配多出来的宽度，它们应该各自有上限才对。";
  for (double width = 95; width <= 140; width += 3) {
    ParagraphSpec spec;
    spec.text = text;
    spec.width_pt = width;
    const Justified r = lay_out_spec(maker, spec);
    for (size_t k = 0; k + 1 < r.after.size(); ++k) {
      const LineView& after = r.after[k];
      size_t han_count = 0;
      for (const auto& c : after.clusters) han_count += han(c.c);
      if (han_count < 8) continue;
      CAPTURE(after.text);
      const Justified& res = r;
      const auto han_gaps = extras(res, k, [](const auto& a, const auto& b) { return han(a.c) && han(b.c); });
      double han_min = 1e9;
      for (const auto& g : han_gaps) han_min = std::min(han_min, g.second);
      // Past half an em only when every Han gap already has its 0.095 em.
      for (size_t j = 0; j + 1 < after.clusters.size(); ++j)
        if (after.clusters[j].c == U' ' && j > 0 && after.clusters[j].advance_pt > 5.0 + 0.01) CHECK(han_min > 0.94);
    }
  }
}

TEST_CASE("spaces inside inline code keep their monospace width") {
  LayoutMaker maker;
  ParagraphSpec spec;
  spec.text = "扩容时会检查 hmap.oldbuckets != nil 是否成立，如果 overflow buckets 太多也会触发等量扩容，"
              "这两种情况都要把旧桶里的键值对逐个搬到新桶里去，搬迁是渐进式的。";
  spec.code = {"hmap.oldbuckets != nil", "overflow buckets"};
  int code_spaces = 0;
  for (double width = 140; width <= 260; width += 4) {
    spec.width_pt = width;
    const Justified r = lay_out_spec(maker, spec);
    for (size_t k = 0; k + 1 < r.after.size(); ++k) {
      const LineView& before = r.before[k];
      const LineView& after = r.after[k];
      CAPTURE(width);
      CAPTURE(after.text);
      for (size_t j = 0; j + 1 < after.clusters.size(); ++j) {
        const int at = after.clusters[j].index;
        const bool in_code = [&] {
          for (const std::string& code : spec.code) {
            const size_t p = spec.text.find(code);
            if (at >= int(p) && at + 1 < int(p + code.size())) return true;  // not the span's last
          }
          return false;
        }();
        if (!in_code) continue;
        if (after.clusters[j].c == U' ') ++code_spaces;
        CHECK(after.clusters[j].advance_pt == doctest::Approx(before.clusters[j].advance_pt).epsilon(0.001));
      }
    }
  }
  CHECK(code_spaces > 20);
}
