// Collect: blocks → flow items (text lines, headings, code lines, figures, table rows, rules).
#include "flow/collect.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <type_traits>

#include "date_text.hpp"
#include "dest_names.hpp"
#include "flow/code_colors.hpp"
#include "flow/drawables.hpp"
#include "flow/table.hpp"
#include "inline/paragraph.hpp"

namespace folio::pdf {

FigureSize figure_size(uint32_t width_px, uint32_t height_px, double max_width, double max_height) {
  if (width_px == 0 || height_px == 0) return {max_width, max_width * 0.5};
  double w = width_px * 72.0 / 150.0;  // never enlarged past 150 dpi
  double h = height_px * 72.0 / 150.0;
  double scale = std::min({1.0, max_width / w, max_height / h});
  return {w * scale, h * scale};
}

namespace {

/// Where blocks go: indentation, quote rules, and whether paragraphs get a first-line indent.
struct Frame {
  double x = 0;
  std::vector<double> bars;
  bool indent_paragraphs = true;
  double size_scale = 1.0;  ///< footnotes are set smaller
  int list_depth = 0;       ///< lists around this frame (bullets change with depth)
};

class Collector {
 public:
  Collector(const Book& book, int chapter, const Style& style, const TextContext& text, Diagnostics& diag)
      : book_(book), chapter_(chapter), style_(style), text_(text), diag_(diag),
        doc_(book.chapters[chapter].document) {
    inline_.code_families = style.fonts.code;
    inline_.strong_families = style.fonts.heading;
    inline_.emphasis_han_families = style.fonts.emphasis_han;
    inline_.emphasis = style.fonts.emphasis;
    inline_.code_size = style.code_size;
    inline_.font_size = style.font_size;
    inline_.chapter = chapter;
    inline_.image_label = style.labels.image;
    next_url_note_ = 1;
    for (const Footnote& f : doc_.footnotes) {
      next_url_note_ = std::max(next_url_note_, f.number + 1);
      note_index_[f.number] = static_cast<int>(note_index_.size());
    }
    if (style.handout) {
      inline_.url_note = [this](const std::string& url) {
        int n = next_url_note_++;
        note_index_[n] = static_cast<int>(note_index_.size());
        url_notes_.push_back({n, url});
        return n;
      };
    }
  }

  ChapterFlow run() {
    out_ = &flow_.items;
    title_block();
    Frame top;
    blocks(doc_.blocks, top);
    footnotes();
    return std::move(flow_);
  }

 private:
  /// What is left of the text width at the frame's indent (nesting deeper than the page
  /// allows keeps a narrow column rather than none).
  double width(const Frame& f) const { return std::max(style_.text_width() - f.x, style_.font_size * 4); }
  /// The x of a block nested `by` deeper, kept inside the text block.
  double indented(const Frame& f, double by) const {
    return std::min(f.x + by, std::max(f.x, style_.text_width() - style_.font_size * 4));
  }
  double pitch(const Frame& f) const { return style_.line_pitch * f.size_scale; }

  ParagraphSpec body_spec(const Frame& f) const {
    ParagraphSpec spec;
    spec.families = style_.fonts.body;
    spec.latin_families = style_.fonts.body_latin;
    spec.size = style_.font_size * f.size_scale;
    spec.width = width(f);
    spec.indent = f.indent_paragraphs ? style_.indent * f.size_scale : 0;
    spec.latin_gap_em = style_.cjk_latin_gap_em;
    spec.pitch = pitch(f);
    spec.hyphenate = true;
    return spec;
  }

  InlineText inline_text(const Inlines& inlines, double size) {
    InlineText t;
    InlineSettings s = inline_;
    s.font_size = size;
    s.code_size = size * style_.code_size / style_.font_size;
    append_inlines(inlines, s, t);
    return t;
  }

  int note_index(int number) const {
    auto it = note_index_.find(number);
    return it == note_index_.end() ? -1 : it->second;
  }

