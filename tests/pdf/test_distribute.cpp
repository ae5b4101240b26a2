// Pagination rules checked on the layout result (pages of placed items), not on pixels.
#include <doctest/doctest.h>

#include <cstdint>

#include "flow/distribute.hpp"

using namespace folio::pdf;

namespace {

constexpr double kLine = 10;

/// A flow built item by item.
struct FlowBuilder {
  ChapterFlow flow;
  int next_group = 0;

  int paragraph(int lines) {
    int first = static_cast<int>(flow.items.size());
    int group = lines > 1 ? next_group++ : -1;
    for (int i = 0; i < lines; ++i) {
      FlowItem item;
      item.height = kLine;
      item.group = group;
      item.line = i;
      item.lines = lines;
      flow.items.push_back(item);
    }
    return first;
  }
  int heading() {
    FlowItem item;
    item.kind = FlowKind::heading;
    item.height = kLine;
    item.keep_with_next = true;
    flow.items.push_back(item);
    return static_cast<int>(flow.items.size()) - 1;
  }
  int figure(double height) {
    FlowItem item;
    item.kind = FlowKind::figure;
    item.height = height;
    flow.items.push_back(item);
    return static_cast<int>(flow.items.size()) - 1;
  }
  int row(int table, bool header) {
    FlowItem item;
    item.kind = FlowKind::table_row;
    item.height = kLine;
    item.table = table;
    item.table_header = header;
    item.keep_with_next = header;
    flow.items.push_back(item);
    return static_cast<int>(flow.items.size()) - 1;
  }
  int note(double height) {
    FootnoteFlow n;
    FlowItem line;
    line.height = height;
    n.lines.push_back(line);
    n.number = static_cast<int>(flow.notes.size()) + 1;
    flow.notes.push_back(n);
    return static_cast<int>(flow.notes.size()) - 1;
  }
};

DistributeSettings lines_per_page(int n) {
  DistributeSettings s;
  s.page_height = n * kLine;
  s.note_separator = 0;
  return s;
}

int page_of(const std::vector<PageLayout>& pages, int item) {
  for (size_t p = 0; p < pages.size(); ++p)
    for (const Placement& pl : pages[p].body)
      if (pl.item == item) return static_cast<int>(p);
  return -1;
}

int count_on(const PageLayout& page, int item) {
  int n = 0;
  for (const Placement& pl : page.body) n += pl.item == item;
  return n;
}

}  // namespace

TEST_CASE("every item is placed once, in order, within the page height") {
  FlowBuilder b;
  for (int i = 0; i < 7; ++i) b.paragraph(3);
  auto pages = distribute(b.flow, lines_per_page(10));
  int expected = 0;
  for (const PageLayout& page : pages) {
    for (const Placement& pl : page.body) {
      CHECK(pl.item == expected++);
      CHECK(pl.y + kLine <= 10 * kLine + 0.01);
    }
  }
  CHECK(expected == 21);
  CHECK(pages.size() >= 3);
}

TEST_CASE("a heading never ends a page: it moves to the next page with its text") {
  FlowBuilder b;
  b.paragraph(9);       // lines 0-8: nine of ten lines
  int h = b.heading();  // would be line 10, the last of page 1
  int p = b.paragraph(4);
  auto pages = distribute(b.flow, lines_per_page(10));
  REQUIRE(pages.size() == 2);
  CHECK(page_of(pages, h) == 1);
  CHECK(page_of(pages, p) == 1);
  CHECK(pages[1].body.front().item == h);
  // And the last item of every page is no heading.
  for (const PageLayout& page : pages) CHECK(b.flow.items[page.body.back().item].kind != FlowKind::heading);
}

TEST_CASE("orphans: a paragraph's first line does not stay alone at the foot of a page") {
  FlowBuilder b;
  b.paragraph(9);
  int p = b.paragraph(5);  // only its first line would fit on page 1
  auto pages = distribute(b.flow, lines_per_page(10));
  CHECK(page_of(pages, p) == 1);
  CHECK(page_of(pages, p + 1) == 1);
  CHECK(pages[0].body.size() == 9);
}

TEST_CASE("widows: a paragraph's last line does not go alone to the head of a page") {
  FlowBuilder b;
  b.paragraph(6);
  int p = b.paragraph(5);  // four lines fit on page 1, the fifth would be a widow
  auto pages = distribute(b.flow, lines_per_page(10));
  REQUIRE(pages.size() == 2);
  CHECK(page_of(pages, p + 4) == 1);
  CHECK(page_of(pages, p + 3) == 1);  // one more line goes with it
  CHECK(page_of(pages, p + 2) == 0);
  CHECK(pages[1].body.front().item == p + 3);
}

