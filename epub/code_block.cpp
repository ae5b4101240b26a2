// Code blocks in XHTML and their stylesheet.
#include "code_block.hpp"

#include <cstdio>

namespace folio::epub {

void write_code_block(XmlWriter& w, const CodeBlock& code, const std::string& language_class) {
  std::string_view text = code.text;
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  std::string pre_class = "code";
  if (!code.highlight.empty()) pre_class += " highlighted";
  if (code.lines.numbers != CodeLines::Numbers::none) pre_class += " numbered";
  w.open("pre", {{"class", pre_class}});
  std::vector<XmlAttribute> code_attrs;
  const std::string lang = "language-" + language_class;
  if (!language_class.empty()) code_attrs.push_back({"class", lang});
  // Line numbers are a CSS counter; it counts up before each line, so reset to start - 1.
  const std::string reset = "counter-reset: line " + std::to_string(code.lines.start - 1);
  if (code.lines.numbers != CodeLines::Numbers::none && code.lines.start != 1) code_attrs.push_back({"style", reset});
  w.open("code", code_attrs);

  size_t token = 0;
  size_t line_begin = 0;
  int line_no = 1;
  while (line_begin <= text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    w.open("span", {{"class", code.lines.is_highlighted(line_no) ? "line hl" : "line"}});
    size_t at = line_begin;
    // Tokens may run over several lines (block comments, raw strings): cut them at line ends.
    while (token < code.tokens.size() && code.tokens[token].offset + code.tokens[token].length <= line_begin) ++token;
    for (size_t k = token; k < code.tokens.size() && code.tokens[k].offset < line_end; ++k) {
      const CodeToken& t = code.tokens[k];
      size_t b = std::max<size_t>(t.offset, line_begin), e = std::min<size_t>(t.offset + t.length, line_end);
      if (b > at) w.text(text.substr(at, b - at));
      if (e > b) w.element("span", text.substr(b, e - b), {{"class", token_class(t.style)}});
      at = std::max(at, e);
    }
    if (line_end > at) w.text(text.substr(at, line_end - at));
    // The newline stays inside the line: a block's last forced break makes no empty line,
    // and readers without CSS (and copying) still see the lines.
    if (line_end < text.size()) w.text("\n");
    w.close();
    if (line_end >= text.size()) break;
    line_begin = line_end + 1;
    ++line_no;
  }
  w.close();
  w.close();
  w.newline();
}

namespace {

std::string hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", unsigned(c & 0xffffff));
  return buf;
}

std::string palette_rules(const CodePalette& p, const std::string& indent) {
  std::string css;
  css += indent + "pre.code { background-color: " + hex(p.background) + "; color: " + hex(p.foreground) + "; }\n";
  css += indent + "pre.code .line.hl { background-color: " + hex(p.band) + "; }\n";
  css += indent + "pre.code.numbered .line::before { color: " + hex(p.line_number) + "; }\n";
  for (size_t i = 1; i < token_style_count; ++i) {
    const TokenLook& look = p.tokens[i];
    css += indent + "pre.code ." + token_class(TokenStyle(i)) + " { color: " + hex(look.color) + ";";
    if (look.bold) css += " font-weight: bold;";
    if (look.italic) css += " font-style: italic;";
    css += " }\n";
  }
  return css;
}

}  // namespace

std::string code_stylesheet(const CodeColors& colors, bool wrap) {
  std::string css = "/* code blocks: pandoc's token classes (kw keyword, st string, co comment, ...) */\n";
  css += "pre.code code { display: block; }\n";
  // One block per line: wrapped lines hang 2em under the first; numbers are generated
  // content in a gutter, so they are not selected or copied with the code.
  css += "pre.code .line { display: block; padding-left: 2em; text-indent: -2em; }\n";
  css += "pre.code.numbered code { counter-reset: line; }\n";
  css += "pre.code.numbered .line { padding-left: 5em; }\n";
  css += "pre.code.numbered .line::before { content: counter(line); counter-increment: line; display: inline-block; "
         "width: 2.4em; margin-left: -3em; margin-right: 0.6em; text-indent: 0; text-align: right; "
         "-webkit-user-select: none; user-select: none; }\n";
  if (!wrap) css += "pre.code { white-space: pre; overflow-x: auto; }\npre.code .line { padding-left: 0; text-indent: 0; }\n";
  css += palette_rules(colors.light, "");
  css += "@media (prefers-color-scheme: dark) {\n";
  css += palette_rules(colors.dark, "  ");
  css += "}\n";
  return css;
}

}  // namespace folio::epub