  /// Emits one flow item per line of a laid-out paragraph.
  /// The links from the first that may still reach `start` on (links are in order and lines
  /// come in order, so a long paragraph's lines do not each look at every link).
  static std::span<const LinkSpan> links_from(const std::vector<LinkSpan>& links, size_t& cursor, int start) {
    while (cursor < links.size() && links[cursor].end <= start) ++cursor;
    return std::span<const LinkSpan>(links).subspan(cursor);
  }

  void emit_lines(const ParagraphLayout& p, FlowKind kind, const Frame& f, bool keep, bool grouped = true) {
    int group = grouped && p.lines.size() > 1 ? next_group_++ : -1;
    size_t link_cursor = 0, note_cursor = 0;
    for (size_t k = 0; k < p.lines.size(); ++k) {
      const LineBox& box = p.lines[k];
      auto d = std::make_shared<LineDrawable>();
      // The drawable counts bytes in its own layout's text (a piece's, for a long paragraph).
      const int offset = p.offset_of(box);
      d->layout = p.layout_of(box);
      d->line = box.piece_line;
      d->box = box;
      d->box.start -= offset;
      FlowItem item;
      const int box_end = box.start + box.length;
      for (const LinkSpan& l : links_from(p.links, link_cursor, box.start)) {
        if (l.start >= box_end) break;  // this one and all after it begin on later lines
        if (l.end > box.start) {
          // In the piece's layout text, which may have soft hyphens the paragraph has not.
          d->links.push_back(l);
          d->links.back().start = p.laid_offset(box, l.start);
          d->links.back().end = p.laid_offset(box, l.end);
        }
      }
      // Note references are in text order too: each is looked at once.
      for (; note_cursor < p.notes.size() && p.notes[note_cursor].index < box_end; ++note_cursor) {
        const NoteRef& r = p.notes[note_cursor];
        if (r.index < box.start) continue;
        int idx = note_index(r.number);
        if (idx >= 0) item.notes.push_back(idx);
        item.dests.push_back(note_ref_dest(chapter_, r.number));
      }
      if (k == 0) take_pending(item, *d);
      item.kind = kind;
      item.height = box.height;
      item.keep_with_next = keep;
      item.group = group;
      item.line = static_cast<int>(k);
      item.lines = static_cast<int>(p.lines.size());
      item.x = f.x;
      item.bars = f.bars;
      item.drawable = std::move(d);
      out_->push_back(std::move(item));
    }
  }

  void take_pending(FlowItem& item, LineDrawable& d) {
    item.dests.insert(item.dests.end(), pending_dests_.begin(), pending_dests_.end());
    pending_dests_.clear();
    item.space_before = pending_space_;
    pending_space_ = 0;
    if (pending_marker_) {
      d.marker = std::move(pending_marker_);
      d.marker_x = pending_marker_x_;
      d.marker_dest = std::move(pending_marker_dest_);
      pending_marker_dest_.clear();
      pending_marker_.reset();
    }
  }

  void take_pending(FlowItem& item) {
    LineDrawable scratch;
    take_pending(item, scratch);
    if (scratch.marker) pending_marker_ = scratch.marker;  // non-text items keep the marker waiting
  }

