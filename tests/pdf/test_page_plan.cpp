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

TEST_CASE("a part opens on a recto page of its own, before its first chapter") {
  PagePlanInput in;
  in.cover = true;
  in.title_page = true;
  in.toc_pages = 1;
  in.chapter_pages = {3, 2, 2};
  in.part_before = {0, -1, 1};
  PagePlan plan = plan_pages(in);
  std::vector<int> part_pages;
  for (size_t i = 0; i < plan.pages.size(); ++i)
    if (plan.pages[i].kind == PageKind::part) part_pages.push_back(static_cast<int>(i));
  REQUIRE(part_pages.size() == 2);
  for (int p : part_pages) {
    CHECK(plan.pages[p].recto);
    CHECK(p % 2 == 0);
    CHECK(plan.pages[p + 1].kind == PageKind::blank);  // the part page stands alone
  }
  CHECK(plan.pages[part_pages[0]].part == 0);
  CHECK(plan.pages[part_pages[1]].part == 1);
  CHECK(part_pages[0] < plan.chapter_start[0]);
  CHECK(part_pages[1] < plan.chapter_start[2]);
  CHECK(part_pages[1] > plan.chapter_start[1]);
  for (int start : plan.chapter_start) CHECK(plan.pages[start].recto);
}
