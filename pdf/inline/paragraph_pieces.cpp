// Long paragraphs in pieces: windows of text laid out one after the other, each starting
// where the previous one's last whole line ended.
#include "inline/paragraph_pieces.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

namespace folio::pdf {

namespace {

// Hands out the parts of a paragraph's markup that fall in [start, end), for windows whose
// starts only move forward. Each attribute is looked at once when it opens and once per
// window it spans, so the whole pass is linear in the markup.
class MarkupSlicer {
 public:
  explicit MarkupSlicer(const InlineText& text) : text_(text) {
    GSList* all = pango_attr_list_get_attributes(text.attrs.get());  // copies, in start order
    for (GSList* l = all; l; l = l->next) attrs_.push_back(static_cast<PangoAttribute*>(l->data));
    g_slist_free(all);
  }
  ~MarkupSlicer() {
    for (PangoAttribute* a : attrs_) pango_attribute_destroy(a);
  }
  MarkupSlicer(const MarkupSlicer&) = delete;
  MarkupSlicer& operator=(const MarkupSlicer&) = delete;

  InlineText slice(size_t start, size_t end) {
    InlineText out;
    out.text = text_.text.substr(start, end - start);
    // Attributes that opened before `start` and are still open, then the ones opening now.
    std::vector<PangoAttribute*> open;
    auto take = [&](PangoAttribute* a) {
      if (a->end_index <= start) return;
      if (a->start_index < end) {
        PangoAttribute* copy = pango_attribute_copy(a);
        copy->start_index = guint(std::max<size_t>(a->start_index, start) - start);
        copy->end_index = a->end_index == PANGO_ATTR_INDEX_TO_TEXT_END
                              ? PANGO_ATTR_INDEX_TO_TEXT_END
                              : guint(std::min<size_t>(a->end_index, end) - start);
        pango_attr_list_insert(out.attrs.get(), copy);
      }
      open.push_back(a);
    };
    for (PangoAttribute* a : open_) take(a);
    while (next_ < attrs_.size() && attrs_[next_]->start_index < end) take(attrs_[next_++]);
    open_ = std::move(open);  // the next window starts before `end`: keep all that reach past its start
    slice_spans(text_.links, links_, start, end, out.links);
    slice_spans(text_.code, code_, start, end, out.code);
    slice_spans(text_.ruby, ruby_, start, end, out.ruby);
    while (notes_ < text_.notes.size() && size_t(text_.notes[notes_].index) < start) ++notes_;
    for (size_t i = notes_; i < text_.notes.size() && size_t(text_.notes[i].index) < end; ++i) {
      NoteRef r = text_.notes[i];
      r.index -= int(start);
      out.notes.push_back(r);
    }
    return out;
  }

 private:
  // Spans in order of their starts: `first` moves past the ones that ended before `start`.
  template <typename Span>
  static void slice_spans(const std::vector<Span>& all, size_t& first, size_t start, size_t end,
                          std::vector<Span>& out) {
    while (first < all.size() && size_t(all[first].end) <= start) ++first;
    for (size_t i = first; i < all.size() && size_t(all[i].start) < end; ++i) {
      if (size_t(all[i].end) <= start) continue;
      Span s = all[i];
      s.start = int(std::max<size_t>(size_t(s.start), start) - start);
      s.end = int(std::min<size_t>(size_t(s.end), end) - start);
      out.push_back(std::move(s));
    }
  }

