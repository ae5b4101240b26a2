// The whole book laid out: style, every chapter's flow and pages, the contents, and the
// page plan. What write_pdf renders, and what tests inspect.
#pragma once

#include <vector>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"
#include "pages/page_plan.hpp"
#include "render/pdf_renderer.hpp"
#include "style.hpp"

namespace folio::pdf {

struct BookLayout {
  Style style;
  bool handout = false;
  std::vector<ChapterLayout> chapters;
  bool with_toc = false;
  ChapterLayout toc;
  PagePlan plan;
};

/// Lays out the book: chapters in parallel on `threads` threads (one Pango font map each),
/// then the page plan and the contents with the real page numbers.
BookLayout layout_book(const Book& book, const PdfOptions& options, Diagnostics& diagnostics, int threads = 2);

}  // namespace folio::pdf
