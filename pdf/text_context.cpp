// TextContext setup: resolution, hinting and glyph rounding for PDF output.
#include "text_context.hpp"

#include <pango/pangofc-fontmap.h>

#include "inline/hyphenation.hpp"

namespace folio::pdf {

TextContext::TextContext(const std::string& language, FcConfig* fonts)
    : font_map_(pango_cairo_font_map_new()), language_(language) {
  // Before the first context: the map reads its fonts from this configuration from now on.
  if (fonts && PANGO_IS_FC_FONT_MAP(font_map_.get())) pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_.get()), fonts);
  context_.reset(pango_font_map_create_context(font_map_.get()));
  pango_cairo_context_set_resolution(context_.get(), 72.0);
  FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options.get());
  pango_context_set_round_glyph_positions(context_.get(), FALSE);
  pango_context_set_language(context_.get(), pango_language_from_string(language.c_str()));
}

TextContext::~TextContext() = default;

const Hyphenator* TextContext::hyphenator() const {
  if (!hyphenator_loaded_) {
    hyphenator_ = Hyphenator::load(language_, FOLIO_HYPHEN_DIR);
    hyphenator_loaded_ = true;
  }
  return hyphenator_.get();
}

FontDescPtr make_font(const std::string& families, double size_pt, PangoWeight weight, PangoStyle style) {
  FontDescPtr desc(pango_font_description_new());
  pango_font_description_set_family(desc.get(), families.c_str());
  pango_font_description_set_size(desc.get(), static_cast<int>(size_pt * PANGO_SCALE + 0.5));
  pango_font_description_set_weight(desc.get(), weight);
  pango_font_description_set_style(desc.get(), style);
  return desc;
}

}  // namespace folio::pdf
