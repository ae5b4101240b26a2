// Punctuation compression: adjacent full-width marks take 1.5 em (halt on one of them);
// a lone mark keeps its full em.
#include <doctest/doctest.h>

#include <string>

#include "layout_fixture.hpp"

using namespace folio::pdf;
using namespace folio::pdf::test;

namespace {

// Advances of the clusters of `text` laid out on one line, compressed or not.
std::vector<double> advances(const std::string& text, bool compress) {
  LayoutMaker maker;
  ParagraphSpec spec;
  spec.text = text;
  spec.width_pt = 0;
  spec.settings.compress_punctuation = compress;
  LayoutPtr layout = maker.make(spec);
  std::vector<double> result;
  // Kept in a variable: a range-for over view_lines(...).at(0).clusters would read from the
  // destroyed temporary vector (heap-use-after-free under ASan).
  const auto lines = view_lines(layout.get());
  for (const auto& cluster : lines.at(0).clusters) result.push_back(cluster.advance_pt);
  return result;
}

}  // namespace

TEST_CASE("adjacent full-width marks take 1.5 em") {
  struct Case {
    std::string text;
    size_t first_mark;
  };
  const Case cases[] = {{"好。」好", 1}, {"好，“好", 1}, {"好）（好", 1}, {"好」「好", 1}, {"好）。好", 1}, {"好》，好", 1},
                        {"好（「好", 1}};
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const auto plain = advances(c.text, false);
    const auto compressed = advances(c.text, true);
    REQUIRE(plain.size() == 4);
    REQUIRE(compressed.size() == 4);
    CHECK(plain[1] + plain[2] == doctest::Approx(20.0).epsilon(0.001));
    CHECK(compressed[1] + compressed[2] == doctest::Approx(15.0).epsilon(0.001));
    CHECK(compressed[0] == doctest::Approx(10.0));
    CHECK(compressed[3] == doctest::Approx(10.0));
  }
}

TEST_CASE("a lone mark and a bracket pair around text keep full width") {
  for (const std::string text : {"好。好", "（好）", "好，好"}) {
    CAPTURE(text);
    for (double advance : advances(text, true)) CHECK(advance == doctest::Approx(10.0));
  }
}
