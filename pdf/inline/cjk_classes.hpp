// Character classes the CJK passes share: Han, Latin, CJK marks, and their clreq roles.
#pragma once

#include <cstddef>
#include <string_view>

namespace folio::pdf::cjk {

/// Han ideographs and kana: the characters that get a gap next to Latin text.
bool is_ideograph(char32_t c);
/// Latin, Greek or Cyrillic letters and European digits (not their full-width forms).
bool is_latin_alnum(char32_t c);
/// Any character of CJK text (ideographs, kana, hangul, CJK and full-width punctuation):
/// the gaps next to these take the justification slack.
bool is_cjk_text(char32_t c);
/// A space that Latin justification stretches (U+0020, U+00A0).
bool is_word_space(char32_t c);
/// Full-width marks whose glyph sits on the left half of the em (closing brackets and
/// quotes, pause and stop marks): their right half is compressible.
bool is_closing_mark(char32_t c);
/// Full-width marks whose glyph sits on the right half (opening brackets and quotes).
bool is_opening_mark(char32_t c);
/// Dashes and ellipses that form 2-em units (—— …… ⋯⋯ ⸺): no break and no space inside.
bool is_long_mark(char32_t c);
/// Connectors and solidi around which justification adds no space (～ ／ – 〜).
bool is_connector(char32_t c);

/// Decodes the code point before byte offset `i` of `s` (i > 0) and moves i to its start.
char32_t previous(std::string_view s, size_t& i);

}  // namespace folio::pdf::cjk
