// Inlines → text + PangoAttrList, and the wrapped PangoLayout of a paragraph.
#include "inline/paragraph.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/utf8.hpp"
#include "dest_names.hpp"
#include "inline/cjk_rules.hpp"
#include "inline/code_breaks.hpp"
#include "inline/han_emphasis.hpp"
#include "inline/latin_quotes.hpp"
#include "inline/paragraph_pieces.hpp"
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
            add_han_emphasis_attributes(out.text, start, out.text.size(), attrs, settings.emphasis,
                                        settings.emphasis_han_families);
          } else if constexpr (std::is_same_v<T, Strong>) {
            append_inlines(node.children, settings, out);
            add_attr(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, out.text.size());
            if (!settings.strong_families.empty())
              add_attr(attrs, pango_attr_family_new(settings.strong_families.c_str()), start, out.text.size());
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
            if (end > start) out.code.push_back({static_cast<int>(start), static_cast<int>(end), settings.code_size});
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
            out.text += "[" + (node.alt.empty() ? settings.image_label : node.alt) + "]";
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

namespace {

/// Slack past which a line counts as loose: more than its gaps take within their limits.
constexpr double kLooseLineEm = 3;

InlineText copy_of(const InlineText& text) {
  InlineText copy;
  copy.text = text.text;
  copy.attrs.reset(pango_attr_list_copy(text.attrs.get()));
  copy.links = text.links;
  copy.notes = text.notes;
  copy.code = text.code;
  copy.ruby = text.ruby;
  return copy;
}

// The slack of a line that is not a paragraph's last (Pango units).
int line_slack(PangoLayoutLine* line, int width, int indent) {
  PangoRectangle logical;
  pango_layout_line_get_extents(line, nullptr, &logical);
  return width - (line->is_paragraph_start ? std::max(indent, 0) : std::max(-indent, 0)) - logical.width;
}

// The widest gap justification would make: for each stretched line, its slack over the
// places that can take it (spaces and CJK characters, roughly its gaps).
double loosest_line(PangoLayout* layout, int width) {
  const std::string_view text = pango_layout_get_text(layout);
  const int indent = pango_layout_get_indent(layout);
  double loosest = 0;
  for (GSList* l = pango_layout_get_lines_readonly(layout); l != nullptr && l->next != nullptr; l = l->next) {
    auto* line = static_cast<PangoLayoutLine*>(l->data);
    if (static_cast<PangoLayoutLine*>(l->next->data)->is_paragraph_start) continue;
    int gaps = 0;
    size_t i = static_cast<size_t>(line->start_index);
    const size_t end = i + static_cast<size_t>(line->length);
    while (i < end && i < text.size()) {
      const char32_t c = utf8::next(text, i);
      gaps += c == U' ' || c >= 0x2E80;
    }
    loosest = std::max(loosest, line_slack(line, width, indent) / double(std::max(gaps, 1)));
  }
  return loosest;
}

// The byte offsets where the lines after loose lines start (past their blanks).
std::vector<int> starts_after_loose_lines(PangoLayout* layout, int width, double loose_pt) {
  std::vector<int> starts;
  const char* text = pango_layout_get_text(layout);
  const int indent = pango_layout_get_indent(layout);
  for (GSList* l = pango_layout_get_lines_readonly(layout); l != nullptr && l->next != nullptr; l = l->next) {
    auto* line = static_cast<PangoLayoutLine*>(l->data);
    auto* next = static_cast<PangoLayoutLine*>(l->next->data);
    if (next->is_paragraph_start || line_slack(line, width, indent) < loose_pt * PANGO_SCALE) continue;
    int start = next->start_index;
    while (text[start] == ' ') ++start;
    starts.push_back(start);
  }
  return starts;
}

}  // namespace

double ParagraphLayout::height() const {
  double h = 0;
  for (const LineBox& l : lines) h += l.height;
  return h;
}

ParagraphLayout layout_paragraph(const TextContext& context, InlineText text, const ParagraphSpec& spec) {
  if (spec.in_pieces && text.text.size() > kPieceBytes * 2 && spec.indent >= 0)
    return layout_in_pieces(context, std::move(text), spec);
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
  // The CJK passes also place the Han-Latin gaps, so a CJK paragraph always goes through
  // justify_lines (without it, the gaps sit on the wrong side of a mark and text
  // extraction splits lines there); only left-aligned text is justified. Centred text
  // (captions, placeholders) gets the same gaps and line-breaking rules as body text.
  if (!spec.wrap_chars) add_code_break_opportunities(text, spec.width - std::max(spec.indent, 0.0));
  bool cjk = spec.cjk_rules;
  if (cjk) add_cjk_attributes(text.text, text.attrs.get(), spec.size, spec.latin_gap_em);
  add_latin_quote_attributes(text.text, text.attrs.get(), spec.latin_families);
  pango_layout_set_text(layout, text.text.data(), static_cast<int>(text.text.size()));
  pango_layout_set_attributes(layout, text.attrs.get());
  if (!text.ruby.empty()) widen_ruby_bases(layout, text, spec.size);
  if (cjk && spec.align == PANGO_ALIGN_LEFT && !spec.wrap_chars && !text.code.empty()) {
    // A line left loose by a code span that would not fit after it: that span gets its
    // break opportunities and the paragraph is wrapped again, kept if its loosest line
    // got tighter.
    for (int pass = 0; pass < 4; ++pass) {
      InlineText trial = copy_of(text);
      bool added = false;
      for (int offset : starts_after_loose_lines(layout, width, spec.size * kLooseLineEm))
        if ((added = add_code_break_opportunities_at(trial, offset))) break;
      if (!added) break;
      const double before = loosest_line(layout, width);
      pango_layout_set_text(layout, trial.text.data(), static_cast<int>(trial.text.size()));
      pango_layout_set_attributes(layout, trial.attrs.get());
      if (loosest_line(layout, width) < before) {
        text = std::move(trial);
        continue;
      }
      pango_layout_set_text(layout, text.text.data(), static_cast<int>(text.text.size()));
      pango_layout_set_attributes(layout, text.attrs.get());
      break;
    }
  }
  keep_ruby_readings(layout, text.ruby, spec.size);
  if (cjk) justify_lines(layout, spec.align == PANGO_ALIGN_LEFT ? width : 0);
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
    // A line with ruby grows above its baseline until its readings clear the line's top.
    if (double room = ruby_room_above(layout, line->start_index, line->length); room > box.baseline) {
      box.height += room - box.baseline;
      box.baseline = room;
    }
    box.x = logical.x / double(PANGO_SCALE);
    box.start = line->start_index;
    box.length = line->length;
    box.piece_line = int(p.lines.size());
    p.lines.push_back(box);
  } while (pango_layout_iter_next_line(iter.get()));
  p.links = std::move(text.links);
  p.notes = std::move(text.notes);
  return p;
}

}  // namespace folio::pdf