  void title_block() {
    const Chapter& ch = book_.chapters[chapter_];
    Frame f;
    f.indent_paragraphs = false;
    ParagraphSpec spec;
    spec.families = style_.fonts.heading;
    spec.weight = PANGO_WEIGHT_BOLD;
    spec.size = style_.font_size * (style_.handout ? 1.9 : 1.75);
    spec.width = width(f);
    spec.justify = false;
    spec.align = style_.handout ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
    spec.latin_gap_em = style_.cjk_latin_gap_em;
    spec.pitch = spec.size * 1.4;
    Text title{ch.post.title.empty() ? style_.labels.untitled : ch.post.title};
    Inlines title_inlines{Inline{title, {}}};
    pending_dests_.push_back(chapter_dest(chapter_));
    // A part's destination is on its own page in a book; a handout has no part pages.
    if (style_.handout && ch.part >= 0 && (chapter_ == 0 || book_.chapters[chapter_ - 1].part != ch.part))
      pending_dests_.push_back(part_dest(ch.part));
    pending_space_ = style_.handout ? 0 : style_.line_pitch * 2;  // chapter titles sit lower (dropped at a page top)
    size_t first = out_->size();
    emit_lines(layout_paragraph(text_, inline_text(title_inlines, spec.size), spec), FlowKind::heading, f, true, false);
    if (!style_.handout && first < out_->size()) (*out_)[first].space_before = 0;

    // Byline: date and authors (and tags in a handout).
    std::string byline;
    if (ch.post.date) byline = date_text(*ch.post.date);
    std::string authors;
    for (const std::string& a : ch.post.authors) authors += (authors.empty() ? "" : ", ") + a;
    if (authors.empty() && style_.handout)
      for (const std::string& a : book_.meta().authors) authors += (authors.empty() ? "" : ", ") + a;
    if (!authors.empty()) byline += (byline.empty() ? "" : " · ") + authors;
    std::vector<std::string> lines;
    if (!byline.empty()) lines.push_back(byline);
    if (style_.handout && !ch.post.tags.empty()) {
      std::string tags;
      for (const std::string& t : ch.post.tags) tags += (tags.empty() ? "#" : "  #") + t;
      lines.push_back(tags);
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      ParagraphSpec by = spec;
      by.families = style_.fonts.body;
      by.weight = PANGO_WEIGHT_NORMAL;
      by.size = style_.font_size * 0.9;
      by.pitch = style_.line_pitch * 0.9;
      InlineText t;
      t.text = lines[i];
      pango_attr_list_insert(t.attrs.get(), pango_attr_foreground_new(0x5500, 0x5500, 0x5500));
      if (i == 0) pending_space_ = style_.line_pitch * 0.3;
      emit_lines(layout_paragraph(text_, std::move(t), by), FlowKind::heading, f, true, false);
    }
    pending_space_ = style_.line_pitch * 1.2;
    if (!out_->empty()) {
      FlowItem& first_item = (*out_)[first];
      OutlineMark mark{1, ch.post.title, chapter_dest(chapter_)};
      first_item.outline.push_back(mark);
    }
    flow_.dests.push_back(chapter_dest(chapter_));
    // Space after the title block belongs to the next item; the block itself never ends a page.
  }

  void blocks(const Blocks& bs, const Frame& f) {
    for (const Block& b : bs) block(b, f);
  }

  void block(const Block& b, const Frame& f) {
    std::visit([&](const auto& node) { visit(node, b, f); }, b.node);
  }

  void visit(const folio::Paragraph& p, const Block&, const Frame& f) {
    InlineText t = inline_text(p.children, style_.font_size * f.size_scale);
    if (t.text.empty()) return;
    ParagraphSpec spec = body_spec(f);
    spec.in_pieces = true;  // a paragraph of megabytes is laid out a window at a time
    emit_lines(layout_paragraph(text_, std::move(t), spec), FlowKind::text, f, false);
  }

