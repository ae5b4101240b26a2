// apply_cjk_attributes(): runs the kinsoku, Han–Latin gap and compression passes over one
// paragraph's text.
#include "inline/cjk.hpp"

#include <cmath>

#include "base/utf8.hpp"
#include "inline/cjk_passes.hpp"

namespace folio::pdf {

namespace cjk {

DecodedText decode(std::string_view text) {
  DecodedText decoded;
  decoded.chars.reserve(text.size() / 2);
  decoded.offsets.reserve(text.size() / 2 + 1);
  size_t i = 0;
  while (i < text.size()) {
    decoded.offsets.push_back(static_cast<uint32_t>(i));
    decoded.chars.push_back(utf8::next(text, i));
  }
  decoded.offsets.push_back(static_cast<uint32_t>(text.size()));
  return decoded;
}

}  // namespace cjk

void apply_cjk_attributes(const std::string& text, PangoAttrList* attrs, double font_size_pt,
                          const CjkSettings& settings) {
  if (attrs == nullptr || text.empty()) return;
  const cjk::DecodedText decoded = cjk::decode(text);
  cjk::add_kinsoku_attributes(decoded, attrs);
  const int gap = static_cast<int>(std::lround(settings.latin_gap_em * font_size_pt * PANGO_SCALE));
  if (gap > 0) cjk::add_latin_gap_attributes(decoded, attrs, gap);
  if (settings.compress_punctuation) cjk::add_compression_attributes(decoded, attrs);
}

}  // namespace folio::pdf
