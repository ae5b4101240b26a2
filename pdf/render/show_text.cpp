// Pango text into the PDF, with colour-font runs painted as images (see show_text.hpp).
#include "render/show_text.hpp"

#include "render/emphasis_dots.hpp"
#include "render/ruby_text.hpp"

#include <hb-ot.h>

#include <cmath>
#include <map>
#include <utility>
#include <vector>

namespace folio::pdf {

namespace {

/// Pixels per em of the emoji images: Noto Color Emoji's bitmap strike, so no resampling.
constexpr double kEmojiPixelsPerEm = 109;

bool is_colour_font(PangoFont* font) {
  if (!font) return false;
  hb_font_t* hb = pango_font_get_hb_font(font);
  if (!hb) return false;
  hb_face_t* face = hb_font_get_face(hb);
  return hb_ot_color_has_png(face) || hb_ot_color_has_layers(face) || hb_ot_color_has_svg(face);
}

/// One glyph's picture, and where its origin sits in it (pixels).
struct GlyphImage {
  cairo_surface_t* surface = nullptr;
  double origin_x = 0, origin_y = 0;
};

/// Each distinct glyph is rendered once per PDF: the same surface painted again is written
/// once by cairo, which keeps the file small and its bytes the same from build to build.
struct GlyphImageCache {
  std::map<std::pair<cairo_font_face_t*, unsigned long>, GlyphImage> images;
  ~GlyphImageCache() {
    for (auto& [key, image] : images) {
      if (image.surface) cairo_surface_destroy(image.surface);
      cairo_font_face_destroy(key.first);
    }
  }
};

cairo_user_data_key_t cache_key;

GlyphImageCache& cache_for(cairo_t* cr) {
  cairo_surface_t* target = cairo_get_target(cr);
  auto* cache = static_cast<GlyphImageCache*>(cairo_surface_get_user_data(target, &cache_key));
  if (!cache) {
    cache = new GlyphImageCache;
    cairo_surface_set_user_data(target, &cache_key, cache,
                                [](void* p) { delete static_cast<GlyphImageCache*>(p); });
  }
  return *cache;
}

const GlyphImage& glyph_image(cairo_t* cr, cairo_font_face_t* face, unsigned long glyph) {
  GlyphImageCache& cache = cache_for(cr);
  auto key = std::make_pair(face, glyph);
  if (auto it = cache.images.find(key); it != cache.images.end()) return it->second;
  cairo_font_face_reference(face);
  GlyphImage& image = cache.images[key];

  cairo_matrix_t font_matrix, ctm;
  cairo_matrix_init_scale(&font_matrix, kEmojiPixelsPerEm, kEmojiPixelsPerEm);
  cairo_matrix_init_identity(&ctm);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_scaled_font_t* scaled = cairo_scaled_font_create(face, &font_matrix, &ctm, options);
  cairo_font_options_destroy(options);
  cairo_glyph_t g{glyph, 0, 0};
  cairo_text_extents_t ext;
  cairo_scaled_font_glyph_extents(scaled, &g, 1, &ext);
  double left = std::floor(ext.x_bearing), top = std::floor(ext.y_bearing);
  int width = int(std::ceil(ext.x_bearing + ext.width) - left);
  int height = int(std::ceil(ext.y_bearing + ext.height) - top);
  if (width > 0 && height > 0 && cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS) {
    image.surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* icr = cairo_create(image.surface);
    cairo_set_scaled_font(icr, scaled);
    g.x = -left;
    g.y = -top;
    cairo_show_glyphs(icr, &g, 1);
    cairo_destroy(icr);
    image.origin_x = -left;
    image.origin_y = -top;
  }
  cairo_scaled_font_destroy(scaled);
  return image;
}

/// The layout's own first font, to carry the text layer of a line that has only emoji.
/// A new reference: the caller unrefs it.
PangoFont* load_layout_font(PangoLayoutLine* line) {
  PangoContext* context = pango_layout_get_context(line->layout);
  const PangoFontDescription* desc = pango_layout_get_font_description(line->layout);
  if (!desc) desc = pango_context_get_font_description(context);
  return pango_context_load_font(context, desc);
}

/// Writes the characters text[start, end) into the text layer over a box `width` wide at
/// (x, y): one glyph of a text font, scaled to that width and mapped to those characters
/// (cairo writes an ActualText span), clipped to a speck and all but transparent. cairo
/// drops operations without ink, so a space glyph would not do.
void text_layer(cairo_t* cr, PangoFont* font, const char* text, int start, int end, double x, double y,
                double width, double size) {
  if (!font || end <= start || width <= 0) return;
  hb_codepoint_t carrier = 0;
  if (!hb_font_get_nominal_glyph(pango_font_get_hb_font(font), '.', &carrier)) return;
  cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  if (!scaled) return;
  cairo_save(cr);
  cairo_set_font_face(cr, cairo_scaled_font_get_font_face(scaled));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);
  cairo_set_font_size(cr, 100);
  cairo_glyph_t g{carrier, x, y};
  cairo_text_extents_t ext;
  cairo_glyph_extents(cr, &g, 1, &ext);
  if (ext.x_advance > 0) {
    // As tall as the text around it (text extraction keeps it on the line), as wide as the emoji.
    cairo_matrix_t m;
    cairo_matrix_init_scale(&m, 100 * width / ext.x_advance, size);
    cairo_set_font_matrix(cr, &m);
    cairo_glyph_extents(cr, &g, 1, &ext);
    cairo_rectangle(cr, x + ext.x_bearing, y + ext.y_bearing, 0.01, 0.01);
    cairo_clip(cr);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.01);  // the least alpha cairo still draws
    cairo_text_cluster_t cluster{end - start, 1};
    cairo_show_text_glyphs(cr, text + start, end - start, &g, 1, &cluster, 1, cairo_text_cluster_flags_t(0));
  }
  cairo_restore(cr);
}

