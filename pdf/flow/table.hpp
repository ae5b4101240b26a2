// Table layout: column widths from the content, wrapping cells, and type shrunk to a floor
// before wrapping when a table is too wide for the text block.
#pragma once

#include <memory>
#include <vector>

#include "folio/document.hpp"
#include "flow/drawables.hpp"
#include "inline/paragraph.hpp"
#include "text_context.hpp"

namespace folio::pdf {

struct TableSettings {
  std::string families;
  double size = 10.5;       ///< type size the table wants
  double min_size = 8;      ///< floor the type may shrink to before cells wrap
  double width = 300;       ///< available width
  double pitch_factor = 1.5;
  double latin_gap_em = 0.25;
  InlineSettings inline_settings;
};

struct TableRowOut {
  double height = 0;
  bool header = false;
  std::vector<int> note_numbers;  ///< footnotes referenced from the row's cells
  std::shared_ptr<TableRowDrawable> drawable;
};

/// Column widths (points) for content of natural widths `natural` and narrowest widths
/// `minimum` (both including padding) in `width`: natural when it fits, else the slack
/// over the minimum shared in proportion to what each column wants beyond it.
std::vector<double> column_widths(const std::vector<double>& natural, const std::vector<double>& minimum,
                                  double width);

/// The header row (when the table has one) and body rows.
std::vector<TableRowOut> layout_table(const Table& table, const TableSettings& settings, const TextContext& text);

}  // namespace folio::pdf
