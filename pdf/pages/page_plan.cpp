// Page plan: front matter, chapters on rectos (two-sided), blank versos, page labels.
#include "pages/page_plan.hpp"

namespace folio::pdf {

std::string roman(int n) {
  static constexpr struct { int value; const char* digits; } kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string s;
  for (const auto& [value, digits] : kTable)
    while (n >= value) {
      s += digits;
      n -= value;
    }
  return s;
}

namespace {
PhysicalPage page_of(PageKind kind) {
  PhysicalPage p;
  p.kind = kind;
  return p;
}
}  // namespace

PagePlan plan_pages(const PagePlanInput& in) {
  PagePlan plan;
  auto add = [&](PhysicalPage p) {
    p.recto = !in.two_sided || plan.pages.size() % 2 == 0;
    plan.pages.push_back(std::move(p));
  };
  auto pad_to_recto = [&](PageKind kind) {
    if (in.two_sided && plan.pages.size() % 2 == 1) add(page_of(kind));
  };
  if (in.cover) {
    add(page_of(PageKind::cover));
    pad_to_recto(PageKind::blank);
  }
  if (in.title_page) {
    add(page_of(PageKind::title));
    pad_to_recto(PageKind::blank);
  }
  for (int t = 0; t < in.toc_pages; ++t) {
    PhysicalPage p = page_of(PageKind::toc);
    p.toc_page = t;
    add(p);
  }
  pad_to_recto(PageKind::blank);
  plan.front_pages = static_cast<int>(plan.pages.size());
  for (size_t i = 0; i < plan.pages.size(); ++i) plan.pages[i].label = roman(static_cast<int>(i) + 1);

  for (size_t c = 0; c < in.chapter_pages.size(); ++c) {
    pad_to_recto(PageKind::blank);
    if (c < in.part_before.size() && in.part_before[c] >= 0) {
      PhysicalPage p = page_of(PageKind::part);
      p.part = in.part_before[c];
      add(p);
      pad_to_recto(PageKind::blank);
    }
    plan.chapter_start.push_back(static_cast<int>(plan.pages.size()));
    for (int k = 0; k < in.chapter_pages[c]; ++k) {
      PhysicalPage p = page_of(PageKind::body);
      p.chapter = static_cast<int>(c);
      p.chapter_page = k;
      p.chapter_opening = k == 0;
      add(p);
    }
  }
  for (size_t i = plan.front_pages; i < plan.pages.size(); ++i)
    plan.pages[i].label = std::to_string(i - plan.front_pages + 1);
  return plan;
}

}  // namespace folio::pdf