  void visit(const Heading& h, const Block&, const Frame& f) {
    static constexpr double kScale[] = {1.0, 1.0, 1.4, 1.2, 1.1, 1.0, 1.0};
    int level = std::clamp(h.level, 2, 6);
    ParagraphSpec spec = body_spec(f);
    spec.families = style_.fonts.heading;
    spec.latin_families = style_.fonts.heading_latin;
    spec.weight = PANGO_WEIGHT_BOLD;
    spec.size = style_.font_size * f.size_scale * kScale[level];
    spec.indent = 0;
    spec.justify = false;
    spec.pitch = std::max(spec.size * 1.35, pitch(f));
    std::string title = inline_plain_text(h.children);
    std::string dest = anchor_dest(chapter_, h.id.empty() ? title : h.id);
    pending_dests_.push_back(dest);
    flow_.dests.push_back(dest);
    if (!h.post_id.empty() && h.post_id != h.id) {
      pending_dests_.push_back(anchor_dest(chapter_, h.post_id));
      flow_.dests.push_back(pending_dests_.back());
    }
    pending_space_ = std::max(pending_space_, style_.line_pitch * (level == 2 ? 1.0 : 0.6));
    size_t first = out_->size();
    emit_lines(layout_paragraph(text_, inline_text(h.children, spec.size), spec), FlowKind::heading, f, true, false);
    if (level <= 3 && first < out_->size() && out_ == &flow_.items) {
      if (level == 2) (*out_)[first].outline.push_back({2, title, dest});
      flow_.toc.push_back({level, title, dest, static_cast<int>(first)});  // pdf.toc_depth picks
    }
    pending_space_ = style_.line_pitch * 0.3;
  }

  void visit(const List& list, const Block&, const Frame& f) {
    Frame inner = f;
    inner.indent_paragraphs = false;
    inner.x = indented(f, style_.font_size * 2 * f.size_scale);
    inner.list_depth = f.list_depth + 1;
    int number = list.start;
    for (const ListItem& item : list.items) {
      std::string marker;
      if (item.task) marker = *item.task ? "☑" : "☐";
      else if (list.ordered) marker = std::to_string(number++) + ".";
      else marker = f.list_depth % 3 == 0 ? "•" : f.list_depth % 3 == 1 ? "◦" : "▪";
      PangoLayout* m = text_.new_layout();
      pending_marker_ = share_layout(m);
      FontDescPtr font = make_font(style_.fonts.body, style_.font_size * f.size_scale);
      pango_layout_set_font_description(m, font.get());
      pango_layout_set_text(m, marker.c_str(), -1);
      PangoRectangle logical;
      pango_layout_get_extents(m, nullptr, &logical);
      pending_marker_x_ = -logical.width / double(PANGO_SCALE) - style_.font_size * 0.4;
      if (!list.tight && &item != &list.items.front()) pending_space_ = std::max(pending_space_, style_.line_pitch * 0.3);
      blocks(item.children, inner);
      pending_marker_.reset();
    }
  }

  void visit(const BlockQuote& q, const Block&, const Frame& f) {
    Frame inner = f;
    inner.bars.push_back(f.x + style_.font_size * 0.5);
    inner.x = indented(f, style_.font_size * 1.5);
    blocks(q.children, inner);
  }

  void visit(const CodeBlock& c, const Block&, const Frame& f) { code(c.text, f, &c); }
  void visit(const RawBlock& r, const Block&, const Frame& f) { code(r.text, f); }

