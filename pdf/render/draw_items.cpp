// Drawing of the flow's drawables: paragraph and code lines, figures, table rows, rules.
#include <algorithm>

#include "render/show_text.hpp"
#include "flow/drawables.hpp"
#include "render/draw_context.hpp"

namespace folio::pdf {

namespace {
constexpr double kCodeBackground = 0.94;  // table header rows
void set_source_rgb(cairo_t* cr, uint32_t rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}
constexpr double kRuleGrey = 0.55;

// The x of byte `index` of the layout's text in `line` (its leading edge), as
// pango_layout_line_index_to_x gives it but in time linear in the line: Pango 1.50's own
// counts the characters from the start of the layout's text on every call, so a line late in
// a long layout cost as much as all the text before it, for each link on it.
int line_index_to_x(PangoLayoutLine* line, int index) {
  const char* text = pango_layout_get_text(line->layout);
  int width = 0;
  for (GSList* r = line->runs; r != nullptr; r = r->next) {
    auto* run = static_cast<PangoLayoutRun*>(r->data);
    PangoItem* item = run->item;
    if (item->offset <= index && index < item->offset + item->length) {
      int x = 0;
      pango_glyph_string_index_to_x(run->glyphs, const_cast<char*>(text + item->offset), item->length,
                                    &item->analysis, index - item->offset, FALSE, &x);
      return width + x;
    }
    width += pango_glyph_string_get_width(run->glyphs);
  }
  return width;
}
}  // namespace

void LineDrawable::draw(DrawContext& dc, double x, double y, double height) const {
  cairo_t* cr = dc.cr();
  if (background_width > 0) {
    cairo_save(cr);
    set_source_rgb(cr, background);
    cairo_rectangle(cr, x, y, background_width, height);
    cairo_fill(cr);
    cairo_restore(cr);
  }
  PangoLayoutLine* l = pango_layout_get_line_readonly(layout.get(), line);
  if (!l) return;
  double base = y + pad_top + box.baseline;
  if (line_number) {
    // As outlines rather than text: copying or extracting the code leaves the numbers out.
    cairo_save(cr);
    set_source_rgb(cr, line_number_color);
    cairo_move_to(cr, x + line_number_x, base);
    pango_cairo_layout_line_path(cr, pango_layout_get_line_readonly(line_number.get(), 0));
    cairo_fill(cr);
    cairo_restore(cr);
  }
  cairo_move_to(cr, x + box.x, base);
  show_layout_line(cr, l);
  if (marker) {
    cairo_move_to(cr, x + marker_x, base);
    show_layout_line(cr, pango_layout_get_line_readonly(marker.get(), 0));
    if (!marker_dest.empty()) {
      PangoRectangle logical;
      pango_layout_get_extents(marker.get(), nullptr, &logical);
      LinkSpan back;
      back.dest = marker_dest;
      dc.link(x + marker_x, y + pad_top, logical.width / double(PANGO_SCALE), box.height, back);
    }
  }
  if (continuation && continuation_mark) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, kRuleGrey, kRuleGrey, kRuleGrey);
    cairo_move_to(cr, x + 1, base);
    // As outlines, as the line numbers: copying a wrapped line gives the source line.
    pango_cairo_layout_line_path(cr, pango_layout_get_line_readonly(continuation_mark.get(), 0));
    cairo_fill(cr);
    cairo_restore(cr);
  }
  // Clipped to the layout line's own range: a line of a paragraph laid out in pieces
  // counts its box in the paragraph's text, which lacks the piece's soft hyphens.
  for (const LinkSpan& link : links) {
    int start = std::max(link.start, l->start_index);
    int end = std::min(link.end, l->start_index + l->length);
    int x0 = line_index_to_x(l, start), x1 = line_index_to_x(l, end);
    if (end >= l->start_index + l->length) {
      PangoRectangle logical;
      pango_layout_line_get_extents(l, nullptr, &logical);
      x1 = logical.x + logical.width;
    }
    double a = std::min(x0, x1) / double(PANGO_SCALE), b = std::max(x0, x1) / double(PANGO_SCALE);
    if (b - a < 0.5) continue;
    dc.link(x + box.x + a, y + pad_top, b - a, box.height, link);
  }
}

void FigureDrawable::draw(DrawContext& dc, double x, double y, double) const {
  cairo_t* cr = dc.cr();
  double left = x + (block_width - width) / 2;
  bool drawn = figure >= 0 && dc.image(figure, left, y, width, height);
  if (!drawn) {
    cairo_save(cr);
    cairo_set_line_width(cr, 0.6);
    cairo_set_source_rgb(cr, kRuleGrey, kRuleGrey, kRuleGrey);
    cairo_rectangle(cr, left, y, width, height);
    cairo_stroke(cr);
    cairo_restore(cr);
    if (placeholder_text) {
      PangoRectangle logical;
      pango_layout_get_extents(placeholder_text.get(), nullptr, &logical);
      double tw = pango_layout_get_width(placeholder_text.get()) / double(PANGO_SCALE);
      cairo_move_to(cr, left + (width - tw) / 2, y + (height - logical.height / double(PANGO_SCALE)) / 2);
      show_layout(cr, placeholder_text.get());
    }
  }
  if (caption) {
    double cw = pango_layout_get_width(caption.get()) / double(PANGO_SCALE);
    cairo_move_to(cr, x + (block_width - cw) / 2, y + height + caption_gap);
    show_layout(cr, caption.get());
  }
}

void TableRowDrawable::draw(DrawContext& dc, double x, double y, double height) const {
  cairo_t* cr = dc.cr();
  cairo_save(cr);
  if (header) {
    cairo_set_source_rgb(cr, kCodeBackground, kCodeBackground, kCodeBackground);
    cairo_rectangle(cr, x, y, width, height);
    cairo_fill(cr);
  }
  cairo_set_source_rgb(cr, kRuleGrey, kRuleGrey, kRuleGrey);
  cairo_set_line_width(cr, header ? 0.8 : 0.4);
  cairo_move_to(cr, x, y);
  cairo_line_to(cr, x + width, y);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 0.4);
  cairo_move_to(cr, x, y + height);
  cairo_line_to(cr, x + width, y + height);
  cairo_stroke(cr);
  cairo_restore(cr);
  // Line by line from the cell's line boxes, as body text: a line with ruby has its room.
  for (const Cell& c : cells) {
    if (!c.layout) continue;
    double top = y + padding;
    for (size_t i = 0; i < c.lines.size(); ++i) {
      const LineBox& box = c.lines[i];
      if (PangoLayoutLine* line = pango_layout_get_line_readonly(c.layout.get(), int(i))) {
        cairo_move_to(cr, x + c.x + padding + box.x, top + box.baseline);
        show_layout_line(cr, line);
      }
      top += box.height;
    }
  }
}

void RuleDrawable::draw(DrawContext& dc, double x, double y, double height) const {
  cairo_t* cr = dc.cr();
  cairo_save(cr);
  cairo_set_source_rgb(cr, kRuleGrey, kRuleGrey, kRuleGrey);
  cairo_set_line_width(cr, 0.5);
  double mid = y + height / 2;
  cairo_move_to(cr, x + width * 0.3, mid);
  cairo_line_to(cr, x + width * 0.7, mid);
  cairo_stroke(cr);
  cairo_restore(cr);
}

}  // namespace folio::pdf
