// Inlines → text + PangoAttrList, and the wrapped PangoLayout of a paragraph.
#include "inline/paragraph.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "dest_names.hpp"
#include "inline/cjk_rules.hpp"
#include "inline/ruby.hpp"

namespace folio::pdf {

namespace {

void add_attr(PangoAttrList* attrs, PangoAttribute* a, size_t start, size_t end) {
  if (end <= start) {
    pango_attribute_destroy(a);
    return;
  }
  a->start_index = static_cast<guint>(start);
  a->end_index = static_cast<guint>(end);
  pango_attr_list_insert(attrs, a);
}

constexpr guint16 kLinkRed = 0x1a00, kLinkGreen = 0x4f00, kLinkBlue = 0x8b00;
constexpr guint16 kCodeBackground = 0xeeee;

void append_superscript_number(int number, const InlineSettings& settings, InlineText& out) {
  size_t start = out.text.size();
  out.notes.push_back({static_cast<int>(start), number});
  out.text += std::to_string(number);
  LinkSpan link;
  link.start = static_cast<int>(start);
  link.end = static_cast<int>(out.text.size());
  link.dest = note_dest(settings.chapter, number);
  out.links.push_back(std::move(link));
  add_attr(out.attrs.get(), pango_attr_rise_new(static_cast<int>(settings.font_size * 0.38 * PANGO_SCALE)), start,
           out.text.size());
  add_attr(out.attrs.get(), pango_attr_scale_new(0.68), start, out.text.size());
}

}  // namespace

void append_inlines(const Inlines& inlines, const InlineSettings& settings, InlineText& out) {
  PangoAttrList* attrs = out.attrs.get();
  for (const Inline& in : inlines) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          size_t start = out.text.size();
          if constexpr (std::is_same_v<T, Text>) {
            out.text += node.text;
          } else if constexpr (std::is_same_v<T, Emphasis>) {
            append_inlines(node.children, settings, out);
            add_attr(attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), start, out.text.size());
          } else if constexpr (std::is_same_v<T, Strong>) {
            append_inlines(node.children, settings, out);
            add_attr(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, out.text.size());
          } else if constexpr (std::is_same_v<T, Strikethrough>) {
            append_inlines(node.children, settings, out);
            add_attr(attrs, pango_attr_strikethrough_new(TRUE), start, out.text.size());
          } else if constexpr (std::is_same_v<T, Superscript> || std::is_same_v<T, Subscript>) {
            append_inlines(node.children, settings, out);
            double rise = std::is_same_v<T, Superscript> ? 0.38 : -0.18;
            add_attr(attrs, pango_attr_rise_new(static_cast<int>(settings.font_size * rise * PANGO_SCALE)), start,
                     out.text.size());
            add_attr(attrs, pango_attr_scale_new(0.7), start, out.text.size());
          } else if constexpr (std::is_same_v<T, Code> || std::is_same_v<T, Math>) {
            if constexpr (std::is_same_v<T, Code>) out.text += node.text;
            else out.text += node.tex;
            size_t end = out.text.size();
            add_attr(attrs, pango_attr_family_new(settings.code_families.c_str()), start, end);
            add_attr(attrs, pango_attr_size_new(static_cast<int>(settings.code_size * PANGO_SCALE)), start, end);
            add_attr(attrs, pango_attr_background_new(kCodeBackground, kCodeBackground, kCodeBackground), start, end);
            // An identifier broken with an inserted hyphen reads as a different identifier.
            add_attr(attrs, pango_attr_insert_hyphens_new(FALSE), start, end);
          } else if constexpr (std::is_same_v<T, LineBreak>) {
            out.text += "\u2028";
          } else if constexpr (std::is_same_v<T, Link>) {
            append_inlines(node.children, settings, out);
            size_t end = out.text.size();
            add_attr(attrs, pango_attr_foreground_new(kLinkRed, kLinkGreen, kLinkBlue), start, end);
            LinkTarget target = node.target;
            if (!target.internal() && target.url.empty()) target.url = node.href;
            if (end > start) out.links.push_back({static_cast<int>(start), static_cast<int>(end), target, std::string()});
            if (!target.internal() && !target.url.empty() && settings.url_note) {
              // Printed URLs for readers on paper, unless the link text already is the URL.
              std::string shown = out.text.substr(start, end - start);
              if (shown != target.url)
                if (int n = settings.url_note(target.url); n > 0) append_superscript_number(n, settings, out);
            }
          } else if constexpr (std::is_same_v<T, Image>) {
            out.text += "[" + (node.alt.empty() ? std::string("image") : node.alt) + "]";
            add_attr(attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), start, out.text.size());
          } else if constexpr (std::is_same_v<T, FootnoteRef>) {
            if (node.number > 0) append_superscript_number(node.number, settings, out);
            else out.text += "[^" + node.label + "]";
          } else if constexpr (std::is_same_v<T, Ruby>) {
            append_ruby(node, settings, out);
          }
        },
        in.node);
  }
}

