// Table layout: measure cells, choose a type size and column widths, lay out each row.
#include "flow/table.hpp"

#include <algorithm>
#include <numeric>

namespace folio::pdf {

std::vector<double> column_widths(const std::vector<double>& natural, const std::vector<double>& minimum,
                                  double width) {
  double total_nat = std::accumulate(natural.begin(), natural.end(), 0.0);
  if (total_nat <= width) return natural;
  // As browsers do: a column that wants no more than an even share of what is left keeps
  // its natural width (short cells such as "0（不限制）" stay on one line); the others
  // share the rest in proportion to what they want, never below their narrowest width.
  size_t n = natural.size();
  std::vector<double> out(n, 0.0);
  std::vector<bool> fixed(n, false);
  double remaining = width;
  for (bool changed = true; changed;) {
    changed = false;
    size_t flexible = std::count(fixed.begin(), fixed.end(), false);
    if (flexible == 0) break;
    double share = remaining / flexible;
    for (size_t c = 0; c < n; ++c)
      if (!fixed[c] && natural[c] <= share) {
        fixed[c] = true;
        out[c] = natural[c];
        remaining -= natural[c];
        changed = true;
      }
  }
  double want = 0, floor = 0;
  for (size_t c = 0; c < n; ++c)
    if (!fixed[c]) {
      want += natural[c];
      floor += minimum[c];
    }
  if (want <= 0) return out;
  if (floor >= remaining) {
    // Even the narrowest widths overflow: squeeze them in proportion (cells break anywhere).
    for (size_t c = 0; c < n; ++c)
      if (!fixed[c]) out[c] = minimum[c] * remaining / floor;
    return out;
  }
  // Proportional shares, lifted to each column's minimum, the lift taken from the others.
  double spare = remaining - floor;
  double above = 0;
  for (size_t c = 0; c < n; ++c)
    if (!fixed[c]) above += natural[c] - minimum[c];
  for (size_t c = 0; c < n; ++c)
    if (!fixed[c]) out[c] = minimum[c] + (above > 0 ? spare * (natural[c] - minimum[c]) / above : spare / n);
  return out;
}

namespace {

constexpr double kPaddingEm = 0.35;

struct CellText {
  const TableCell* cell = nullptr;
  bool header = false;
};

InlineText cell_text(const TableCell& cell, const TableSettings& s, double size, std::vector<int>* notes) {
  InlineText t;
  InlineSettings is = s.inline_settings;
  is.font_size = size;
  is.code_size = size * 0.9;
  append_inlines(cell.children, is, t);
  if (notes)
    for (const NoteRef& r : t.notes) notes->push_back(r.number);
  return t;
}

ParagraphSpec cell_spec(const TableSettings& s, double size, bool header, double width, Align align) {
  ParagraphSpec spec;
  spec.families = s.families;
  spec.size = size;
  spec.weight = header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
  spec.width = std::max(width, 1.0);
  spec.justify = false;
  spec.wrap_chars = true;
  spec.latin_gap_em = s.latin_gap_em;
  spec.pitch = size * std::min(s.pitch_factor, 1.45);
  spec.align = align == Align::center ? PANGO_ALIGN_CENTER : align == Align::right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  return spec;
}

}  // namespace

std::vector<TableRowOut> layout_table(const Table& table, const TableSettings& s, const TextContext& text) {
  size_t cols = std::max(table.align.size(), table.header.size());
  for (const auto& row : table.rows) cols = std::max(cols, row.size());
  if (cols == 0) return {};
  std::vector<std::vector<CellText>> rows;
  bool has_header = false;
  for (const TableCell& c : table.header)
    if (!c.children.empty()) has_header = true;
  if (!table.header.empty() && has_header) {
    rows.emplace_back();
    for (const TableCell& c : table.header) rows.back().push_back({&c, true});
  }
  for (const auto& row : table.rows) {
    rows.emplace_back();
    for (const TableCell& c : row) rows.back().push_back({&c, false});
  }
  auto align = [&](size_t c) { return c < table.align.size() ? table.align[c] : Align::none; };

  // Measure at the wanted size: natural width (one line) and narrowest (longest word).
  double pad = s.size * kPaddingEm;
  std::vector<double> natural(cols, 2 * pad), minimum(cols, 2 * pad);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size() && c < cols; ++c) {
      // Measured as the cells will be set (CJK gaps and compression included), so that a
      // cell given its natural width does not wrap.
      ParagraphSpec spec = cell_spec(s, s.size, row[c].header, 1e5, Align::left);
      ParagraphLayout one_line = layout_paragraph(text, cell_text(*row[c].cell, s, s.size, nullptr), spec);
      PangoRectangle logical;
      pango_layout_get_extents(one_line.layout.get(), nullptr, &logical);
      natural[c] = std::max(natural[c], logical.width / double(PANGO_SCALE) + 2 * pad + 0.5);
      spec.width = 1;  // as narrow as word breaks allow
      spec.wrap_chars = false;
      ParagraphLayout narrow = layout_paragraph(text, cell_text(*row[c].cell, s, s.size, nullptr), spec);
      pango_layout_get_extents(narrow.layout.get(), nullptr, &logical);
      minimum[c] = std::max(minimum[c], std::min(logical.width / double(PANGO_SCALE), s.size * 8) + 2 * pad + 0.5);
    }
  }
  // Too wide: shrink the type (down to the floor), then wrap.
  double total = std::accumulate(natural.begin(), natural.end(), 0.0);
  double size = s.size;
  if (total > s.width) size = std::max(s.min_size, s.size * s.width / total);
  double scale = size / s.size;
  for (size_t c = 0; c < cols; ++c) {
    natural[c] *= scale;
    minimum[c] *= scale;
  }
  std::vector<double> widths = column_widths(natural, minimum, s.width);
  double table_width = std::accumulate(widths.begin(), widths.end(), 0.0);
  pad = size * kPaddingEm;

  std::vector<TableRowOut> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    TableRowOut row;
    row.header = rows[r].front().header;
    auto d = std::make_shared<TableRowDrawable>();
    d->padding = pad;
    d->width = table_width;
    d->header = row.header;
    d->last = r + 1 == rows.size();
    double x = 0, height = 0;
    for (size_t c = 0; c < cols; ++c) {
      TableRowDrawable::Cell cell;
      cell.x = x;
      cell.width = widths[c];
      if (c < rows[r].size()) {
        ParagraphSpec spec = cell_spec(s, size, row.header, widths[c] - 2 * pad, align(c));
        ParagraphLayout p = layout_paragraph(text, cell_text(*rows[r][c].cell, s, size, &row.note_numbers), spec);
        height = std::max(height, p.height());
        cell.layout = p.layout;
        cell.lines = std::move(p.lines);
      }
      d->cells.push_back(std::move(cell));
      x += widths[c];
    }
    row.height = height + 2 * pad;
    row.drawable = std::move(d);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace folio::pdf
