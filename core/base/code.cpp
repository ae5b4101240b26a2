// Token classes, line options and WCAG contrast: what the writers need of highlighted code.
#include <algorithm>
#include <cmath>

#include "folio/code.hpp"

namespace folio {

const char* token_class(TokenStyle style) {
  // pandoc's (skylighting's) short names, so that stylesheets written for pandoc apply.
  static const char* const names[token_style_count] = {
      "nm", "kw", "fu", "va", "cf", "op", "bu", "ex", "pp", "at", "ch", "sc", "st", "vs", "ss", "im",
      "dt", "dv", "bn", "fl", "cn", "co", "do", "an", "cv", "re", "in", "wa", "al", "ot", "er"};
  size_t i = static_cast<size_t>(style);
  return i < token_style_count ? names[i] : "nm";
}

bool CodeLines::is_highlighted(int line) const {
  return std::binary_search(highlighted.begin(), highlighted.end(), line);
}

double relative_luminance(Rgb color) {
  auto channel = [](unsigned v) {
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel((color >> 16) & 0xff) + 0.7152 * channel((color >> 8) & 0xff) +
         0.0722 * channel(color & 0xff);
}

double contrast_ratio(Rgb a, Rgb b) {
  double la = relative_luminance(a), lb = relative_luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

}  // namespace folio
