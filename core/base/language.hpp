// Language detection for book_language(): script counts and BCP 47 tags.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "folio/book.hpp"

namespace folio {

/// Counts of letters by script in a text.
struct ScriptCounts {
  size_t han = 0;
  size_t kana = 0;
  size_t hangul = 0;
  size_t latin = 0;  ///< ASCII and Latin-1/Extended letters
};

ScriptCounts count_scripts(std::string_view text);

/// A BCP 47 tag from the counts: "ko" when Hangul outnumbers Han and kana, "ja" when
/// kana make up a tenth of the CJK text, "zh-CN" when CJK characters are at least a third of
/// the Latin letters (a Chinese word is one or two characters, an English one about
/// five letters), "en" otherwise.
std::string language_from_counts(const ScriptCounts& counts);

/// A language tag as BCP 47 wants it: `zh_CN.UTF-8` becomes `zh-CN`; nullopt for what
/// cannot be a tag (`C`, `POSIX`, empty, stray characters).
std::optional<std::string> normalize_language_tag(std::string_view tag);

// book_language() itself is public, in folio/book.hpp.


}  // namespace folio
