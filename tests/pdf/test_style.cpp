// Page presets and the style made from PdfOptions.
#include <doctest/doctest.h>

#include "style.hpp"

using namespace folio;
using namespace folio::pdf;

TEST_CASE("page presets in points") {
  CHECK(page_preset("A4")->width == doctest::Approx(595.276));
  CHECK(page_preset("a5")->height == doctest::Approx(595.276));
  CHECK(page_preset("B5")->width == doctest::Approx(498.898));
  CHECK(page_preset("JIS-B5")->width == doctest::Approx(515.906));
  CHECK(page_preset("Letter")->height == doctest::Approx(792));
  CHECK(page_preset("6x9")->width == doctest::Approx(432));
  CHECK_FALSE(page_preset("A7"));
}

TEST_CASE("handouts default to A4 and one-sided; an explicit page wins") {
  Diagnostics diag;
  PdfOptions options;
  Style handout = make_style(options, true, false, "zh-CN", {}, diag);
  CHECK(handout.page.width == doctest::Approx(595.276));
  CHECK_FALSE(handout.two_sided);
  options.page = "Letter";
  Style letter = make_style(options, true, true, "zh-CN", {}, diag);
  CHECK(letter.page.width == doctest::Approx(612));
  options.page = "A5";  // the book default, but asked for: a handout keeps it
  Style a5_handout = make_style(options, true, true, "zh-CN", {}, diag);
  CHECK(a5_handout.page.width == doctest::Approx(419.528).epsilon(0.001));
  Style book = make_style(PdfOptions{}, false, false, "zh-CN", {}, diag);
  CHECK(book.page.width == doctest::Approx(419.528).epsilon(0.001));  // A5 without a page size
  CHECK(book.two_sided);
  CHECK(book.text_left(0) > book.text_left(1));  // inner margin on the binding side
  CHECK(book.line_pitch == doctest::Approx(10.5 * 1.65));
  CHECK(book.indent == doctest::Approx(21));
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("an unknown page size is a located warning and A5 is used") {
  Diagnostics diag;
  PdfOptions options;
  options.page = "A7";
  Style s = make_style(options, false, true, "zh-CN", {}, diag, {"book.yaml", 14, 9});
  CHECK(s.page.width == doctest::Approx(419.528));
  REQUIRE(diag.warning_count() == 1);
  CHECK(diag.all()[0].format().rfind("book.yaml:14:9: warning: unknown page size 'A7'", 0) == 0);
}