  void code(const std::string& source, const Frame& f, const CodeBlock* block = nullptr) {
    // Pango's default tab stops are too wide for code: tabs become spaces to the next stop.
    const CodeText code_text = expand_code_tabs(source, block ? block->lines.tab_width : 4);
    const std::string& text = code_text.text;
    if (text.empty()) return;
    const CodePalette& palette = book_.code_colors.print;
    double pad = style_.font_size * 0.8;  // room for the continuation mark
    double size = style_.code_size * f.size_scale;
    const bool numbered = block && block->lines.numbers != CodeLines::Numbers::none;
    double gutter = 0;  // line numbers sit left of the code, outside its text
    auto number_layout = [&](int n) {
      SharedLayout l = share_layout(text_.new_layout());
      FontDescPtr font = make_font(style_.fonts.code, size);
      pango_layout_set_font_description(l.get(), font.get());
      pango_layout_set_text(l.get(), std::to_string(n).c_str(), -1);
      return l;
    };
    auto layout_width = [](const SharedLayout& l) {
      PangoRectangle logical;
      pango_layout_get_extents(l.get(), nullptr, &logical);
      return logical.width / double(PANGO_SCALE);
    };
    if (numbered) {
      int last = std::max(block->lines.start, block->lines.start + source_line_at(code_text, text.size()) - 1);
      gutter = layout_width(number_layout(last)) + size;
    }
    ParagraphSpec spec;
    spec.families = style_.fonts.code;
    spec.size = size;
    spec.width = width(f) - 2 * pad - gutter;
    spec.justify = false;
    spec.cjk_rules = false;
    spec.wrap_chars = true;
    spec.pitch = size * 1.45;
    InlineText t;
    t.text = text;
    pango_attr_list_insert(t.attrs.get(), pango_attr_insert_hyphens_new(FALSE));
    if (block) add_code_colors(t.attrs.get(), *block, code_text, palette);
    spec.in_pieces = true;  // a code block of 100k lines is laid out a window at a time
    ParagraphLayout p = layout_paragraph(text_, std::move(t), spec);
    int group = next_group_++;
    size_t counted_to = 0;  // source lines are counted as the lines go by, not from the start each time
    int source_line = 1;
    SharedLayout mark = share_layout(text_.new_layout());
    {
      FontDescPtr font = make_font(style_.fonts.code, size * 0.7);
      pango_layout_set_font_description(mark.get(), font.get());
      pango_layout_set_text(mark.get(), "\u21aa", -1);  // ↪: the line goes on from the one above
    }
    for (size_t k = 0; k < p.lines.size(); ++k) {
      auto d = std::make_shared<LineDrawable>();
      d->layout = p.layout_of(p.lines[k]);
      d->line = p.lines[k].piece_line;
      d->box = p.lines[k];
      d->box.start -= p.offset_of(p.lines[k]);
      d->box.x += pad + gutter;
      d->background_width = width(f);
      d->background = palette.background;
      d->continuation = p.lines[k].start > 0 && text[p.lines[k].start - 1] != '\n';
      if (d->continuation) d->continuation_mark = mark;
      if (block) {
        const size_t at = std::min(size_t(p.lines[k].start), text.size());
        source_line += int(std::count(text.begin() + std::ptrdiff_t(counted_to), text.begin() + std::ptrdiff_t(at), '\n'));
        counted_to = at;
        if (block->lines.is_highlighted(source_line)) d->background = palette.band;
        if (numbered && !d->continuation) {
          // The number's right edge sits a space before the code.
          d->line_number = number_layout(block->lines.start + source_line - 1);
          d->line_number_x = pad + gutter - size - layout_width(d->line_number);
          d->line_number_color = palette.line_number;
        }
      }
      FlowItem item;
      take_pending(item, *d);
      if (k == 0) {
        item.space_before = std::max(item.space_before, style_.line_pitch * 0.4);
        d->pad_top = pad * 0.6;
      }
      item.kind = FlowKind::code;
      item.height = d->box.height + d->pad_top + (k + 1 == p.lines.size() ? pad * 0.6 : 0);
      item.group = group;
      item.line = static_cast<int>(k);
      item.lines = static_cast<int>(p.lines.size());
      item.x = f.x;
      item.bars = f.bars;
      item.drawable = std::move(d);
      out_->push_back(std::move(item));
    }
    pending_space_ = style_.line_pitch * 0.4;
  }

  void visit(const Table& t, const Block&, const Frame& f) {
    TableSettings s;
    s.families = style_.fonts.body;
    s.size = style_.font_size * f.size_scale;
    s.min_size = s.size * 0.75;
    s.width = width(f);
    s.pitch_factor = style_.line_pitch / style_.font_size;
    s.inline_settings = inline_;
    s.latin_gap_em = style_.cjk_latin_gap_em;
    std::vector<TableRowOut> rows = layout_table(t, s, text_);
    int table = next_table_++;
    for (size_t r = 0; r < rows.size(); ++r) {
      FlowItem item;
      take_pending(item);
      if (r == 0) item.space_before = std::max(item.space_before, style_.line_pitch * 0.4);
      item.kind = FlowKind::table_row;
      item.height = rows[r].height;
      item.table = table;
      item.table_header = rows[r].header;
      item.keep_with_next = rows[r].header;
      item.x = f.x;
      item.bars = f.bars;
      for (int number : rows[r].note_numbers) {
        int idx = note_index(number);
        if (idx >= 0) item.notes.push_back(idx);
      }
      item.drawable = std::move(rows[r].drawable);
      out_->push_back(std::move(item));
    }
    pending_space_ = style_.line_pitch * 0.4;
  }