TEST_CASE("a three-line paragraph that cannot split 2+1 or 1+2 moves whole") {
  FlowBuilder b;
  b.paragraph(8);
  int p = b.paragraph(3);  // two lines fit: 2+1 leaves a widow, so the paragraph moves
  auto pages = distribute(b.flow, lines_per_page(10));
  CHECK(page_of(pages, p) == 1);
  CHECK(page_of(pages, p + 2) == 1);
}

TEST_CASE("a figure that does not fit opens the next page while the text after it fills this one") {
  FlowBuilder b;
  b.paragraph(6);
  int fig = b.figure(6 * kLine);
  int after = b.paragraph(3);
  auto pages = distribute(b.flow, lines_per_page(10));
  REQUIRE(pages.size() == 2);
  CHECK(page_of(pages, after) == 0);
  CHECK(page_of(pages, after + 2) == 0);
  CHECK(page_of(pages, fig) == 1);
  CHECK(pages[1].body.front().item == fig);
  CHECK(pages[1].body.front().y == 0);
}

TEST_CASE("a figure taller than the page still gets a page of its own") {
  FlowBuilder b;
  b.paragraph(2);
  int fig = b.figure(30 * kLine);
  auto pages = distribute(b.flow, lines_per_page(10));
  CHECK(page_of(pages, fig) == 1);
}

TEST_CASE("a table split between rows repeats its header row on the next page") {
  FlowBuilder b;
  b.paragraph(6);
  int header = b.row(0, true);
  int first = -1;
  for (int r = 0; r < 8; ++r) {
    int i = b.row(0, false);
    if (r == 0) first = i;
  }
  auto pages = distribute(b.flow, lines_per_page(10));
  REQUIRE(pages.size() == 2);
  CHECK(page_of(pages, header) == 0);
  CHECK(page_of(pages, first) == 0);
  CHECK(pages[1].body.front().item == header);  // repeated
  CHECK(count_on(pages[1], header) == 1);
  int rows = 0;
  for (const PageLayout& page : pages)
    for (const Placement& pl : page.body) rows += pl.item > header;
  CHECK(rows == 8);  // every body row once
}

TEST_CASE("a header row never ends a page") {
  FlowBuilder b;
  b.paragraph(9);
  int header = b.row(0, true);
  b.row(0, false);
  auto pages = distribute(b.flow, lines_per_page(10));
  CHECK(page_of(pages, header) == 1);
}

TEST_CASE("a footnote sits at the foot of the page whose line refers to it") {
  FlowBuilder b;
  b.paragraph(12);
  int n = b.note(2 * kLine);
  b.flow.items[11].notes.push_back(n);  // line 12 of the paragraph is on page 2
  auto pages = distribute(b.flow, lines_per_page(10));
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].foot.empty());
  REQUIRE(pages[1].foot.size() == 1);
  CHECK(pages[1].foot[0].note == n);
  CHECK(pages[1].foot_height == doctest::Approx(2 * kLine));
}

TEST_CASE("a line whose footnote does not fit below it moves to the next page with the note") {
  FlowBuilder b;
  b.paragraph(4);
  b.paragraph(6);  // items 4..9; item 8 is the 9th line of page 1
  int n = b.note(3 * kLine);
  b.flow.items[8].notes.push_back(n);
  auto pages = distribute(b.flow, lines_per_page(10));
  int page = page_of(pages, 8);
  REQUIRE(page >= 0);
  REQUIRE(pages[page].foot.size() == 1);
  CHECK(pages[page].foot[0].note == n);
  // Text and notes never overlap.
  for (const PageLayout& p : pages) {
    double bottom = 0;
    for (const Placement& pl : p.body) bottom = std::max(bottom, pl.y + kLine);
    CHECK(bottom + p.foot_height <= 10 * kLine + 0.01);
  }
}

TEST_CASE("a footnote too tall for any foot goes to the chapter end") {
  FlowBuilder b;
  b.paragraph(3);
  int n = b.note(8 * kLine);
  b.flow.items[1].notes.push_back(n);
  auto pages = distribute(b.flow, lines_per_page(10));
  for (const PageLayout& p : pages) CHECK(p.foot.empty());
  const Placement& last = pages.back().body.back();
  CHECK(last.item == -1);
  CHECK(last.note == n);
}