/// A run with glyphs hidden from Pango's renderer while it draws the line: every glyph of a
/// colour font, or the missing glyphs (Pango's hex boxes) of a text font.
struct HiddenRun {
  PangoGlyphItem* run;
  double x;       ///< the run's left edge from the line's origin, in points
  bool colour;    ///< a colour font's run: its glyphs become images
  std::vector<PangoGlyph> glyphs;  ///< the run's glyphs as Pango shaped them
};

void paint_glyph_image(cairo_t* cr, const GlyphImage& image, double x, double y, double scale) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, scale, scale);
  // Through a group: cairo 1.16 lists an image painted twice on one page twice in the
  // page's resources (a duplicated key qpdf rejects); a group has resources of its own.
  cairo_push_group(cr);
  cairo_set_source_surface(cr, image.surface, -image.origin_x, -image.origin_y);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_pop_group_to_source(cr);
  cairo_paint(cr);
  cairo_restore(cr);
}

/// What stands for a character no installed font has (an emoji without an emoji font): a
/// plain grey rounded chip the width of the box, not Pango's box of hex digits. The build
/// has already warned about the character once (check_coverage).
void paint_missing_glyph(cairo_t* cr, double x, double baseline, double width, double em) {
  double w = width - em * 0.16, h = em * 0.8, r = em * 0.18;
  if (w <= 0) return;
  double left = x + em * 0.08, top = baseline - em * 0.72;
  cairo_save(cr);
  cairo_new_sub_path(cr);
  cairo_arc(cr, left + w - r, top + r, r, -M_PI / 2, 0);
  cairo_arc(cr, left + w - r, top + h - r, r, 0, M_PI / 2);
  cairo_arc(cr, left + r, top + h - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, left + r, top + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
  cairo_fill(cr);
  cairo_restore(cr);
}

double font_size(PangoFont* font) {
  cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  if (!scaled) return 0;
  cairo_matrix_t m;
  cairo_scaled_font_get_font_matrix(scaled, &m);
  return std::hypot(m.yx, m.yy);
}

void draw_hidden_run(cairo_t* cr, const HiddenRun& h, double origin_x, double origin_y, PangoFont* text_font,
                     const char* text) {
  PangoGlyphString* gs = h.run->glyphs;
  PangoItem* item = h.run->item;
  cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->analysis.font));
  if (!scaled) return;
  cairo_font_face_t* face = cairo_scaled_font_get_font_face(scaled);
  double em = font_size(item->analysis.font);
  double baseline = origin_y - h.run->y_offset / double(PANGO_SCALE);
  double x = origin_x + h.x;
  // A run with missing glyphs carries them in its own font; an emoji run in the line's.
  PangoFont* carrier = h.colour ? text_font : item->analysis.font;
  for (int i = 0; i < gs->num_glyphs;) {
    // One cluster: the glyphs that share a log_cluster (a ZWJ sequence or a flag is one glyph).
    int j = i;
    double cluster_x = x, cluster_width = 0;
    bool hidden = false;
    while (j < gs->num_glyphs && gs->log_clusters[j] == gs->log_clusters[i]) {
      const PangoGlyphInfo& info = gs->glyphs[j];
      double advance = info.geometry.width / double(PANGO_SCALE);
      double gx = x + info.geometry.x_offset / double(PANGO_SCALE);
      double gy = baseline + info.geometry.y_offset / double(PANGO_SCALE);
      PangoGlyph glyph = h.glyphs[size_t(j)];
      if (glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
        hidden = true;
        paint_missing_glyph(cr, gx, gy, advance, em);
      } else if (h.colour && glyph != PANGO_GLYPH_EMPTY) {
        hidden = true;
        const GlyphImage& image = glyph_image(cr, face, glyph);
        if (image.surface) paint_glyph_image(cr, image, gx, gy, em / kEmojiPixelsPerEm);
      }
      x += advance;
      cluster_width += advance;
      ++j;
    }
    int start = item->offset + gs->log_clusters[i];
    int end = j < gs->num_glyphs ? item->offset + gs->log_clusters[j] : item->offset + item->length;
    if (hidden) text_layer(cr, carrier, text, start, end, cluster_x, baseline, cluster_width, em);
    i = j;
  }
}

}  // namespace

