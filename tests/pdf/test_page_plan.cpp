// The page plan: chapters open on rectos, blank versos, roman front matter labels.
#include <doctest/doctest.h>

#include "pages/page_plan.hpp"

using namespace folio::pdf;

TEST_CASE("two-sided books open every chapter on a right-hand page") {
  PagePlanInput in;
  in.cover = true;
  in.title_page = true;
  in.toc_pages = 1;
  in.chapter_pages = {3, 2, 1};
  PagePlan plan = plan_pages(in);
  REQUIRE(plan.chapter_start.size() == 3);
  for (int start : plan.chapter_start) {
    CHECK(start % 2 == 0);  // 0-based even = odd page number = recto
    CHECK(plan.pages[start].recto);
    CHECK(plan.pages[start].chapter_opening);
  }
  // Chapter 1 ends on a recto (3 pages), so a blank verso comes before chapter 2.
  CHECK(plan.pages[plan.chapter_start[1] - 1].kind == PageKind::blank);
  CHECK(plan.pages[0].kind == PageKind::cover);
  CHECK(plan.pages[0].label == "i");
  CHECK(plan.pages[plan.front_pages].label == "1");
  CHECK(plan.pages[plan.chapter_start[1]].label == "5");
}

TEST_CASE("one-sided documents have no blank pages") {
  PagePlanInput in;
  in.two_sided = false;
  in.chapter_pages = {3, 2};
  PagePlan plan = plan_pages(in);
  CHECK(plan.pages.size() == 5);
  CHECK(plan.chapter_start[1] == 3);
  for (const PhysicalPage& p : plan.pages) CHECK(p.kind != PageKind::blank);
}

TEST_CASE("roman numerals") {
  CHECK(roman(1) == "i");
  CHECK(roman(4) == "iv");
  CHECK(roman(9) == "ix");
  CHECK(roman(14) == "xiv");
  CHECK(roman(40) == "xl");
}