  const InlineText& text_;
  std::vector<PangoAttribute*> attrs_;  ///< every attribute, in start order (owned)
  size_t next_ = 0;                     ///< the first attribute no window has reached
  std::vector<PangoAttribute*> open_;   ///< reached, and reaching past the last window's start
  size_t links_ = 0, code_ = 0, ruby_ = 0, notes_ = 0;
};

// The end of a window of `want` bytes from `start`, on a character boundary.
size_t window_end(const std::string& text, size_t start, size_t want) {
  size_t end = std::min(text.size(), start + want);
  while (end < text.size() && (uint8_t(text[end]) & 0xC0) == 0x80) ++end;
  return end;
}

// Offsets in a window's laid-out text back to offsets in the paragraph's: layout_paragraph
// may insert invisible break marks (U+200B in long code, U+00AD where it hyphenates), so a
// line of the window starts later in the laid-out text than in the source. Offsets are
// asked in increasing order; the walk is linear over the window.
class SourceOffsets {
 public:
  SourceOffsets(std::string_view source, std::string_view laid) : source_(source), laid_(laid) {}

  size_t operator()(size_t laid_offset) {
    while (laid_at_ < laid_offset && laid_at_ < laid_.size()) {
      if (inserted_mark_here()) {
        laid_at_ += mark_size_;
        inserted_bytes_ += int(mark_size_);
        inserted_.push_back({int(source_at_), inserted_bytes_});
        continue;
      }
      ++laid_at_, ++source_at_;
    }
    return std::min(source_at_, source_.size());
  }

 private:
  // An invisible mark in the laid-out text that the source does not have at this point.
  bool inserted_mark_here() {
    for (std::string_view mark : {std::string_view("\u200B"), std::string_view("\u00AD")}) {
      if (laid_.compare(laid_at_, mark.size(), mark) == 0 && source_.compare(source_at_, mark.size(), mark) != 0) {
        mark_size_ = mark.size();
        return true;
      }
    }
    return false;
  }
  std::string_view source_, laid_;
  size_t source_at_ = 0, laid_at_ = 0, mark_size_ = 0;
  int inserted_bytes_ = 0;

 public:
  /// The marks passed so far: (source offset, bytes inserted up to there).
  std::vector<std::pair<int, int>> inserted_;
};

}  // namespace

InlineText slice_inline_text(const InlineText& text, size_t start, size_t end) {
  MarkupSlicer slicer(text);
  return slicer.slice(start, end);
}

ParagraphLayout layout_in_pieces(const TextContext& context, InlineText text, const ParagraphSpec& spec) {
  ParagraphLayout out;
  MarkupSlicer slicer(text);
  ParagraphSpec window_spec = spec;
  window_spec.in_pieces = false;
  const size_t size = text.text.size();
  size_t start = 0;
  while (start < size) {
    // A window with too few lines to drop one (a very long word, a run of combining marks)
    // grows until it has two, or reaches the end.
    size_t want = kPieceBytes, end = 0, keep = 0;
    ParagraphLayout piece;
    for (;;) {
      end = window_end(text.text, start, want);
      piece = layout_paragraph(context, slicer.slice(start, end), window_spec);
      keep = end == size ? piece.lines.size() : piece.lines.size() - 1;
      if (end == size || (piece.lines.size() >= 2 && piece.lines[keep].start > 0)) break;
      want *= 2;
    }
    const int index = int(out.pieces.size());
    out.pieces.push_back({piece.layout, int(start), {}});
    SourceOffsets source(std::string_view(text.text).substr(start, end - start), pango_layout_get_text(piece.layout.get()));
    for (size_t k = 0; k < keep; ++k) {
      LineBox box = piece.lines[k];
      const size_t from = source(size_t(box.start)), to = source(size_t(box.start + box.length));
      box.start = int(start + from);
      box.length = int(to - from);
      box.piece = index;
      box.piece_line = int(k);
      out.lines.push_back(box);
    }
    const size_t next_start = end == size ? 0 : source(size_t(piece.lines[keep].start));
    out.pieces.back().inserted = std::move(source.inserted_);
    if (end == size) break;
    start += next_start;
    window_spec.indent = 0;  // only the paragraph's first line is indented
  }
  out.layout = out.pieces.empty() ? SharedLayout{} : out.pieces.front().layout;
  out.links = std::move(text.links);
  out.notes = std::move(text.notes);
  return out;
}

}  // namespace folio::pdf
