// FlowItem: one unbreakable piece of a chapter's vertical flow (a text line, a figure, a
// code line, a table row, a rule) with what pagination needs to know about it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <cairo.h>

namespace folio::pdf {

class DrawContext;

/// Something the renderer draws at a place; the flow only knows its height.
class Drawable {
 public:
  virtual ~Drawable() = default;
  /// Draws with the item's top-left corner at (x, y) in page coordinates.
  virtual void draw(DrawContext& dc, double x, double y, double height) const = 0;
};

enum class FlowKind { text, heading, figure, code, table_row, rule, space };

/// An outline entry an item opens (parts, chapters, second-level headings).
struct OutlineMark {
  int level = 0;        ///< 0 part, 1 chapter, 2 second-level heading
  std::string title;
  std::string dest;     ///< named destination of the entry
};

struct FlowItem {
  FlowKind kind = FlowKind::text;
  double height = 0;          ///< points
  double space_before = 0;    ///< dropped at the top of a page
  bool keep_with_next = false;  ///< never the last item of a page (headings)
  int group = -1;             ///< paragraph (or code block) id for widow and orphan control; -1 none
  int line = 0;               ///< line number in the group (0-based)
  int lines = 1;              ///< lines in the group
  int table = -1;             ///< table id of a table row
  bool table_header = false;  ///< the header row, repeated after a page break
  std::vector<int> notes;     ///< footnotes referenced from this item (indexes into ChapterFlow::notes)
  double x = 0;               ///< indent from the text block's left edge
  std::vector<double> bars;   ///< x of block quote rules drawn beside the item
  std::vector<std::string> dests;     ///< named destinations at the item's top
  std::vector<OutlineMark> outline;   ///< outline entries pointing at the item
  std::shared_ptr<const Drawable> drawable;
};

/// A footnote's body as flow items, placed at the foot of a page.
struct FootnoteFlow {
  int number = 0;
  std::vector<FlowItem> lines;
  double height() const {
    double h = 0;
    for (const FlowItem& l : lines) h += l.height;
    return h;
  }
};

/// A second- or third-level heading for the table of contents (pdf.toc_depth picks).
struct TocMark {
  int level = 1;
  std::string title;
  std::string dest;
  int item = -1;  ///< the flow item it points at
};

/// A chapter as the flow sees it.
struct ChapterFlow {
  std::vector<FlowItem> items;
  std::vector<FootnoteFlow> notes;
  std::vector<TocMark> toc;   ///< second- and third-level headings, in order
  std::vector<std::string> dests;  ///< every named destination the chapter defines
};

}  // namespace folio::pdf
