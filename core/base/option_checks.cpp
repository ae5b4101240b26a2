#include "base/option_checks.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "base/option_ranges.hpp"

namespace folio {

namespace {

std::string number(double v) {
  if (std::isnan(v)) return "NaN";
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

template <typename T, typename V>
bool in_range(const char* field, V value, ranges::Range<T> range, Diagnostics& diagnostics) {
  const double v = double(value);
  if (v >= double(range.min) && v <= double(range.max)) return true;  // false for NaN
  diagnostics.error({}, std::string(field) + " is " + number(v) + ", outside " + number(double(range.min)) + "-" +
                            number(double(range.max)));
  return false;
}

}  // namespace

bool check_options(const EpubOptions& o, Diagnostics& d) {
  bool ok = in_range("EpubOptions::paragraph_indent_em", o.paragraph_indent_em, ranges::kParagraphIndentEm, d);
  ok &= in_range("EpubOptions::max_image_pixels", o.max_image_pixels, ranges::kDownscalePixels, d);
  ok &= in_range("EpubOptions::size_budget_mb", o.size_budget_mb, ranges::kSizeBudgetMb, d);
  ok &= in_range("EpubOptions::split_bytes", o.split_bytes, ranges::kSplitBytes, d);
  return ok;
}

bool check_options(const PdfOptions& o, Diagnostics& d) {
  bool ok = in_range("PdfOptions::font_size_pt", o.font_size_pt, ranges::kFontSizePt, d);
  ok &= in_range("PdfOptions::line_height", o.line_height, ranges::kLineHeight, d);
  ok &= in_range("PdfOptions::paragraph_indent_em", o.paragraph_indent_em, ranges::kParagraphIndentEm, d);
  ok &= in_range("PdfOptions::cjk_latin_space_em", o.cjk_latin_space_em, ranges::kCjkLatinSpaceEm, d);
  ok &= in_range("PdfOptions::code_scale", o.code_scale, ranges::kCodeScale, d);
  ok &= in_range("PdfOptions::margin_top_mm", o.margin_top_mm, ranges::kMarginMm, d);
  ok &= in_range("PdfOptions::margin_bottom_mm", o.margin_bottom_mm, ranges::kMarginMm, d);
  ok &= in_range("PdfOptions::margin_inner_mm", o.margin_inner_mm, ranges::kMarginMm, d);
  ok &= in_range("PdfOptions::margin_outer_mm", o.margin_outer_mm, ranges::kMarginMm, d);
  ok &= in_range("PdfOptions::image_dpi", o.image_dpi, ranges::kImageDpi, d);
  ok &= in_range("PdfOptions::toc_depth", o.toc_depth, ranges::kTocDepth, d);
  return ok;
}

}  // namespace folio