std::string inline_plain_text(const Inlines& inlines) {
  std::string s;
  for (const Inline& in : inlines) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, Text> || std::is_same_v<T, Code>) s += node.text;
          else if constexpr (std::is_same_v<T, Math>) s += node.tex;
          else if constexpr (std::is_same_v<T, Image>) s += node.alt;
          else if constexpr (std::is_same_v<T, LineBreak>) s += " ";
          else if constexpr (std::is_same_v<T, FootnoteRef>) {}
          else s += inline_plain_text(node.children);
        },
        in.node);
  }
  return s;
}

double ParagraphLayout::height() const {
  double h = 0;
  for (const LineBox& l : lines) h += l.height;
  return h;
}

ParagraphLayout layout_paragraph(const TextContext& context, InlineText text, const ParagraphSpec& spec) {
  ParagraphLayout p;
  PangoLayout* layout = context.new_layout();
  p.layout = share_layout(layout);
  FontDescPtr font = make_font(spec.families, spec.size, spec.weight, spec.style);
  pango_layout_set_font_description(layout, font.get());
  int width = static_cast<int>(std::floor(spec.width * PANGO_SCALE));
  pango_layout_set_width(layout, width);
  pango_layout_set_wrap(layout, spec.wrap_chars ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  pango_layout_set_indent(layout, static_cast<int>(spec.indent * PANGO_SCALE));
  pango_layout_set_alignment(layout, spec.align);
  // The CJK passes work on left-aligned text only; they also place the Han-Latin gaps, so
  // a left-aligned CJK paragraph always goes through justify_lines (without it, the gaps
  // sit on the wrong side of a mark and text extraction splits lines there).
  bool cjk = spec.cjk_rules && spec.align == PANGO_ALIGN_LEFT;
  if (cjk) add_cjk_attributes(text.text, text.attrs.get(), spec.size, spec.latin_gap_em);
  pango_layout_set_text(layout, text.text.data(), static_cast<int>(text.text.size()));
  pango_layout_set_attributes(layout, text.attrs.get());
  if (cjk) justify_lines(layout, width);
  else if (spec.justify && spec.align == PANGO_ALIGN_LEFT) pango_layout_set_justify(layout, TRUE);

  LayoutIterPtr iter(pango_layout_get_iter(layout));
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
    double top = logical.y / double(PANGO_SCALE);
    double h = logical.height / double(PANGO_SCALE);
    double baseline = pango_layout_iter_get_baseline(iter.get()) / double(PANGO_SCALE) - top;
    LineBox box;
    box.height = std::max(h, spec.pitch);
    // Centre the line's own box in the pitch so that mixed sizes keep a steady grey.
    box.baseline = (box.height - h) / 2 + baseline;
    box.x = logical.x / double(PANGO_SCALE);
    box.start = line->start_index;
    box.length = line->length;
    p.lines.push_back(box);
  } while (pango_layout_iter_next_line(iter.get()));
  p.links = std::move(text.links);
  p.notes = std::move(text.notes);
  return p;
}

}  // namespace folio::pdf
