// The attribute passes of apply_cjk_attributes(), one per rule, over a decoded paragraph.
#pragma once

#include <pango/pango.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace folio::pdf::cjk {

/// A paragraph's code points with their byte offsets (offsets has one more entry: the
/// text's length), so that passes can look at neighbours in both directions.
struct DecodedText {
  std::vector<char32_t> chars;
  std::vector<uint32_t> offsets;
};

DecodedText decode(std::string_view text);

/// PANGO_ATTR_ALLOW_BREAKS=false where Pango would let a line start or end against clreq.
void add_kinsoku_attributes(const DecodedText& text, PangoAttrList* attrs);

/// PANGO_ATTR_LETTER_SPACING of `gap_pango` per Latin neighbour on Han characters.
void add_latin_gap_attributes(const DecodedText& text, PangoAttrList* attrs, int gap_pango);

/// PANGO_ATTR_FONT_FEATURES "halt" on one mark of each adjacent full-width pair.
void add_compression_attributes(const DecodedText& text, PangoAttrList* attrs);

/// The letter spacing value that asks for `sides` gaps of `gap_pango`: never a whole
/// multiple of PANGO_SCALE, because Pango rounds such values' halves to whole units.
int letter_spacing_for_gaps(int gap_pango, int sides);

/// How Pango splits a letter spacing value into the part before and after a cluster
/// (pango-layout.c distribute_letter_spacing), so that the gaps can be moved afterwards.
void split_letter_spacing(int letter_spacing, int& before, int& after);

}  // namespace folio::pdf::cjk