void show_layout_line(cairo_t* cr, PangoLayoutLine* line) {
  if (!line) return;
  std::vector<HiddenRun> hidden;
  double x = 0;
  for (GSList* l = line->runs; l; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    bool colour = is_colour_font(run->item->analysis.font);
    HiddenRun h{run, x, colour, {}};
    bool any = false;
    for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
      PangoGlyph& glyph = run->glyphs->glyphs[i].glyph;
      h.glyphs.push_back(glyph);
      if (colour || (glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
        glyph = PANGO_GLYPH_EMPTY;  // Pango skips it; drawn below
        any = true;
      }
    }
    if (any) hidden.push_back(std::move(h));
    x += pango_glyph_string_get_width(run->glyphs) / double(PANGO_SCALE);
  }
  double origin_x = 0, origin_y = 0;
  cairo_get_current_point(cr, &origin_x, &origin_y);
  RubyLine ruby(line);  // ruby bases are drawn with their readings, after the line
  pango_cairo_show_layout_line(cr, line);
  ruby.restore();
  ruby.draw(cr, origin_x, origin_y);
  draw_emphasis_dots(cr, line, origin_x, origin_y);
  cairo_move_to(cr, origin_x, origin_y);
  if (hidden.empty()) return;
  for (HiddenRun& h : hidden)
    for (size_t i = 0; i < h.glyphs.size(); ++i) h.run->glyphs->glyphs[i].glyph = h.glyphs[i];

  // A text font of the line carries the emoji's characters in the text layer.
  PangoFont* text_font = nullptr;
  bool owned = false;
  for (GSList* l = line->runs; l && !text_font; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    if (!is_colour_font(run->item->analysis.font)) text_font = run->item->analysis.font;
  }
  if (!text_font) {
    text_font = load_layout_font(line);
    owned = text_font != nullptr;
  }
  const char* text = pango_layout_get_text(line->layout);
  for (const HiddenRun& h : hidden) draw_hidden_run(cr, h, origin_x, origin_y, text_font, text);
  if (owned) g_object_unref(text_font);
  cairo_move_to(cr, origin_x, origin_y);
}

void show_layout(cairo_t* cr, PangoLayout* layout) {
  double x = 0, y = 0;
  cairo_get_current_point(cr, &x, &y);
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    int baseline = pango_layout_iter_get_baseline(iter);
    cairo_move_to(cr, x + logical.x / double(PANGO_SCALE), y + baseline / double(PANGO_SCALE));
    show_layout_line(cr, pango_layout_iter_get_line_readonly(iter));
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  cairo_move_to(cr, x, y);
}

}  // namespace folio::pdf
