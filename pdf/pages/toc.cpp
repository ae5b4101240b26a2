// Contents entries: title (wrapped), dot leaders, right-aligned page number, one link.
#include "pages/toc.hpp"

#include "inline/paragraph.hpp"
#include "render/draw_context.hpp"
#include "render/show_text.hpp"

namespace folio::pdf {

namespace {

struct TocEntryDrawable : Drawable {
  SharedLayout title;
  SharedLayout number;
  SharedLayout dot;
  double width = 0;        ///< from the item's x to the right edge of the text block
  double number_width = 0; ///< the column the numbers sit in
  double baseline_last = 0;  ///< baseline of the title's last line from the item top
  double last_line_end = 0;  ///< x where the title's last line ends
  double top_pad = 0;
  std::string dest;

  void draw(DrawContext& dc, double x, double y, double height) const override {
    cairo_t* cr = dc.cr();
    cairo_move_to(cr, x, y + top_pad);
    show_layout(cr, title.get());
    PangoRectangle num;
    pango_layout_get_extents(number.get(), nullptr, &num);
    double num_w = num.width / double(PANGO_SCALE);
    double base = y + top_pad + baseline_last;
    PangoLayoutLine* num_line = pango_layout_get_line_readonly(number.get(), 0);
    cairo_move_to(cr, x + width - num_w, base);
    show_layout_line(cr, num_line);
    // Dot leaders on a fixed grid, so that dots line up from entry to entry.
    PangoRectangle d;
    pango_layout_get_extents(dot.get(), nullptr, &d);
    double step = d.width / double(PANGO_SCALE) * 2.2;
    PangoLayoutLine* dot_line = pango_layout_get_line_readonly(dot.get(), 0);
    double start = x + last_line_end + step * 0.5;
    double end = x + width - num_w - step * 0.5;
    for (double dx = 0; dx + step <= x + width; dx += step) {
      double px = dx;
      if (px < start || px + step > end) continue;
      cairo_move_to(cr, px, base);
      show_layout_line(cr, dot_line);
    }
    LinkSpan link;
    link.dest = dest;
    dc.link(x, y, width, height, link);
  }
};

SharedLayout simple_layout(const TextContext& text, const std::string& s, const std::string& families, double size,
                           PangoWeight weight = PANGO_WEIGHT_NORMAL) {
  PangoLayout* layout = text.new_layout();
  SharedLayout owner = share_layout(layout);
  FontDescPtr font = make_font(families, size, weight);
  pango_layout_set_font_description(layout, font.get());
  pango_layout_set_text(layout, s.data(), static_cast<int>(s.size()));
  return owner;
}

}  // namespace

ChapterFlow toc_flow(const std::vector<TocEntry>& entries, const std::string& heading, const Style& style,
                     const TextContext& text) {
  ChapterFlow flow;
  {
    ParagraphSpec spec;
    spec.families = style.fonts.heading;
    spec.weight = PANGO_WEIGHT_BOLD;
    spec.size = style.font_size * 1.6;
    spec.width = style.text_width();
    spec.justify = false;
    spec.pitch = spec.size * 1.4;
    InlineText t;
    t.text = heading;
    ParagraphLayout p = layout_paragraph(text, std::move(t), spec);
    auto d = std::make_shared<TocEntryDrawable>();
    FlowItem item;
    item.kind = FlowKind::heading;
    item.height = p.height() + style.line_pitch;
    item.keep_with_next = true;
    item.dests.push_back("toc");
    // The heading is a plain line; reuse the entry drawable without number or leaders.
    struct HeadingDrawable : Drawable {
      SharedLayout layout;
      void draw(DrawContext& dc, double x, double y, double) const override {
        cairo_move_to(dc.cr(), x, y);
        show_layout(dc.cr(), layout.get());
      }
    };
    auto h = std::make_shared<HeadingDrawable>();
    h->layout = p.layout;
    item.drawable = std::move(h);
    flow.items.push_back(std::move(item));
  }
  double number_width = style.font_size * 3;
  for (const TocEntry& e : entries) {
    double indent = e.level <= 1 ? 0 : style.font_size * 2 * (e.level - 1);
    ParagraphSpec spec;
    spec.families = e.level == 0 ? style.fonts.heading : style.fonts.body;
    spec.weight = e.level <= 1 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
    spec.size = style.font_size * (e.level == 0 ? 1.1 : e.level == 1 ? 1.0 : 0.95);
    spec.width = style.text_width() - indent - number_width;
    spec.justify = false;
    spec.latin_gap_em = style.cjk_latin_gap_em;
    spec.pitch = style.line_pitch;
    InlineText t;
    t.text = e.title;
    ParagraphLayout p = layout_paragraph(text, std::move(t), spec);
    auto d = std::make_shared<TocEntryDrawable>();
    d->title = p.layout;
    d->number = simple_layout(text, e.page.empty() ? "000" : e.page, style.fonts.body, spec.size, spec.weight);
    d->dot = simple_layout(text, ".", style.fonts.body, spec.size);
    d->width = style.text_width() - indent;
    d->number_width = number_width;
    d->dest = e.dest;
    d->top_pad = e.level <= 1 ? style.line_pitch * 0.4 : 0;
    // Geometry of the last line, for the leaders.
    LayoutIterPtr iter(pango_layout_get_iter(p.layout.get()));
    while (!pango_layout_iter_at_last_line(iter.get())) pango_layout_iter_next_line(iter.get());
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    d->baseline_last = pango_layout_iter_get_baseline(iter.get()) / double(PANGO_SCALE);
    d->last_line_end = (logical.x + logical.width) / double(PANGO_SCALE);
    PangoRectangle all;
    pango_layout_get_extents(p.layout.get(), nullptr, &all);
    FlowItem item;
    item.kind = FlowKind::text;
    item.height = all.height / double(PANGO_SCALE) + d->top_pad;
    item.keep_with_next = e.level == 0;
    item.x = indent;
    item.drawable = std::move(d);
    flow.items.push_back(std::move(item));
  }
  return flow;
}

}  // namespace folio::pdf