  void visit(const ThematicBreak&, const Block&, const Frame& f) {
    auto d = std::make_shared<RuleDrawable>();
    d->width = width(f);
    FlowItem item;
    take_pending(item);
    item.kind = FlowKind::rule;
    item.height = style_.line_pitch;
    item.x = f.x;
    item.bars = f.bars;
    item.drawable = std::move(d);
    out_->push_back(std::move(item));
  }

  void visit(const Figure& fig, const Block& b, const Frame& f) {
    auto d = std::make_shared<FigureDrawable>();
    double max_w = width(f);
    double max_h = style_.text_height() * 0.7;
    const FigureAsset* asset =
        fig.figure >= 0 && size_t(fig.figure) < book_.figures.size() ? &book_.figures[fig.figure] : nullptr;
    d->block_width = max_w;
    d->alt = fig.alt.empty() ? fig.src : fig.alt;
    if (asset && asset->ok && asset->width > 0 && asset->height > 0) {
      FigureSize size = figure_size(asset->width, asset->height, max_w, max_h);
      d->figure = fig.figure;
      d->width = size.width;
      d->height = size.height;
    } else {
      d->width = max_w;
      d->height = style_.line_pitch * 3;
      ParagraphSpec spec = body_spec(f);
      spec.indent = 0;
      spec.width = max_w - style_.font_size * 2;
      spec.align = PANGO_ALIGN_CENTER;
      spec.justify = false;
      InlineText t;
      t.text = "[" + (d->alt.empty() ? style_.labels.figure_missing : d->alt) + "]";
      d->placeholder_text = layout_paragraph(text_, std::move(t), spec).layout;
      if (!asset)
        diag_.warning(doc_.at(b.pos), "figure has no image in the book, drawn as a placeholder: " + fig.src);
    }
    double h = d->height;
    Inlines caption = fig.caption;
    if (caption.empty() && !fig.title.empty()) caption.push_back(Inline{Text{fig.title}, {}});
    if (!caption.empty()) {
      ParagraphSpec spec = body_spec(f);
      spec.size = style_.font_size * 0.85;
      spec.indent = 0;
      spec.align = PANGO_ALIGN_CENTER;
      spec.justify = false;
      spec.pitch = style_.line_pitch * 0.85;
      ParagraphLayout cap = layout_paragraph(text_, inline_text(caption, spec.size), spec);
      d->caption = cap.layout;
      h += d->caption_gap + cap.height();
    }
    FlowItem item;
    take_pending(item);
    item.space_before = std::max(item.space_before, style_.line_pitch * 0.5);
    item.kind = FlowKind::figure;
    item.height = h + style_.line_pitch * 0.3;
    item.x = f.x;
    item.bars = f.bars;
    item.drawable = std::move(d);
    out_->push_back(std::move(item));
    pending_space_ = style_.line_pitch * 0.3;
  }

  void visit(const DefinitionList& dl, const Block&, const Frame& f) {
    for (const DefinitionItem& item : dl.items) {
      ParagraphSpec spec = body_spec(f);
      spec.indent = 0;
      spec.weight = PANGO_WEIGHT_BOLD;
      emit_lines(layout_paragraph(text_, inline_text(item.term, spec.size), spec), FlowKind::text, f, true);
      Frame inner = f;
      inner.indent_paragraphs = false;
      inner.x = indented(f, style_.font_size * 2);
      for (const Blocks& def : item.definitions) blocks(def, inner);
    }
  }

