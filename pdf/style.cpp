// Page presets and the Style built from PdfOptions.
#include "style.hpp"

#include <algorithm>
#include <cctype>

namespace folio::pdf {

namespace {
std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}
PageSize mm(double w, double h) { return {w * kPointsPerMm, h * kPointsPerMm}; }
}  // namespace

std::optional<PageSize> page_preset(const std::string& name) {
  std::string n = lowercase(name);
  if (n == "a4") return mm(210, 297);
  if (n == "a5") return mm(148, 210);
  if (n == "b5" || n == "iso-b5") return mm(176, 250);
  if (n == "jis-b5" || n == "b5-jis") return mm(182, 257);
  if (n == "letter" || n == "us-letter") return PageSize{612, 792};
  if (n == "6x9") return PageSize{432, 648};
  return std::nullopt;
}

Style make_style(const PdfOptions& options, bool handout, bool page_explicit, const std::string& language,
                 const FontFamilies& fonts, Diagnostics& diagnostics, const SourceLocation& where) {
  Style s;
  s.handout = handout;
  std::string page = options.page;
  if (page.empty() || (handout && !page_explicit)) page = handout ? "A4" : "A5";
  if (auto size = page_preset(page)) {
    s.page = *size;
  } else {
    diagnostics.warning(where, "unknown page size '" + page + "' (A4, A5, B5, JIS-B5, Letter, 6x9); using A5");
    s.page = *page_preset("A5");
  }
  s.margin_top = options.margin_top_mm * kPointsPerMm;
  s.margin_bottom = options.margin_bottom_mm * kPointsPerMm;
  s.margin_inner = options.margin_inner_mm * kPointsPerMm;
  s.margin_outer = options.margin_outer_mm * kPointsPerMm;
  // A handout is read loose-leaf: no mirrored margins and no blank versos.
  s.two_sided = options.two_sided && !handout;
  s.font_size = std::clamp(options.font_size_pt, 5.0, 30.0);
  s.line_pitch = s.font_size * std::clamp(options.line_height, 1.0, 3.0);
  s.indent = options.paragraph_indent_em * s.font_size;
  s.code_size = s.font_size * std::clamp(options.code_scale, 0.5, 1.2);
  s.cjk_latin_gap_em = options.cjk_latin_space_em;
  s.image_dpi = std::clamp(options.image_dpi, 72, 1200);
  s.language = language.empty() ? "zh-CN" : language;
  s.labels = labels_for(s.language);
  s.fonts = fonts;
  // Keep at least a usable text block whatever the margins say.
  double min_w = s.page.width * 0.4, min_h = s.page.height * 0.4;
  if (s.text_width() < min_w || s.text_height() < min_h) {
    diagnostics.warning(where, "PDF margins leave too small a text block; using 15 mm margins");
    s.margin_top = s.margin_bottom = s.margin_inner = s.margin_outer = 15 * kPointsPerMm;
  }
  return s;
}

}  // namespace folio::pdf