TEST_CASE("keep with next: a heading followed by a figure that does not fit goes to the next page with it") {
  FlowBuilder b;
  b.paragraph(6);
  int heading = b.heading();
  int fig = b.figure(5 * kLine);
  int after = b.paragraph(2);
  auto pages = distribute(b.flow, lines_per_page(10));
  REQUIRE(pages.size() >= 2);
  CHECK(page_of(pages, heading) == 1);
  CHECK(page_of(pages, fig) == 1);
  CHECK(page_of(pages, after) == 1);
  // No page ends with a heading.
  for (const PageLayout& page : pages) CHECK(b.flow.items[page.body.back().item].kind != FlowKind::heading);
}

TEST_CASE("a deferred figure never moves past a heading; the text before the heading fills the page") {
  FlowBuilder b;
  b.paragraph(6);
  int fig = b.figure(6 * kLine);
  int filler = b.paragraph(2);
  int heading = b.heading();
  int after = b.paragraph(3);
  auto pages = distribute(b.flow, lines_per_page(10));
  REQUIRE(pages.size() == 2);
  CHECK(page_of(pages, filler) == 0);
  CHECK(page_of(pages, fig) == 1);
  CHECK(pages[1].body.front().item == fig);
  CHECK(page_of(pages, heading) == 1);
  CHECK(page_of(pages, after) == 1);
  // The heading comes after its chapter's figure, in reading order on the page.
  size_t fig_at = 0, heading_at = 0;
  for (size_t k = 0; k < pages[1].body.size(); ++k) {
    if (pages[1].body[k].item == fig) fig_at = k;
    if (pages[1].body[k].item == heading) heading_at = k;
  }
  CHECK(fig_at < heading_at);
}

namespace {

/// The page of the last non-figure item before `fig` in flow order: the figure's anchor.
int anchor_page(const FlowBuilder& b, const std::vector<PageLayout>& pages, int fig) {
  for (int k = fig - 1; k >= 0; --k)
    if (b.flow.items[k].kind != FlowKind::figure) return page_of(pages, k);
  return 0;
}

}  // namespace

TEST_CASE("a deferred figure: the text after it fills the page up to its foot, then the figure opens the next") {
  FlowBuilder b;
  b.paragraph(7);
  int fig = b.figure(5 * kLine);
  int after = b.paragraph(8);
  auto pages = distribute(b.flow, lines_per_page(10));
  REQUIRE(pages.size() == 2);
  // Page 1: 7 lines, then 3 lines of the following paragraph fill it to the foot.
  CHECK(pages[0].body.size() == 10);
  CHECK(page_of(pages, after + 2) == 0);
  CHECK(page_of(pages, after + 3) == 1);
  CHECK(pages[1].body.front().item == fig);
  CHECK(anchor_page(b, pages, fig) == 0);
}

TEST_CASE("figures never more than one page after their anchor, however much text follows") {
  // Three figures close together, each too tall to share a page with the next: deferring
  // them all while text fills would push the later ones two or more pages away.
  FlowBuilder b;
  b.paragraph(8);
  int f1 = b.figure(6 * kLine);
  b.paragraph(2);
  int f2 = b.figure(6 * kLine);
  b.paragraph(2);
  int f3 = b.figure(6 * kLine);
  b.paragraph(40);
  auto pages = distribute(b.flow, lines_per_page(10));
  for (int fig : {f1, f2, f3}) {
    INFO("figure item " << fig);
    int page = page_of(pages, fig);
    REQUIRE(page >= 0);
    CHECK(page - anchor_page(b, pages, fig) <= 1);
    CHECK(page >= anchor_page(b, pages, fig));
  }
  // Figures keep their order, and every item is placed once.
  CHECK(page_of(pages, f1) < page_of(pages, f2));
  CHECK(page_of(pages, f2) < page_of(pages, f3));
  size_t placed = 0;
  for (const PageLayout& p : pages) {
    placed += p.body.size();
    double bottom = 0;
    for (const Placement& pl : p.body) bottom = std::max(bottom, pl.y + b.flow.items[pl.item].height);
    CHECK(bottom <= 10 * kLine + 0.01);
  }
  CHECK(placed == b.flow.items.size());
}

TEST_CASE("two waiting figures that share the next page both open it; the text fills this one") {
  FlowBuilder b;
  b.paragraph(7);
  int f1 = b.figure(4 * kLine);
  int f2 = b.figure(5 * kLine);
  int after = b.paragraph(3);
  auto pages = distribute(b.flow, lines_per_page(10));
  REQUIRE(pages.size() == 2);
  CHECK(page_of(pages, after) == 0);
  CHECK(page_of(pages, after + 2) == 0);
  CHECK(page_of(pages, f1) == 1);
  CHECK(page_of(pages, f2) == 1);
  CHECK(pages[1].body[0].item == f1);
  CHECK(pages[1].body[1].item == f2);
}

