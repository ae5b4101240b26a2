// Collect: a chapter's blocks (title block, body, footnotes) → flow items with heights,
// laid out with Pango at the text width.
#pragma once

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"
#include "flow/item.hpp"
#include "style.hpp"
#include "text_context.hpp"

namespace folio::pdf {

/// Lays out chapter `chapter` of the book into flow items. Handout mode (style.handout)
/// opens with a title block with tags and adds each external link's URL as a footnote.
ChapterFlow collect_chapter(const Book& book, int chapter, const Style& style, const TextContext& text,
                            Diagnostics& diagnostics);

/// The placed size of a figure in points: the text width at most, never enlarged past
/// 150 dpi of its pixels, and at most `max_height` tall.
struct FigureSize {
  double width = 0;
  double height = 0;
};
FigureSize figure_size(uint32_t width_px, uint32_t height_px, double max_width, double max_height);

}  // namespace folio::pdf
