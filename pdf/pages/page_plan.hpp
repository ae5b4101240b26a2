// The page plan: which physical page shows what (cover, title, contents, chapter pages,
// blank versos), its label and its running head.
#pragma once

#include <string>
#include <vector>

namespace folio::pdf {

enum class PageKind { cover, title, toc, part, body, blank };

struct PhysicalPage {
  PageKind kind = PageKind::body;
  int chapter = -1;       ///< body pages: the chapter
  int chapter_page = -1;  ///< body pages: index into the chapter's pages
  int toc_page = -1;      ///< contents pages: index into the contents' pages
  int part = -1;          ///< part pages: index into Book::parts
  std::string label;      ///< PDF page label: roman in the front matter, arabic in the body
  bool recto = true;      ///< a right-hand page
  bool chapter_opening = false;  ///< the first page of a chapter (no running head)
};

struct PagePlanInput {
  bool cover = false;
  bool title_page = false;
  int toc_pages = 0;
  std::vector<int> chapter_pages;  ///< pages each chapter takes
  /// Per chapter: the part whose title page comes before it (its first chapter), else -1.
  /// A part page stands alone, on a recto in two-sided books, with a blank verso after it.
  std::vector<int> part_before;
  bool two_sided = true;           ///< chapters open on a recto; blank versos fill in
};

struct PagePlan {
  std::vector<PhysicalPage> pages;
  std::vector<int> chapter_start;  ///< physical index of each chapter's first page
  int front_pages = 0;             ///< pages before the body
};

PagePlan plan_pages(const PagePlanInput& input);

/// Lowercase roman numerals (1 → "i").
std::string roman(int n);

}  // namespace folio::pdf