TEST_CASE("a figure that cannot join the waiting one takes its anchor line to the next page") {
  FlowBuilder b;
  b.paragraph(7);
  int f1 = b.figure(6 * kLine);
  int between = b.paragraph(3);  // fills page 1
  int f2 = b.figure(6 * kLine);  // cannot share page 2 with f1
  b.paragraph(30);
  auto pages = distribute(b.flow, lines_per_page(10));
  CHECK(page_of(pages, f1) == 1);
  CHECK(pages[1].body.front().item == f1);
  // The paragraph before f2 cannot split 1+2 or 2+1, so it moves whole, after f1.
  CHECK(page_of(pages, between) == 1);
  CHECK(page_of(pages, between + 2) == 1);
  CHECK(page_of(pages, f2) == 2);
  CHECK(page_of(pages, f2) - anchor_page(b, pages, f2) <= 1);
}

TEST_CASE("a deferred figure never moves past a heading, however much text follows it") {
  FlowBuilder b;
  b.paragraph(8);
  int fig = b.figure(5 * kLine);
  int filler = b.paragraph(1);
  int heading = b.heading();
  int after = b.paragraph(30);
  auto pages = distribute(b.flow, lines_per_page(10));
  CHECK(page_of(pages, filler) == 0);
  CHECK(page_of(pages, fig) == 1);
  CHECK(page_of(pages, heading) == 1);
  CHECK(page_of(pages, after) == 1);
  // Every figure is placed before the heading that follows it in the flow.
  int fig_page = page_of(pages, fig), heading_page = page_of(pages, heading);
  CHECK(fig_page <= heading_page);
}

TEST_CASE("many flows: figures within one page of their anchor, never past a heading, in order") {
  uint32_t seed = 12345;
  auto next = [&seed](int n) {  // a small fixed-seed generator: the same flows every run
    seed = seed * 1664525u + 1013904223u;
    return static_cast<int>((seed >> 16) % uint32_t(n));
  };
  for (int round = 0; round < 300; ++round) {
    FlowBuilder b;
    b.paragraph(1 + next(6));
    for (int k = 0; k < 25; ++k) {
      int what = next(10);
      if (what < 5) b.paragraph(1 + next(6));
      else if (what < 8) b.figure((2 + next(5)) * kLine);  // at most 6 of 10 lines
      else {
        b.heading();
        b.paragraph(1 + next(4));
      }
    }
    auto pages = distribute(b.flow, lines_per_page(10));
    INFO("round " << round);
    size_t placed = 0;
    for (const PageLayout& p : pages) {
      placed += p.body.size();
      for (const Placement& pl : p.body) CHECK(pl.y + b.flow.items[pl.item].height <= 10 * kLine + 0.01);
    }
    CHECK(placed == b.flow.items.size());
    int last_fig_page = -1;
    for (size_t i = 0; i < b.flow.items.size(); ++i) {
      const FlowItem& it = b.flow.items[i];
      int page = page_of(pages, static_cast<int>(i));
      REQUIRE(page >= 0);
      if (it.kind == FlowKind::heading) CHECK(page >= last_fig_page);  // no figure moved past it
      if (it.kind != FlowKind::figure) continue;
      CHECK(page >= last_fig_page);
      last_fig_page = page;
      if (b.flow.items[i - 1].kind == FlowKind::figure) continue;  // its anchor is the figure before
      int anchor = page_of(pages, static_cast<int>(i) - 1);
      CHECK(page >= anchor);
      CHECK(page - anchor <= 1);
    }
  }
}

TEST_CASE("figures still waiting at the chapter end never run past the foot of a page") {
  FlowBuilder b;
  b.paragraph(8);
  int f1 = b.figure(5 * kLine);
  int f2 = b.figure(4 * kLine);
  int f3 = b.figure(4 * kLine);
  auto pages = distribute(b.flow, lines_per_page(10));
  CHECK(page_of(pages, f1) == 1);
  CHECK(page_of(pages, f2) == 1);
  CHECK(page_of(pages, f3) == 2);
  for (const PageLayout& p : pages)
    for (const Placement& pl : p.body) CHECK(pl.y + b.flow.items[pl.item].height <= 10 * kLine + 0.01);
}
