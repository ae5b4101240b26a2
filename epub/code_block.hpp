// Code blocks in XHTML: token spans with pandoc's class names, one span per line (for
// the hanging indent, line numbers from CSS counters and highlighted-line bands), and
// the stylesheet that colours them in a light and a dark scheme.
#pragma once

#include <string>

#include "folio/code.hpp"
#include "folio/document.hpp"
#include "xhtml_writer.hpp"

namespace folio::epub {

/// `<pre class="code"><code>` with a `<span class="line">` per source line and
/// `<span class="kw">` per token. Line numbers are CSS generated content, so copying
/// the code never copies them.
void write_code_block(XmlWriter& w, const CodeBlock& code, const std::string& language_class);

/// The rules for code blocks: colours of every token class on the light palette, the
/// same for `prefers-color-scheme: dark`, line numbers, highlighted lines, wrapping.
std::string code_stylesheet(const CodeColors& colors, bool wrap);

}  // namespace folio::epub
