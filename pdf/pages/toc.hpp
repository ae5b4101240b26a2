// The table of contents: one entry per part, chapter and second-level heading, with dot
// leaders and page numbers, as flow items paginated like a chapter.
#pragma once

#include <string>
#include <vector>

#include "flow/item.hpp"
#include "style.hpp"
#include "text_context.hpp"

namespace folio::pdf {

struct TocEntry {
  int level = 1;        ///< 0 part, 1 chapter, 2 and 3 second- and third-level headings
  std::string title;
  std::string dest;     ///< where the entry links to
  std::string page;     ///< the page label shown ("" while unknown)
};

/// The contents as a flow; `heading` opens it ("目录" or "Contents").
ChapterFlow toc_flow(const std::vector<TocEntry>& entries, const std::string& heading, const Style& style,
                     const TextContext& text);

}  // namespace folio::pdf
