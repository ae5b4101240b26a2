// Inlines → text + PangoAttrList, and the wrapped PangoLayout of a paragraph.
#include "inline/paragraph.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/utf8.hpp"
#include "dest_names.hpp"
#include "inline/cjk_classes.hpp"
#include "inline/cjk_rules.hpp"
#include "inline/code_breaks.hpp"
#include "inline/han_emphasis.hpp"
#include "inline/hyphenation.hpp"
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
            // Links stay in order of their starts (a footnote number inside the link text
            // is a link too), so the layout can walk them with a cursor.
            const size_t first_inner_link = out.links.size();
            append_inlines(node.children, settings, out);
            size_t end = out.text.size();
            add_attr(attrs, pango_attr_foreground_new(kLinkRed, kLinkGreen, kLinkBlue), start, end);
            LinkTarget target = node.target;
            if (!target.internal() && target.url.empty()) target.url = node.href;
            if (end > start)
              out.links.insert(out.links.begin() + static_cast<ptrdiff_t>(first_inner_link),
                               LinkSpan{static_cast<int>(start), static_cast<int>(end), target, std::string()});
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

InlineText clone(const InlineText& text) {
  InlineText copy;
  copy.text = text.text;
  copy.attrs.reset(pango_attr_list_copy(text.attrs.get()));
  copy.links = text.links;
  copy.notes = text.notes;
  copy.code = text.code;
  copy.ruby = text.ruby;
  return copy;
}

namespace {

void shift(int& offset, int at, int by) {
  if (offset >= at) offset += by;
}

}  // namespace

void insert_invisible(InlineText& text, int at, std::string_view mark) {
  const int by = static_cast<int>(mark.size());
  text.text.insert(static_cast<size_t>(at), mark);
  pango_attr_list_update(text.attrs.get(), at, 0, by);
  for (LinkSpan& l : text.links) {
    shift(l.start, at + 1, by);
    shift(l.end, at, by);
  }
  for (NoteRef& n : text.notes) shift(n.index, at, by);
  for (CodeSpan& c : text.code) {
    shift(c.start, at + 1, by);
    shift(c.end, at, by);
  }
  for (RubySpan& r : text.ruby) {
    shift(r.start, at + 1, by);
    shift(r.end, at, by);
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

/// How far a justified line may fall short of the measure, with every gap at its limit,
/// before the code span after it is broken to fill it: less reads as a slightly loose
/// line, more as a hole or a ragged end inside the paragraph.
constexpr double kShortLineEm = 1;

// The slack of a line that is not a paragraph's last (Pango units).
int line_slack(PangoLayoutLine* line, int width, int indent) {
  PangoRectangle logical;
  pango_layout_line_get_extents(line, nullptr, &logical);
  return width - (line->is_paragraph_start ? std::max(indent, 0) : std::max(-indent, 0)) - logical.width;
}

// How far each line that justification stretches falls short of the measure once its gaps
// are at their limits (Pango units; 0 for a line that fills it), with the offset where
// the line after it starts (past its blanks).
std::vector<std::pair<int, int>> shortfalls(PangoLayout* layout, int width) {
  std::vector<std::pair<int, int>> out;
  const std::string_view text = pango_layout_get_text(layout);
  const int indent = pango_layout_get_indent(layout);
  for (GSList* l = pango_layout_get_lines_readonly(layout); l != nullptr && l->next != nullptr; l = l->next) {
    auto* line = static_cast<PangoLayoutLine*>(l->data);
    auto* next = static_cast<PangoLayoutLine*>(l->next->data);
    if (next->is_paragraph_start) continue;
    if (text.substr(0, static_cast<size_t>(line->start_index + line->length)).ends_with("\u2028")) continue;
    int start = next->start_index;
    while (static_cast<size_t>(start) < text.size() && text[static_cast<size_t>(start)] == ' ') ++start;
    out.emplace_back(std::max(0, line_slack(line, width, indent) - justify_line_room(line)), start);
  }
  return out;
}

int total_shortfall(PangoLayout* layout, int width) {
  int total = 0;
  for (const auto& [shortfall, start] : shortfalls(layout, width)) total += shortfall;
  return total;
}

/// The fewest ideographs a paragraph's last line should hold (besides its closing marks):
/// clreq asks for two (cjk_kinsoku.cpp keeps them), a typesetter for four when the lines
/// before can take it.
constexpr int kLastLineIdeographs = 4;

// A last line of two or three ideographs gets two more from the line before it when that
// line can take the slack within its gaps' limits (it falls no shorter than before).
void lengthen_last_line(PangoLayout* layout, InlineText& text, int width) {
  if (pango_layout_get_line_count(layout) < 2) return;
  PangoLayoutLine* last = pango_layout_get_line_readonly(layout, pango_layout_get_line_count(layout) - 1);
  if (last->is_paragraph_start) return;
  const std::string_view all = text.text;
  // From the end back to the kLastLineIdeographs-th ideograph, over closing marks only.
  size_t at = all.size();
  int ideographs = 0;
  while (at > 0 && ideographs < kLastLineIdeographs) {
    size_t before = at;
    const char32_t c = cjk::previous(all, before);
    if (cjk::is_ideograph(c)) ++ideographs;
    else if (!cjk::is_closing_mark(c) && c != U'.' && c != U'!' && c != U'?') return;
    at = before;
  }
  if (ideographs < kLastLineIdeographs || static_cast<int>(at) >= last->start_index) return;
  InlineText trial = clone(text);
  PangoAttribute* keep = pango_attr_allow_breaks_new(FALSE);
  keep->start_index = static_cast<guint>(at);
  keep->end_index = static_cast<guint>(all.size());
  pango_attr_list_insert(trial.attrs.get(), keep);
  const int before = total_shortfall(layout, width);
  const int lines = pango_layout_get_line_count(layout);
  pango_layout_set_attributes(layout, trial.attrs.get());
  if (pango_layout_get_line_count(layout) == lines && total_shortfall(layout, width) <= before) {
    text = std::move(trial);
    return;
  }
  pango_layout_set_attributes(layout, text.attrs.get());
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
    // A line left short by a code span that would not fit after it (more slack than its
    // gaps take within their limits): that span gets its break opportunities and the
    // paragraph is wrapped again, kept if its lines fall less short in all.
    for (int pass = 0; pass < 4; ++pass) {
      InlineText trial = clone(text);
      bool added = false;
      for (const auto& [shortfall, start] : shortfalls(layout, width))
        if (shortfall > spec.size * kShortLineEm * PANGO_SCALE && (added = add_code_break_opportunities_at(trial, start)))
          break;
      if (!added) break;
      const int before = total_shortfall(layout, width);
      pango_layout_set_text(layout, trial.text.data(), static_cast<int>(trial.text.size()));
      pango_layout_set_attributes(layout, trial.attrs.get());
      if (total_shortfall(layout, width) < before) {
        text = std::move(trial);
        continue;
      }
      pango_layout_set_text(layout, text.text.data(), static_cast<int>(text.text.size()));
      pango_layout_set_attributes(layout, text.attrs.get());
      break;
    }
  }
  if (spec.hyphenate && spec.justify && spec.align == PANGO_ALIGN_LEFT && !spec.wrap_chars)
    if (const Hyphenator* hyphenator = context.hyphenator())
      hyphenate_loose_lines(layout, text, *hyphenator, width, justify_line_room);
  if (cjk && spec.justify && spec.align == PANGO_ALIGN_LEFT && !spec.wrap_chars) lengthen_last_line(layout, text, width);
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
