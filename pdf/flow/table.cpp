// Table layout: measure cells, choose a type size and column widths, lay out each row.
#include "flow/table.hpp"

#include <algorithm>
#include <numeric>

namespace folio::pdf {

std::vector<double> column_widths(const std::vector<double>& natural, const std::vector<double>& minimum,
                                  double width) {
  double total_nat = std::accumulate(natural.begin(), natural.end(), 0.0);
  if (total_nat <= width) return natural;
  double total_min = std::accumulate(minimum.begin(), minimum.end(), 0.0);
  std::vector<double> out(natural.size());
  if (total_min >= width) {
    // Even the narrowest widths overflow: squeeze in proportion (cells break anywhere).
    for (size_t c = 0; c < out.size(); ++c) out[c] = minimum[c] * width / total_min;
    return out;
  }
  double want = total_nat - total_min;
  for (size_t c = 0; c < out.size(); ++c)
    out[c] = minimum[c] + (width - total_min) * (natural[c] - minimum[c]) / want;
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
      ParagraphSpec spec = cell_spec(s, s.size, row[c].header, 1e6, Align::left);
      PangoLayout* layout = text.new_layout();
      SharedLayout owner = share_layout(layout);
      InlineText t = cell_text(*row[c].cell, s, s.size, nullptr);
      FontDescPtr font = make_font(spec.families, spec.size, spec.weight);
      pango_layout_set_font_description(layout, font.get());
      pango_layout_set_text(layout, t.text.data(), static_cast<int>(t.text.size()));
      pango_layout_set_attributes(layout, t.attrs.get());
      PangoRectangle logical;
      pango_layout_get_extents(layout, nullptr, &logical);
      natural[c] = std::max(natural[c], logical.width / double(PANGO_SCALE) + 2 * pad);
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
      pango_layout_set_width(layout, PANGO_SCALE);  // as narrow as word breaks allow
      pango_layout_get_extents(layout, nullptr, &logical);
      minimum[c] = std::max(minimum[c], std::min(logical.width / double(PANGO_SCALE), s.size * 8) + 2 * pad);
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
        cell.layout = p.layout;
        PangoRectangle logical;
        pango_layout_get_extents(p.layout.get(), nullptr, &logical);
        height = std::max(height, logical.height / double(PANGO_SCALE));
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
