// Code colours as Pango attributes (the highlighting itself is settled in highlight_book).
#include "flow/code_colors.hpp"

#include <algorithm>

namespace folio::pdf {

CodeText expand_code_tabs(std::string_view source, int tab_width) {
  CodeText out;
  out.at.resize(source.size() + 1);
  const int width = tab_width > 0 ? tab_width : 4;
  int column = 0;
  for (size_t i = 0; i < source.size(); ++i) {
    out.at[i] = uint32_t(out.text.size());
    char c = source[i];
    if (c == '\t') {
      int spaces = width - column % width;
      out.text.append(size_t(spaces), ' ');
      column += spaces;
    } else {
      out.text += c;
      if (c == '\n') column = 0;
      else if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++column;  // count code points
    }
  }
  out.at[source.size()] = uint32_t(out.text.size());
  while (!out.text.empty() && out.text.back() == '\n') out.text.pop_back();
  return out;
}

void add_code_colors(PangoAttrList* attrs, const CodeBlock& code, const CodeText& text, const CodePalette& palette) {
  auto color = [](Rgb c, guint start, guint end) {
    auto channel = [&](int shift) { return guint16(((c >> shift) & 0xff) * 257); };
    PangoAttribute* a = pango_attr_foreground_new(channel(16), channel(8), channel(0));
    a->start_index = start;
    a->end_index = end;
    return a;
  };
  const guint length = guint(text.text.size());
  pango_attr_list_insert(attrs, color(palette.foreground, 0, length));
  for (const CodeToken& t : code.tokens) {
    if (t.offset + t.length >= text.at.size()) break;
    guint start = std::min(text.at[t.offset], length), end = std::min(text.at[t.offset + t.length], length);
    if (end <= start) continue;
    const TokenLook& look = palette.look(t.style);
    pango_attr_list_insert(attrs, color(look.color, start, end));
    if (look.bold) {
      PangoAttribute* a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
      a->start_index = start;
      a->end_index = end;
      pango_attr_list_insert(attrs, a);
    }
    if (look.italic) {
      PangoAttribute* a = pango_attr_style_new(PANGO_STYLE_ITALIC);
      a->start_index = start;
      a->end_index = end;
      pango_attr_list_insert(attrs, a);
    }
  }
}

int source_line_at(const CodeText& text, size_t offset) {
  offset = std::min(offset, text.text.size());
  return 1 + int(std::count(text.text.begin(), text.text.begin() + std::ptrdiff_t(offset), '\n'));
}

}  // namespace folio::pdf
