// Running text with context spans (see text_spans.hpp).
#include "text_spans.hpp"

#include <algorithm>

#include "base/han_runs.hpp"
#include "base/latin_quotes.hpp"

namespace folio::epub {

void write_marked_text(XmlWriter& w, std::string_view text, bool han_emphasis) {
  std::vector<size_t> quotes = latin_quote_offsets(text);
  std::vector<std::pair<size_t, size_t>> runs;
  if (han_emphasis) runs = han_runs(text);
  if (quotes.empty() && runs.empty()) return w.text(text);
  // Each byte's class: a Latin quote wins over the Han run it may sit in (’ is CJK punctuation too).
  enum Mark : char { none, quote, han };
  std::vector<char> marks(text.size(), none);
  for (auto [a, b] : runs) std::fill(marks.begin() + long(a), marks.begin() + long(b), han);
  for (size_t q : quotes) std::fill(marks.begin() + long(q), marks.begin() + long(std::min(q + 3, text.size())), quote);
  for (size_t at = 0; at < text.size();) {
    size_t end = at;
    while (end < text.size() && marks[end] == marks[at]) ++end;
    std::string_view piece = text.substr(at, end - at);
    if (marks[at] == none) {
      w.text(piece);
    } else {
      w.open("span", {{"class", marks[at] == quote ? kLatinQuoteClass : kHanEmphasisClass}});
      w.text(piece);
      w.close();
    }
    at = end;
  }
}

}  // namespace folio::epub

namespace folio::epub {

namespace {

/// The first embedded Latin font of a role, quoted for CSS; empty when there is none.
std::string latin_family(FontRole role, const std::vector<EmbeddedFont>& fonts) {
  for (const auto& f : fonts)
    if (f.role == role && !f.han_emphasis && f.script == "latin") return "\"" + f.family + "\", ";
  return {};
}

}  // namespace

std::string text_spans_stylesheet(HanEmphasis han_emphasis, const std::vector<EmbeddedFont>& fonts) {
  std::string css;
  css += ".latin-quote { font-family: " + latin_family(FontRole::body, fonts) + css_font_family(FontRole::body, fonts) + "; }\n";
  css += "h1 .latin-quote, h2 .latin-quote, h3 .latin-quote, h4 .latin-quote, h5 .latin-quote, h6 .latin-quote,\n"
         "strong .latin-quote, b .latin-quote { font-family: " +
         latin_family(FontRole::heading, fonts) + css_font_family(FontRole::heading, fonts) + "; }\n";
  if (han_emphasis == HanEmphasis::slant) return css;
  // Chinese typography never slants Han: upright, in Kai or under dots (着重号).
  css += ".han-em {\n  font-style: normal;\n";
  if (han_emphasis == HanEmphasis::kai) {
    for (const auto& f : fonts)
      if (f.han_emphasis) css += "  font-family: \"" + f.family + "\", " + css_font_family(FontRole::body, fonts) + ";\n";
  } else {
    // Dots below the characters, as in horizontal Chinese (clreq); -epub- and -webkit- for
    // the reading systems that know only the prefixed properties.
    css += "  -epub-text-emphasis-style: filled dot;\n  -webkit-text-emphasis-style: filled dot;\n"
           "  text-emphasis-style: filled dot;\n"
           "  -epub-text-emphasis-position: under;\n  -webkit-text-emphasis-position: under right;\n"
           "  text-emphasis-position: under right;\n";
  }
  css += "}\n";
  return css;
}

}  // namespace folio::epub
