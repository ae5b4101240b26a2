// Han–Latin gaps: a quarter em between a Han character and an adjacent Latin letter or
// digit, on the right side, nowhere else, not at line edges, and the text unchanged.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>

#include "inline/cjk_classes.hpp"
#include "layout_fixture.hpp"

using namespace folio::pdf;
using namespace folio::pdf::test;

namespace {

bool is_gap(char32_t a, char32_t b) {
  return (cjk::is_ideograph(a) && cjk::is_latin_alnum(b)) || (cjk::is_latin_alnum(a) && cjk::is_ideograph(b));
}

// Advance of each cluster (by byte offset) without any CJK attribute and without wrapping.
std::map<int, double> natural_advances(const LayoutMaker& maker, const std::string& text) {
  ParagraphSpec spec;
  spec.text = text;
  spec.width_pt = 0;
  spec.cjk = false;
  LayoutPtr layout = maker.make(spec);
  std::map<int, double> advances;
  for (const LineView& line : view_lines(layout.get()))
    for (const auto& cluster : line.clusters) advances[cluster.index] = cluster.advance_pt;
  return advances;
}

// Checks that every cluster is drawn where natural advances plus one gap per Han–Latin
// boundary inside the line put it; returns the number of gaps seen.
int check_gaps(const LayoutMaker& maker, const std::string& text, double width, double gap_pt) {
  const auto natural = natural_advances(maker, text);
  ParagraphSpec spec;
  spec.text = text;
  spec.width_pt = width;
  spec.settings.compress_punctuation = false;
  LayoutPtr layout = maker.make(spec);
  justify_cjk_lines(layout.get(), 0);  // places the gaps, justifies nothing
  int gaps = 0;
  for (const LineView& line : view_lines(layout.get())) {
    double expected = 0;
    for (size_t j = 0; j < line.clusters.size(); ++j) {
      const auto& cluster = line.clusters[j];
      if (j > 0 && is_gap(line.clusters[j - 1].c, cluster.c)) {
        expected += gap_pt;
        ++gaps;
      }
      CAPTURE(text);
      CAPTURE(width);
      CAPTURE(line.text);
      CAPTURE(j);
      CHECK(std::abs(cluster.draw_x_pt - expected) < 0.01);
      // A Han character's advance holds its gaps (on the Latin sides inside the line, none
      // at the line's edges); other clusters keep theirs, except the line's last (where
      // Pango zeroes trailing spaces and may add a hyphen to a broken word).
      const bool last = j + 1 == line.clusters.size();
      const int sides = (j > 0 && is_gap(line.clusters[j - 1].c, cluster.c)) +
                        (!last && is_gap(cluster.c, line.clusters[j + 1].c));
      const double wanted = natural.at(cluster.index) + (cjk::is_ideograph(cluster.c) ? sides * gap_pt : 0);
      if (!last || cjk::is_ideograph(cluster.c)) CHECK(std::abs(cluster.advance_pt - wanted) < 0.01);
      expected += natural.at(cluster.index);
    }
  }
  CHECK(std::string(pango_layout_get_text(layout.get())) == text);
  return gaps;
}

}  // namespace

TEST_CASE("a quarter em between Han and Latin, on the Latin side, in one line") {
  LayoutMaker maker;
  CHECK(check_gaps(maker, "我们用Go写了一个HTTP服务器，每秒3万个请求", 0, 2.5) == 6);
}

TEST_CASE("no gap next to full-width punctuation, brackets, quotes or spaces") {
  LayoutMaker maker;
  CHECK(check_gaps(maker, "使用（Go）和“Rust”，以及 Python。还有，C++、Java；", 0, 2.5) == 0);
}

TEST_CASE("gaps on both sides of a Han character between two Latin words") {
  LayoutMaker maker;
  CHECK(check_gaps(maker, "Go和Rust与C", 0, 2.5) == 4);
}

TEST_CASE("two Han characters between Latin words each get their own gap") {
  LayoutMaker maker;
  CHECK(check_gaps(maker, "Go中文Go与C和D", 0, 2.5) == 6);
  CHECK(check_gaps(maker, "A中B文C字D", 0, 2.5) == 6);
}

TEST_CASE("the gap follows the configured em and size") {
  LayoutMaker maker;
  const std::string text = "用Go写";
  ParagraphSpec spec;
  spec.text = text;
  spec.width_pt = 0;
  spec.font_size_pt = 12;
  spec.settings.latin_gap_em = 0.125;
  LayoutPtr spaced = maker.make(spec);
  justify_cjk_lines(spaced.get(), 0);
  spec.cjk = false;
  LayoutPtr plain = maker.make(spec);
  const double spaced_width = view_lines(spaced.get())[0].logical_width_pt;
  const double plain_width = view_lines(plain.get())[0].logical_width_pt;
  CHECK(spaced_width - plain_width == doctest::Approx(2 * 12 * 0.125).epsilon(0.001));

  spec.cjk = true;
  spec.settings.latin_gap_em = 0;
  LayoutPtr off = maker.make(spec);
  justify_cjk_lines(off.get(), 0);
  CHECK(view_lines(off.get())[0].logical_width_pt == doctest::Approx(plain_width).epsilon(0.0001));
}

TEST_CASE("no gap at line starts and ends, at every width, in every sample paragraph") {
  LayoutMaker maker;
  int gaps = 0;
  for (const std::string& text : sample_paragraphs())
    for (double width = 60; width <= 300; width += 11) gaps += check_gaps(maker, text, width, 2.5);
  CHECK(gaps > 100);
}

TEST_CASE("a centred heading gets its gaps placed (width 0) and stays centred") {
  LayoutMaker maker;
  ParagraphSpec spec;
  spec.text = "第3章 用Go写一个HTTP服务器";
  spec.width_pt = 300;
  spec.font_size_pt = 16;
  spec.settings.compress_punctuation = false;
  spec.cjk = false;
  LayoutPtr plain = maker.make(spec);
  spec.cjk = true;
  LayoutPtr layout = maker.make(spec);
  pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
  justify_cjk_lines(layout.get(), 0);
  const LineView line = view_lines(layout.get()).at(0);
  const LineView natural = view_lines(plain.get()).at(0);
  // 第3 3章 用G o写 个H P服: six quarter-em gaps of 4 pt, each on the Latin side.
  CHECK(line.logical_width_pt - natural.logical_width_pt == doctest::Approx(6 * 4.0).epsilon(0.001));
  REQUIRE(line.clusters.size() == natural.clusters.size());
  double shift = 0;
  for (size_t j = 0; j < line.clusters.size(); ++j) {
    if (j > 0 && is_gap(line.clusters[j - 1].c, line.clusters[j].c)) shift += 4.0;
    CHECK(line.clusters[j].draw_x_pt - natural.clusters[j].draw_x_pt == doctest::Approx(shift).epsilon(0.001));
  }
  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  PangoRectangle logical;
  pango_layout_iter_get_line_extents(iter, nullptr, &logical);
  pango_layout_iter_free(iter);
  const double x = logical.x / double(PANGO_SCALE), w = logical.width / double(PANGO_SCALE);
  CHECK(w == doctest::Approx(line.logical_width_pt));
  CHECK(x + w / 2 == doctest::Approx(150).epsilon(0.001));
}
