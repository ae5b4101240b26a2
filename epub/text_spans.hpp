// Running text with the spans that choose a face by context: quotes between Latin letters
// (class "latin-quote", the Latin font's glyph) and Han runs inside emphasis (class
// "han-em": a Kai face or emphasis dots, upright).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "folio/fonts.hpp"

#include "xhtml_writer.hpp"

namespace folio::epub {

/// The class names the stylesheet styles (stylesheet.cpp).
inline constexpr const char* kLatinQuoteClass = "latin-quote";
inline constexpr const char* kHanEmphasisClass = "han-em";

/// Writes `text` as character data, each quote between Latin letters (latin_quote_offsets)
/// in a <span class="latin-quote">, and, when `han_emphasis` (the text is inside <em> and the
/// book sets Han emphasis in Kai or with dots), each Han run (han_runs) in a
/// <span class="han-em">.
void write_marked_text(XmlWriter& w, std::string_view text, bool han_emphasis);

/// The rules of those spans: .latin-quote in the body's (and in headings and <strong>, the
/// heading's) embedded Latin font first; .han-em upright, in the embedded Kai face for kai,
/// with `text-emphasis` dots under it for dots. Empty parts for what the fonts lack.
std::string text_spans_stylesheet(HanEmphasis han_emphasis, const std::vector<EmbeddedFont>& fonts);

}  // namespace folio::epub
