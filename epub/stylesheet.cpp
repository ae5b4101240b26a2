// The default stylesheet and the assembly of style.css.
#include "stylesheet.hpp"

#include "text_spans.hpp"

#include <cstdio>

#include "base/atomic_file.hpp"

namespace folio::epub {

std::string default_stylesheet(const EpubOptions& options, const std::vector<EmbeddedFont>& fonts) {
  char indent[32];
  std::snprintf(indent, sizeof indent, "%.2fem", options.paragraph_indent_em < 0 ? 0.0 : options.paragraph_indent_em);
  std::string css = R"(/* folio default stylesheet: Chinese text with English and code. */
html {
  -epub-line-break: strict;
  line-break: strict;
}
.chapter, .part, .titlepage, nav {
  font-family: @BODY@;
}
body {
  margin: 0 0.4em;
  line-height: 1.7;
  text-align: justify;
  orphans: 2;
  widows: 2;
  word-wrap: break-word;
  overflow-wrap: break-word;
}
p {
  margin: 0 0 0.6em 0;
  text-indent: @INDENT@;
}
li p, dd p, td p, th p, blockquote p, aside p, figure p, .division-title, .chapter-meta, .chapter-tags,
.titlepage p, .footnote p {
  text-indent: 0;
}
h1, h2, h3, h4, h5, h6 {
  font-family: @HEADING@;
  line-height: 1.4;
  text-align: left;
  text-indent: 0;
  page-break-after: avoid;
  break-after: avoid;
  page-break-inside: avoid;
  break-inside: avoid;
  -epub-hyphens: none;
  hyphens: none;
}
h1 { font-size: 1.6em; margin: 1.2em 0 0.6em 0; }
h2 { font-size: 1.3em; margin: 1.4em 0 0.5em 0; }
h3 { font-size: 1.15em; margin: 1.2em 0 0.4em 0; }
h4, h5, h6 { font-size: 1em; margin: 1em 0 0.3em 0; }
.chapter-header { margin: 0 0 1.5em 0; }
.chapter-title { margin-top: 0.5em; }
.chapter-meta, .chapter-tags { font-size: 0.85em; color: #555555; margin: 0.2em 0; text-align: left; }
.tag { border: 1px solid #999999; border-radius: 0.3em; padding: 0 0.3em; margin-right: 0.3em; }
code, pre, kbd, samp {
  font-family: @CODE@;
}
strong, b {
  font-family: @HEADING@;
  font-weight: bold;
}
code { font-size: 0.88em; }
/* A long identifier breaks where it must, so that a justified line beside it is not
   spread letter by letter. */
p code, li code, td code, th code, dd code { word-wrap: break-word; overflow-wrap: anywhere; }
/* CJK text justifies between characters, not only at the few spaces. */
:lang(zh), :lang(ja) { text-justify: inter-character; }
pre {
  font-size: 0.8em;
  line-height: 1.45;
  text-align: left;
  text-indent: 0;
  white-space: pre-wrap;
  word-wrap: break-word;
  overflow-wrap: break-word;
  margin: 0.8em 0;
  padding: 0.5em 0.6em;
  background-color: #f5f5f5;
  border-left: 3px solid #cccccc;
}
pre code { font-size: 1em; }
blockquote {
  margin: 0.8em 0 0.8em 1em;
  padding-left: 0.8em;
  border-left: 3px solid #cccccc;
  color: #333333;
}
ul, ol { margin: 0.5em 0; padding-left: 1.8em; }
ul.tight p, ol.tight p { margin: 0; }
li.task { list-style-type: none; }
.task-box { font-family: "DejaVu Sans", sans-serif; }
table {
  border-collapse: collapse;
  margin: 0.8em 0;
  font-size: 0.85em;
  line-height: 1.4;
  width: 100%;
}
th, td {
  border: 1px solid #aaaaaa;
  padding: 0.2em 0.4em;
  text-align: left;
  vertical-align: top;
  word-wrap: break-word;
  overflow-wrap: break-word;
}
th { background-color: #eeeeee; }
.align-left { text-align: left; }
.align-center { text-align: center; }
.align-right { text-align: right; }
figure {
  margin: 1em 0;
  text-align: center;
  text-indent: 0;
  page-break-inside: avoid;
  break-inside: avoid;
}
img { max-width: 100%; max-height: 95vh; height: auto; object-fit: contain; }
/* An inline image shares its line with the first-line indent: it fits what is left. */
img.inline-image { max-width: 90%; max-width: calc(100% - @INDENT@); vertical-align: middle; }
figcaption { font-size: 0.85em; color: #444444; margin-top: 0.3em; text-align: center; }
.missing-figure {
  border: 2px dashed #999999;
  padding: 1em;
  text-align: center;
  color: #555555;
}
.missing-source, .missing-image { font-size: 0.8em; word-wrap: break-word; overflow-wrap: break-word; }
.division { margin: 1em 0; padding: 0.5em 0.8em; border: 1px solid #cccccc; }
.division.center { border: none; text-align: center; }
.division.div { border: none; padding: 0; }
.division-title { font-weight: bold; margin-bottom: 0.3em; }
.math { font-style: italic; }
del { text-decoration: line-through; }
sup.noteref { line-height: 0; font-size: 0.75em; }
a { text-decoration: underline; }
hr { border: none; border-top: 1px solid #bbbbbb; margin: 1.2em 20%; }
hr.footnotes-rule { margin: 2em 60% 0.8em 0; }
aside.footnote { font-size: 0.85em; line-height: 1.5; margin: 0.3em 0; }
/* Links are told from text by their underline, not only by colour (WCAG 1.4.1). */
.footnote-back { text-decoration: underline; margin-right: 0.3em; }
dt { font-weight: bold; margin-top: 0.5em; }
dd { margin: 0 0 0.5em 1.5em; }
.raw { font-size: 0.75em; color: #666666; }
.titlepage { text-align: center; text-indent: 0; margin-top: 20%; }
.titlepage h1 { font-size: 2em; text-align: center; }
.titlepage .subtitle { font-size: 1.2em; }
.titlepage .authors { margin-top: 2em; }
.titlepage .publisher { margin-top: 4em; font-size: 0.9em; }
.part-title { text-align: center; margin-top: 30%; font-size: 2em; }
html.cover-page, html.cover-page body, .cover { height: 100%; margin: 0; padding: 0; }
.cover { text-align: center; }
.cover svg { display: block; width: 100%; height: 100%; }
.contents-link { margin-top: 2em; }
nav ol { list-style-type: none; padding-left: 1.2em; }
)";
  auto fill = [&](std::string_view key, const std::string& value) {
    for (size_t at = css.find(key); at != std::string::npos; at = css.find(key, at + value.size()))
      css.replace(at, key.size(), value);
  };
  fill("@INDENT@", indent);
  fill("@BODY@", css_font_family(FontRole::body, fonts));
  fill("@HEADING@", css_font_family(FontRole::heading, fonts));
  fill("@CODE@", css_font_family(FontRole::code, fonts));
  return css;
}

std::string book_stylesheet(const BookConfig& config, const EpubOptions& options, const std::vector<EmbeddedFont>& fonts,
                            Diagnostics& diagnostics, HanEmphasis han_emphasis) {
  std::string css;
  for (const auto& font : fonts) {
    css += font.css;
    if (!css.empty() && css.back() != '\n') css += '\n';
  }
  css += default_stylesheet(options, fonts);
  css += text_spans_stylesheet(han_emphasis, fonts);
  for (const auto& sheet : options.stylesheets) {
    std::filesystem::path file = sheet.is_absolute() ? sheet : config.base_dir / sheet;
    std::string text, error;
    if (!read_file(file, text, &error)) {
      diagnostics.warning({config.file.empty() ? file.string() : config.file.string()},
                          "stylesheet cannot be read, left out: " + file.string() + ": " + error);
      continue;
    }
    css += "\n/* book.yaml epub.stylesheets */\n";
    css += text;
    if (!text.empty() && text.back() != '\n') css += '\n';
  }
  return css;
}

}  // namespace folio::epub
