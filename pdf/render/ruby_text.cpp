// A line's ruby drawn into the PDF. The base glyphs are drawn here rather than by Pango so
// that their text in the PDF can be the base followed by its reading in parentheses (cairo
// writes an ActualText span): pdftotext and copy then give "汉(hàn)字(zì)". The readings'
// glyphs carry an empty ActualText, so their text is not read twice, once above the line.
#include "render/ruby_text.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>

#include "inline/ruby.hpp"

namespace folio::pdf {

namespace {

/// The run's foreground colour, if an attribute sets one.
bool run_colour(PangoGlyphItem* run, double& r, double& g, double& b) {
  for (GSList* l = run->item->analysis.extra_attrs; l; l = l->next) {
    auto* attr = static_cast<PangoAttribute*>(l->data);
    if (attr->klass->type != PANGO_ATTR_FOREGROUND) continue;
    const PangoColor& c = reinterpret_cast<PangoAttrColor*>(attr)->color;
    r = c.red / 65535.0, g = c.green / 65535.0, b = c.blue / 65535.0;
    return true;
  }
  return false;
}

/// Draws glyphs of `font` whose text in the PDF is `text` (empty: none).
void show_glyphs_as(cairo_t* cr, PangoFont* font, const std::vector<cairo_glyph_t>& glyphs, const std::string& text) {
  cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  if (!scaled || glyphs.empty()) return;
  cairo_set_scaled_font(cr, scaled);
  cairo_text_cluster_t cluster{static_cast<int>(text.size()), static_cast<int>(glyphs.size())};
  cairo_show_text_glyphs(cr, text.c_str(), static_cast<int>(text.size()), glyphs.data(),
                         static_cast<int>(glyphs.size()), &cluster, 1, cairo_text_cluster_flags_t(0));
}

/// A glyph that draws nothing (the font's space) and its advance, in points.
struct Inkless {
  unsigned long index;
  double advance;
  double em;  ///< the font's size
};
std::optional<Inkless> inkless_glyph(PangoFont* font) {
  cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  if (!scaled) return std::nullopt;
  cairo_glyph_t* glyphs = nullptr;
  int count = 0;
  if (cairo_scaled_font_text_to_glyphs(scaled, 0, 0, " ", 1, &glyphs, &count, nullptr, nullptr, nullptr) !=
          CAIRO_STATUS_SUCCESS ||
      count != 1) {
    cairo_glyph_free(glyphs);
    return std::nullopt;
  }
  cairo_text_extents_t extents;
  cairo_scaled_font_glyph_extents(scaled, glyphs, 1, &extents);
  cairo_matrix_t font_matrix;
  cairo_scaled_font_get_font_matrix(scaled, &font_matrix);
  Inkless space{glyphs[0].index, extents.x_advance, font_matrix.yy};
  cairo_glyph_free(glyphs);
  if (space.index == 0 || extents.width > 0) return std::nullopt;  // no space glyph, or one with ink
  return space;
}

}  // namespace

RubyLine::RubyLine(PangoLayoutLine* line) : line_(line) {
  const RubyReadings* readings = line ? ruby_readings(line->layout) : nullptr;
  if (!readings) {
    restored_ = true;
    return;
  }
  double x = 0;
  for (GSList* l = line->runs; l; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    PangoGlyphString* gs = run->glyphs;
    Piece* piece = nullptr;
    for (int i = 0; i < gs->num_glyphs; ++i) {
      PangoGlyphInfo& info = gs->glyphs[i];
      const double gx = x + info.geometry.x_offset / double(PANGO_SCALE);
      x += info.geometry.width / double(PANGO_SCALE);
      const int byte = run->item->offset + gs->log_clusters[i];
      int span = -1;
      for (size_t s = 0; s < readings->spans.size(); ++s)
        if (readings->spans[s].start <= byte && byte < readings->spans[s].end) span = static_cast<int>(s);
      // Glyphs another pass hides (colour emoji, missing glyphs) are left to it.
      if (span < 0 || info.glyph == PANGO_GLYPH_EMPTY || (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
        piece = nullptr;
        continue;
      }
      if (!piece || piece->span != span) {
        pieces_.push_back({run, span, {}, {}, {}, byte, byte});
        piece = &pieces_.back();
      }
      piece->glyphs.push_back(i);
      piece->ids.push_back(info.glyph);
      piece->xs.push_back(gx);
      const int cluster_end = i + 1 < gs->num_glyphs && gs->log_clusters[i + 1] != gs->log_clusters[i]
                                  ? run->item->offset + gs->log_clusters[i + 1]
                                  : run->item->offset + run->item->length;
      piece->text_start = std::min(piece->text_start, byte);
      piece->text_end = std::max({piece->text_end, cluster_end, byte});
      info.glyph = PANGO_GLYPH_EMPTY;  // Pango skips it; drawn by draw()
    }
  }
  restored_ = pieces_.empty();
}

void RubyLine::restore() {
  if (restored_) return;
  for (Piece& p : pieces_)
    for (size_t k = 0; k < p.glyphs.size(); ++k) p.run->glyphs->glyphs[p.glyphs[k]].glyph = p.ids[k];
  restored_ = true;
}

void RubyLine::draw(cairo_t* cr, double x, double y) const {
  if (pieces_.empty()) return;
  const RubyReadings& readings = *ruby_readings(line_->layout);
  const char* text = pango_layout_get_text(line_->layout);
  const int line_end = line_->start_index + line_->length;
  cairo_save(cr);
  cairo_pattern_t* source = cairo_pattern_reference(cairo_get_source(cr));
  for (size_t k = 0; k < pieces_.size(); ++k) {
    const Piece& p = pieces_[k];
    const RubySpan& span = readings.spans[static_cast<size_t>(p.span)];
    double r = 0, g = 0, b = 0;
    if (run_colour(p.run, r, g, b)) cairo_set_source_rgb(cr, r, g, b);
    else cairo_set_source(cr, source);
    // The base's text, and after the base's last piece its reading in parentheses.
    std::string shown(text + p.text_start, static_cast<size_t>(p.text_end - p.text_start));
    const bool last = k + 1 == pieces_.size() || pieces_[k + 1].span != p.span;
    if (last && span.end <= line_end) shown += "(" + span.reading + ")";
    std::vector<cairo_glyph_t> glyphs;
    const double baseline = y - p.run->y_offset / double(PANGO_SCALE);
    double cell_left = std::numeric_limits<double>::max(), cell_right = std::numeric_limits<double>::lowest();
    for (size_t i = 0; i < p.ids.size(); ++i) {
      const PangoGlyphGeometry& geometry = p.run->glyphs->glyphs[p.glyphs[i]].geometry;
      glyphs.push_back({p.ids[i], x + p.xs[i], baseline + geometry.y_offset / double(PANGO_SCALE)});
      const double cell = p.xs[i] - geometry.x_offset / double(PANGO_SCALE);
      cell_left = std::min(cell_left, cell);
      cell_right = std::max(cell_right, cell + geometry.width / double(PANGO_SCALE));
    }
    // A base widened for its reading has blank room on both sides; a reader of the text
    // layer (pdftotext, copy) spans the base's text over its glyphs only and would read
    // that room as spaces ("以及 東京(とうきょう) 和"). Inkless space glyphs at the cell's
    // edges, inside the same text span, make the span cover the whole cell. The bases are
    // drawn after their line, so to poppler they are words of their own, and it reads a
    // gap between words by the line's other gaps: even the justification slack before the
    // cell (under 0.1 em) could read as a space. The leading one reaches back over it.
    const bool first = k == 0 || pieces_[k - 1].span != p.span;
    if (auto filler = inkless_glyph(p.run->item->analysis.font)) {
      if (first) glyphs.insert(glyphs.begin(), {filler->index, x + cell_left - filler->em * 0.1, baseline});
      if (last) glyphs.push_back({filler->index, x + cell_right - filler->advance, baseline});
    }
    show_glyphs_as(cr, p.run->item->analysis.font, glyphs, shown);
    if (!last) continue;

    // The reading, centred over the base's pieces in this line.
    double left = std::numeric_limits<double>::max(), right = std::numeric_limits<double>::lowest();
    for (const Piece& q : pieces_) {
      if (q.span != p.span) continue;
      for (size_t i = 0; i < q.ids.size(); ++i) {
        const PangoGlyphGeometry& geometry = q.run->glyphs->glyphs[q.glyphs[i]].geometry;
        const double gx = q.xs[i] - geometry.x_offset / double(PANGO_SCALE);  // the glyph's cell
        left = std::min(left, gx);
        right = std::max(right, gx + geometry.width / double(PANGO_SCALE));
      }
    }
    PangoLayout* reading = new_reading_layout(line_->layout, span.reading, readings.size);
    PangoRectangle logical;
    pango_layout_get_extents(reading, nullptr, &logical);
    double rx = x + (left + right) / 2 - logical.width / double(PANGO_SCALE) / 2;
    const double ry = y - readings.baseline;
    PangoLayoutLine* rl = pango_layout_get_line_readonly(reading, 0);
    for (GSList* l = rl ? rl->runs : nullptr; l; l = l->next) {
      auto* run = static_cast<PangoGlyphItem*>(l->data);
      std::vector<cairo_glyph_t> reading_glyphs;
      for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
        const PangoGlyphInfo& info = run->glyphs->glyphs[i];
        if (info.glyph != PANGO_GLYPH_EMPTY && !(info.glyph & PANGO_GLYPH_UNKNOWN_FLAG))
          reading_glyphs.push_back({info.glyph, rx + info.geometry.x_offset / double(PANGO_SCALE),
                                    ry + info.geometry.y_offset / double(PANGO_SCALE)});
        rx += info.geometry.width / double(PANGO_SCALE);
      }
      show_glyphs_as(cr, run->item->analysis.font, reading_glyphs, std::string());
    }
    g_object_unref(reading);
  }
  cairo_set_source(cr, source);
  cairo_pattern_destroy(source);
  cairo_restore(cr);
}

}  // namespace folio::pdf