  void visit(const Division& d, const Block&, const Frame& f) {
    Frame inner = f;
    bool boxed = d.kind != "div" && d.kind != "center" && d.kind != "video";
    if (boxed) {
      inner.bars.push_back(f.x + style_.font_size * 0.5);
      inner.x = indented(f, style_.font_size * 1.5);
    }
    if (!d.title.empty()) {
      ParagraphSpec spec = body_spec(inner);
      spec.indent = 0;
      spec.weight = PANGO_WEIGHT_BOLD;
      emit_lines(layout_paragraph(text_, inline_text(d.title, spec.size), spec), FlowKind::text, inner, true);
    }
    blocks(d.children, inner);
  }

  void footnotes() {
    Frame f;
    f.indent_paragraphs = false;
    f.size_scale = 0.85;
    f.x = style_.font_size * 1.5;
    for (const Footnote& note : doc_.footnotes) {
      FootnoteFlow flow;
      flow.number = note.number;
      out_ = &flow.lines;
      start_note(note.number, f);
      blocks(note.children, f);
      if (flow.lines.empty()) {
        ParagraphLayout empty = layout_paragraph(text_, InlineText{}, body_spec(f));
        emit_lines(empty, FlowKind::text, f, false);
      }
      flow_.notes.push_back(std::move(flow));
    }
    for (const auto& [number, url] : url_notes_) {
      FootnoteFlow flow;
      flow.number = number;
      out_ = &flow.lines;
      start_note(number, f);
      ParagraphSpec spec = body_spec(f);
      spec.families = style_.fonts.code;
      spec.size = style_.code_size * f.size_scale;
      spec.justify = false;
      spec.cjk_rules = false;
      spec.wrap_chars = true;
      InlineText t;
      t.text = url;
      t.links.push_back({0, static_cast<int>(url.size()), LinkTarget{-1, "", url}, std::string()});
      emit_lines(layout_paragraph(text_, std::move(t), spec), FlowKind::text, f, false);
      flow_.notes.push_back(std::move(flow));
    }
    out_ = &flow_.items;
  }

  void start_note(int number, const Frame& f) {
    pending_dests_.push_back(note_dest(chapter_, number));
    flow_.dests.push_back(note_dest(chapter_, number));
    PangoLayout* m = text_.new_layout();
    pending_marker_ = share_layout(m);
    FontDescPtr font = make_font(style_.fonts.body, style_.font_size * f.size_scale);
    pango_layout_set_font_description(m, font.get());
    std::string label = std::to_string(number) + ".";
    pango_layout_set_text(m, label.c_str(), -1);
    PangoRectangle logical;
    pango_layout_get_extents(m, nullptr, &logical);
    pending_marker_x_ = -logical.width / double(PANGO_SCALE) - style_.font_size * 0.3;
    pending_marker_dest_ = note_ref_dest(chapter_, number);  // the number links back to its reference
    pending_space_ = 0;
  }

  const Book& book_;
  int chapter_;
  const Style& style_;
  const TextContext& text_;
  Diagnostics& diag_;
  const Document& doc_;
  InlineSettings inline_;
  ChapterFlow flow_;
  std::vector<FlowItem>* out_ = nullptr;
  int next_group_ = 0;
  int next_table_ = 0;
  int next_url_note_ = 1;
  std::vector<std::pair<int, std::string>> url_notes_;
  std::map<int, int> note_index_;
  std::vector<std::string> pending_dests_;
  double pending_space_ = 0;
  SharedLayout pending_marker_;
  double pending_marker_x_ = 0;
  std::string pending_marker_dest_;
};

}  // namespace

ChapterFlow collect_chapter(const Book& book, int chapter, const Style& style, const TextContext& text,
                            Diagnostics& diagnostics) {
  return Collector(book, chapter, style, text, diagnostics).run();
}

}  // namespace folio::pdf
