// Subsetting one font face to a set of characters with HarfBuzz's hb-subset.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "font_face.hpp"

namespace folio::fonts {

/// Characters every subset keeps besides the text's own, so that what writers add around
/// the text (spaces, digits of page numbers and notes, common punctuation) still draws:
/// printable ASCII, NBSP, ZWSP, the ideographic space and the CJK punctuation of clreq.
const std::vector<char32_t>& always_kept_code_points();

/// The face reduced to the glyphs of `code_points` (plus .notdef and the glyphs they pull in
/// through GSUB), as an OpenType (CFF) or TrueType file. Layout tables are kept so shaping
/// still works; hinting is dropped (readers and cairo do not use it at text sizes).
/// nullopt if hb-subset fails.
std::optional<std::string> subset_face(const FontFace& face, const std::vector<char32_t>& code_points);

}  // namespace folio::fonts
