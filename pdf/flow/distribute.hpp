// Pagination: distributes a chapter's flow items over pages of a fixed height, with
// keep-with-next, widow and orphan control, deferred figures, repeated table headers and
// footnotes at the foot of the page that refers to them.
#pragma once

#include <vector>

#include "flow/item.hpp"

namespace folio::pdf {

/// Where an item sits on a page.
struct Placement {
  int item = -1;       ///< index into ChapterFlow::items, or -1 for a footnote line
  int note = -1;       ///< footnote index (for footnote lines)
  int note_line = -1;  ///< line within that footnote
  double y = 0;        ///< top, from the top of the text block (foot lines: of the foot area)
};

struct PageLayout {
  std::vector<Placement> body;
  std::vector<Placement> foot;  ///< footnote lines at the foot of the page
  double foot_height = 0;       ///< height of the foot area including the separator
};

struct DistributeSettings {
  double page_height = 500;      ///< text block height
  double note_separator = 8;     ///< space above the footnote rule and notes
  int widow_orphan_lines = 2;    ///< minimum lines of a paragraph on either side of a break
  /// A footnote taller than this share of the page goes to the chapter end instead.
  double max_note_share = 0.5;
};

/// The pages of one chapter, in order. Footnotes that cannot fit at the foot of their page
/// follow the chapter's last item.
std::vector<PageLayout> distribute(const ChapterFlow& flow, const DistributeSettings& settings);

}  // namespace folio::pdf
