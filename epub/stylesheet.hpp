// The book's stylesheet: the default CSS for Chinese with English and code, plus the
// font faces and the stylesheets book.yaml adds.
#pragma once

#include <string>
#include <vector>

#include "folio/config.hpp"
#include "folio/diagnostics.hpp"
#include "folio/fonts.hpp"

namespace folio::epub {

/// The default rules. Only properties e-readers are known to accept: no flex or grid,
/// no `direction`/`unicode-bidi` (epubcheck CSS-001), no `!important`, no `@page`.
/// Font families are the embedded fonts' (css_font_family), else generic ones; the body
/// font goes on the page wrappers rather than on `body`, which Kindle would not let the
/// reader override.
std::string default_stylesheet(const EpubOptions& options, const std::vector<EmbeddedFont>& fonts);

/// style.css: the fonts' @font-face rules, the default rules, the rules of the context spans
/// (text_spans_stylesheet), then each file of
/// options.stylesheets in order (a file that cannot be read is a warning at book.yaml).
std::string book_stylesheet(const BookConfig& config, const EpubOptions& options, const std::vector<EmbeddedFont>& fonts,
                            Diagnostics& diagnostics, HanEmphasis han_emphasis = HanEmphasis::slant);

}  // namespace folio::epub
