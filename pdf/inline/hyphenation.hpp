// Hyphenation of Latin words in justified paragraphs, with libhyphen and its TeX patterns
// (Debian hyphen-*: the dictionaries LibreOffice uses).
#pragma once

#include <pango/pango.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "inline/paragraph.hpp"

struct _HyphenDict;

namespace folio::pdf {

/// One language's hyphenation patterns.
class Hyphenator {
 public:
  /// The patterns for a BCP 47 language, from `dir` (hyph_ll_RR.dic, then hyph_ll.dic,
  /// then any hyph_ll_*.dic). Latin words in Chinese, Japanese or Korean text are
  /// English, so those languages take the English patterns. Null when none is installed.
  static std::unique_ptr<Hyphenator> load(const std::string& language, const std::string& dir);
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;
  ~Hyphenator();

  /// Byte offsets inside an ASCII word where it may break with a hyphen, at least two
  /// letters from its start and three from its end ("hyphenation": hy-phen-ation).
  std::vector<size_t> points(std::string_view word) const;

 private:
  explicit Hyphenator(_HyphenDict* dict) : dict_(dict) {}
  _HyphenDict* dict_;
};

/// A word of a paragraph's text that may be hyphenated: a byte range of ASCII letters.
struct HyphenWord {
  int start = 0;
  int end = 0;
};

/// The words of `text` that may take a hyphen: runs of at least 5 ASCII letters, all lower
/// case but perhaps the first, in a token (between spaces and CJK text) that is only
/// letters and punctuation. Never inside inline code, never in a token with digits, `_`,
/// `/`, `@`, `://` or a dot between letters (identifiers, URLs, file and host names),
/// never a word with a capital inside it (camelCase, "iPhone", acronyms).
std::vector<HyphenWord> hyphenatable_words(const InlineText& text);

/// Most consecutive lines that may end with a hyphen.
constexpr int kMaxHyphenatedLines = 2;

/// Hyphenates where it helps: each line that justification would leave looser than its
/// gaps' limits (`room` gives what a line takes within them, Pango units) gets the first
/// word of the line after it hyphenated, and the paragraph is wrapped again, a few times;
/// then no more than kMaxHyphenatedLines lines in a row end with a hyphen. `layout` is
/// wrapped at `width` from `text`; on return it holds the final text (with U+00AD at
/// the hyphenation points of the words chosen), and `text` is that text with its links,
/// notes, code and ruby spans moved accordingly. Returns how many words got hyphens.
int hyphenate_loose_lines(PangoLayout* layout, InlineText& text, const Hyphenator& hyphenator, int width,
                          int (*room)(PangoLayoutLine*));

}  // namespace folio::pdf
