// Emphasis dots under Han characters (see emphasis_dots.hpp).
#include "render/emphasis_dots.hpp"

#include <cmath>
#include <string_view>

#include "base/han_runs.hpp"
#include "base/utf8.hpp"
#include "inline/han_emphasis.hpp"

namespace folio::pdf {

namespace {

constexpr double kDotDiameterEm = 1.0 / 6;
/// Space between the descent line and the dot's top, so the dot never touches the glyph.
constexpr double kDotGapEm = 0.04;

bool has_dots(const PangoItem* item) {
  for (GSList* a = item->analysis.extra_attrs; a; a = a->next)
    if (is_emphasis_dots_attr(static_cast<const PangoAttribute*>(a->data))) return true;
  return false;
}

}  // namespace

void draw_emphasis_dots(cairo_t* cr, PangoLayoutLine* line, double origin_x, double baseline) {
  if (!line) return;
  const std::string_view text = pango_layout_get_text(line->layout);
  bool saved = false;
  double x = origin_x;
  for (GSList* l = line->runs; l; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    const PangoItem* item = run->item;
    const PangoGlyphString* gs = run->glyphs;
    if (!has_dots(item) || !item->analysis.font) {
      x += pango_glyph_string_get_width(run->glyphs) / double(PANGO_SCALE);
      continue;
    }
    PangoFontMetrics* metrics = pango_font_get_metrics(item->analysis.font, nullptr);
    const double descent = pango_font_metrics_get_descent(metrics) / double(PANGO_SCALE);
    pango_font_metrics_unref(metrics);
    for (int i = 0; i < gs->num_glyphs; ++i) {
      const PangoGlyphInfo& info = gs->glyphs[i];
      const double glyph_x = x + info.geometry.x_offset / double(PANGO_SCALE);
      x += info.geometry.width / double(PANGO_SCALE);
      // The first glyph of each cluster carries its character.
      if (i > 0 && gs->log_clusters[i] == gs->log_clusters[i - 1]) continue;
      size_t at = size_t(item->offset + gs->log_clusters[i]);
      if (at >= text.size() || !takes_emphasis_dot(utf8::next(text, at))) continue;
      // The glyph's own advance: justification may have widened the geometry.
      PangoRectangle logical;
      pango_font_get_glyph_extents(item->analysis.font, info.glyph, nullptr, &logical);
      const double advance = logical.width > 0 ? logical.width / double(PANGO_SCALE) : info.geometry.width / double(PANGO_SCALE);
      // A CJK character is one em wide: its advance is the em the dot is measured in.
      const double em = advance, radius = em * kDotDiameterEm / 2;
      if (!saved) {
        cairo_save(cr);
        saved = true;
      }
      cairo_new_path(cr);
      cairo_arc(cr, glyph_x + advance / 2, baseline + descent + em * kDotGapEm + radius, radius, 0, 2 * M_PI);
      cairo_fill(cr);  // one path per dot: each is a mark of its own character
    }
  }
  if (saved) cairo_restore(cr);
}

}  // namespace folio::pdf
