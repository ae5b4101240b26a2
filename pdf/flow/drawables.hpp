// The things flow items draw: a line of a paragraph or code block, a figure, a table row,
// a rule. Made by collect, drawn by render (render/draw_items.cpp).
#pragma once

#include <string>
#include <vector>

#include "flow/item.hpp"
#include "handles.hpp"
#include "inline/paragraph.hpp"

namespace folio::pdf {

/// One line of a laid-out paragraph (body text, heading, code, footnote).
struct LineDrawable : Drawable {
  SharedLayout layout;
  int line = 0;
  LineBox box;
  double pad_top = 0;              ///< extra space above the line inside the item (code)
  std::vector<LinkSpan> links;     ///< links that touch this line
  SharedLayout marker;             ///< list bullet, number or footnote number drawn left of the line
  double marker_x = 0;             ///< marker left, relative to the item's x
  std::string marker_dest;         ///< footnote numbers link back to their reference
  double background_width = 0;     ///< code: a light background this wide behind the line
  bool continuation = false;       ///< code: the line continues a wrapped source line
  SharedLayout continuation_mark;  ///< code: the mark drawn in the left padding of continued lines
  uint32_t background = 0xf0f0f0;  ///< code: the background's colour (0xRRGGBB), a band on highlighted lines
  SharedLayout line_number;        ///< code: the source line's number, drawn as outlines (never copied as text)
  double line_number_x = 0;        ///< its left, relative to the item's x
  uint32_t line_number_color = 0;
  void draw(DrawContext& dc, double x, double y, double height) const override;
};

/// A figure with its caption, or a placeholder box when the image could not be had.
struct FigureDrawable : Drawable {
  int figure = -1;          ///< index into Book::figures, -1 for a placeholder
  double width = 0;         ///< placed image size, points
  double height = 0;
  double block_width = 0;   ///< the text block width, for centring
  std::string alt;          ///< shown in a placeholder
  SharedLayout caption;     ///< may be null
  double caption_gap = 4;
  SharedLayout placeholder_text;
  void draw(DrawContext& dc, double x, double y, double height) const override;
};

/// One row of a table: its cells' layouts side by side, with rules.
struct TableRowDrawable : Drawable {
  struct Cell {
    SharedLayout layout;
    std::vector<LineBox> lines;  ///< from layout_paragraph: the pitch, and room for ruby
    double x = 0;      ///< left of the cell, relative to the table
    double width = 0;
  };
  std::vector<Cell> cells;
  double padding = 3;
  double width = 0;
  bool header = false;
  bool last = false;
  void draw(DrawContext& dc, double x, double y, double height) const override;
};

/// A horizontal rule across `width`.
struct RuleDrawable : Drawable {
  double width = 0;
  void draw(DrawContext& dc, double x, double y, double height) const override;
};

}  // namespace folio::pdf
