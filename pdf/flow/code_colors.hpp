// A code block's text as the PDF lays it out (tabs expanded to tab stops) and its
// highlighting as Pango attributes: token colours, bold and italic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pango/pango.h>

#include "folio/code.hpp"
#include "folio/document.hpp"

namespace folio::pdf {

struct CodeText {
  std::string text;              ///< tabs expanded, trailing newlines dropped
  std::vector<uint32_t> at;      ///< source byte offset -> offset in `text` (one past the end included)
};

/// Expands tabs to the next multiple of `tab_width` columns (a code point is a column).
CodeText expand_code_tabs(std::string_view source, int tab_width);

/// Adds the foreground colour and every token's colour, weight and slant from `palette`.
void add_code_colors(PangoAttrList* attrs, const CodeBlock& code, const CodeText& text, const CodePalette& palette);

/// The 1-based source line that byte `offset` of `text` is on.
int source_line_at(const CodeText& text, size_t offset);

}  // namespace folio::pdf
