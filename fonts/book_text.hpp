// The distinct characters a book shows, per font role, each with the first place it occurs.
#pragma once

#include <array>
#include <vector>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"
#include "folio/fonts.hpp"

namespace folio::fonts {

/// One distinct character of a role's text.
struct UsedChar {
  char32_t code_point = 0;
  SourceLocation first;  ///< where it first occurs
  size_t order = 0;      ///< book-wide order of first occurrence (for stable reporting)
  /// Every occurrence asks for emoji presentation with U+FE0F (❤️, ☺️, ✔️, the digit of a
  /// keycap 1️⃣): the reader's emoji font draws it, so no text font needs to carry it.
  bool only_as_emoji = false;
};

/// The characters of each role, in order of first occurrence.
struct BookText {
  std::array<std::vector<UsedChar>, 3> roles;  ///< indexed by FontRole
  /// The distinct characters of Han runs inside emphasis (han_runs), which fonts.emphasis:
  /// kai sets in a Kai face; in order of first occurrence.
  std::vector<char32_t> emphasis_han;
  const std::vector<UsedChar>& of(FontRole role) const { return roles[size_t(role)]; }
};

/// Walks titles, metadata, every chapter's blocks, inlines and footnotes. Headings, chapter
/// and part titles count for the heading role (titles also for body: the TOC shows them);
/// inline code, code blocks and math for code; everything else for body. Characters no font
/// needs a glyph for (controls, variation selectors, joiners) are left out.
BookText collect_book_text(const Book& book);

/// Characters with no visible glyph of their own that fonts need not cover.
bool is_invisible(char32_t c);

}  // namespace folio::fonts
