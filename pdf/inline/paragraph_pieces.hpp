// A long paragraph (or code block) laid out a window at a time, so its cost stays linear in
// its length: Pango's line breaking of one paragraph grows faster than its length, and
// finding line k of a layout costs k.
#pragma once

#include <cstddef>

#include "inline/paragraph.hpp"

namespace folio::pdf {

/// The size of a window of text. Paragraphs over twice this are laid out in pieces.
constexpr size_t kPieceBytes = 4 * 1024;

/// The window's text from [start, end) of `text` with its attributes, links, notes, code
/// and ruby spans clipped to it and counted from `start`.
InlineText slice_inline_text(const InlineText& text, size_t start, size_t end);

/// Lays out `text` window by window. Pango breaks lines first-fit, so a window that starts
/// where a line starts gives the lines the whole paragraph would have; each window's last
/// line (which the window's end may have cut) is dropped and begins the next window. The
/// lines' byte ranges are the whole paragraph's; ParagraphLayout::pieces holds the layouts.
ParagraphLayout layout_in_pieces(const TextContext& context, InlineText text, const ParagraphSpec& spec);

}  // namespace folio::pdf
