// The Han runs of a text: what Chinese typography sets differently inside emphasis (a Kai
// face or dots instead of a slant). The PDF and the EPUB writers both ask this one rule.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace folio {

/// Byte ranges [first, second) of the runs of CJK characters and CJK punctuation in `text`.
std::vector<std::pair<size_t, size_t>> han_runs(std::string_view text);

/// True for a character that takes an emphasis dot (着重号): CJK characters, not punctuation
/// (clreq: the dot marks each character of the emphasised words, never a mark).
bool takes_emphasis_dot(char32_t c);

}  // namespace folio
