// Quotes and apostrophes by context: which ‘ ’ “ ” stand between Latin letters. The PDF sets
// those in the Latin font and the EPUB marks them for it; both ask this one rule.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace folio {

/// Byte offsets in `text` of each ‘ ’ “ ” whose nearest letters on both sides (spaces and other
/// quotes skipped) are Latin letters or digits: "API’s", "Go’s “generics”". Quotes next to Han
/// keep the CJK font's full-width glyphs (clreq); between Latin letters that glyph would
/// stand a half-em apart. Each quote is 3 bytes of UTF-8.
std::vector<size_t> latin_quote_offsets(std::string_view text);

}  // namespace folio
