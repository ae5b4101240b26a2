// Table column widths: natural when they fit, else shared from the narrowest widths.
#include <doctest/doctest.h>

#include <numeric>

#include "flow/table.hpp"

using namespace folio::pdf;

TEST_CASE("natural column widths are kept when the table fits") {
  auto w = column_widths({50, 80}, {20, 30}, 200);
  CHECK(w[0] == 50);
  CHECK(w[1] == 80);
}

TEST_CASE("a table too wide wraps: widths fill the text block and stay above the narrowest") {
  auto w = column_widths({300, 100, 50}, {40, 30, 50}, 200);
  CHECK(std::accumulate(w.begin(), w.end(), 0.0) == doctest::Approx(200));
  CHECK(w[0] >= 40);
  CHECK(w[1] >= 30);
  CHECK(w[2] == doctest::Approx(50));  // a column that wants no more than its minimum keeps it
  CHECK(w[0] > w[1]);
}

TEST_CASE("short columns keep their natural width when a long one has to wrap") {
  // "0（不限制）" beside a long description: the short column stays whole.
  auto w = column_widths({110, 60, 180}, {100, 14, 14}, 300);
  CHECK(w[1] == doctest::Approx(60));
  CHECK(w[0] == doctest::Approx(110));
  CHECK(w[2] == doctest::Approx(130));
  CHECK(std::accumulate(w.begin(), w.end(), 0.0) == doctest::Approx(300));
}
