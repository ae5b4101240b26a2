// Highlighted code: what a code block's tokens, line numbers and colours are. The
// highlighter (KSyntaxHighlighting, private to libfolio) fills these in once per book;
// the writers only format them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "folio/export.hpp"

namespace folio {
FOLIO_API_BEGIN

/// The class of a highlighted token: KSyntaxHighlighting's default styles, which are
/// also pandoc's (skylighting's) token classes.
enum class TokenStyle : uint8_t {
  normal, keyword, function, variable, control_flow, operator_, builtin, extension,
  preprocessor, attribute, character, special_char, string, verbatim_string, special_string,
  import, data_type, dec_val, base_n, floating, constant, comment, documentation, annotation,
  comment_var, region_marker, information, warning, alert, others, error,
};
constexpr size_t token_style_count = 31;

/// The short class name of a style, as pandoc writes it in HTML ("kw", "st", "co", ...).
const char* token_class(TokenStyle style);

/// A run of bytes of CodeBlock::text with one style (runs of `normal` are left out).
struct CodeToken {
  uint32_t offset = 0;
  uint32_t length = 0;
  TokenStyle style = TokenStyle::normal;
};

/// Line numbers and highlighted lines of one code block (Hugo's linenos, hl_lines,
/// linenostart), from the fence's attributes, the highlight shortcode or the defaults.
struct CodeLines {
  enum class Numbers { none, inline_, table };
  Numbers numbers = Numbers::none;
  int start = 1;                       ///< the first line's number
  std::vector<int> highlighted;        ///< 1-based lines of the block (not counting `start`), sorted
  int tab_width = 4;                   ///< spaces a tab stands for
  bool is_highlighted(int line) const;  ///< line is 1-based within the block
};

/// A colour as 0xRRGGBB.
using Rgb = uint32_t;

/// How one token style is drawn.
struct TokenLook {
  Rgb color = 0;
  bool bold = false;
  bool italic = false;
};

/// The colours of code blocks in one scheme (light or dark).
struct CodePalette {
  std::string theme;                   ///< the KSyntaxHighlighting theme it came from
  Rgb background = 0xf6f8fa;
  Rgb foreground = 0x1f2328;
  Rgb band = 0xfff5b1;                 ///< background of highlighted lines
  Rgb line_number = 0x57606a;
  std::array<TokenLook, token_style_count> tokens{};  ///< indexed by TokenStyle
  const TokenLook& look(TokenStyle s) const { return tokens[static_cast<size_t>(s)]; }
};

/// The book's code colours, settled once (make_book): the writers read them.
struct CodeColors {
  CodePalette light;  ///< EPUB's default scheme
  CodePalette dark;   ///< EPUB's prefers-color-scheme: dark variant
  CodePalette print;  ///< the PDF's (light, reads in grayscale)
};

/// WCAG 2 relative luminance of a colour (0 black .. 1 white).
double relative_luminance(Rgb color);
/// WCAG 2 contrast ratio of two colours (1 .. 21).
double contrast_ratio(Rgb a, Rgb b);

/// True when libfolio was built with KSyntaxHighlighting (FOLIO_WITH_HIGHLIGHTING).
bool highlighting_available();

FOLIO_API_END
}  // namespace folio
