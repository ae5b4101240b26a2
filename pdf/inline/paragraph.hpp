// A paragraph: Inlines turned into text with Pango attributes, then one wrapped PangoLayout
// whose lines the flow places one by one.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/document.hpp"
#include "handles.hpp"
#include "style.hpp"
#include "text_context.hpp"

namespace folio::pdf {

/// A link over a byte range of the paragraph text.
struct LinkSpan {
  int start = 0;  ///< byte offsets into the text
  int end = 0;
  LinkTarget target;
  std::string dest;  ///< a named destination of this PDF (footnotes); used instead of target when set
};

/// A footnote reference at a byte offset of the text.
struct NoteRef {
  int index = 0;
  int number = 0;  ///< footnote number in the chapter
};

/// An inline code span over a byte range of the paragraph text.
struct CodeSpan {
  int start = 0;  ///< byte offsets into the text
  int end = 0;
  double size = 9;  ///< points
};

/// A ruby's reading, set above its base: the byte range of the base in the paragraph text.
struct RubySpan {
  int start = 0;  ///< byte offsets into the text
  int end = 0;
  std::string reading;
};

/// The text of a paragraph and what marks it up.
struct InlineText {
  std::string text;
  AttrListPtr attrs{pango_attr_list_new()};
  std::vector<LinkSpan> links;
  std::vector<NoteRef> notes;
  std::vector<CodeSpan> code;  ///< inline code, in order
  std::vector<RubySpan> ruby;  ///< ruby bases and their readings, in order
};

/// What the inline builder needs besides the inlines.
struct InlineSettings {
  std::string code_families;
  /// Bold text's families: the heading role's (Chinese emphasis-bold is a sans bold, 黑体),
  /// so that bold is a real face and never a synthetic one. Empty keeps the paragraph's.
  std::string strong_families;
  /// Han text in emphasis: a Kai face's families (empty: a slant, when no Kai face is installed).
  std::string emphasis_han_families;
  /// How Han text in emphasis is set (kai needs emphasis_han_families).
  HanEmphasis emphasis = HanEmphasis::slant;
  double code_size = 9;
  double font_size = 10.5;
  int chapter = 0;  ///< for footnote destination names
  std::string image_label;  ///< shown for an inline image without alt text (BookLabels::image)
  /// Called for an external link in handout mode: returns the number of a new footnote
  /// that prints the URL (or 0 for none).
  std::function<int(const std::string& url)> url_note;
};

/// Appends inlines to `out`, adding attributes for bold, italic, code, links, strike,
/// superscript, subscript and footnote references.
void append_inlines(const Inlines& inlines, const InlineSettings& settings, InlineText& out);

/// A copy of `text` with its own attribute list.
InlineText clone(const InlineText& text);

/// Inserts `mark` (a character drawn as nothing, such as U+200B or U+00AD) at byte `at` of
/// the text, and moves what lies behind it: attributes that cover `at` grow, links, notes,
/// code and ruby spans after it move (a span that starts at `at` keeps its start).
void insert_invisible(InlineText& text, int at, std::string_view mark);

/// Plain text of inlines (code kept, images by their alt text), for titles and outlines.
std::string inline_plain_text(const Inlines& inlines);

/// How a paragraph is set.
struct ParagraphSpec {
  std::string families;
  std::string latin_families;    ///< for quotes between Latin letters (empty: `families`)
  double size = 10.5;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoStyle style = PANGO_STYLE_NORMAL;
  double width = 300;            ///< points
  double indent = 0;             ///< first-line indent, points
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool justify = true;           ///< without cjk_rules: Pango's own justification
  bool cjk_rules = true;         ///< clreq rules and justification of left-aligned text (off for code)
  bool wrap_chars = false;       ///< break anywhere (code)
  /// Hyphenate Latin words where a justified line would be loose (body text), with the
  /// context's hyphenation patterns.
  bool hyphenate = false;
  double latin_gap_em = 0.25;
  double pitch = 0;              ///< minimum line height (0: the line's own)
  /// A long paragraph may be laid out in pieces (several layouts; see paragraph_pieces.hpp).
  /// Only for callers that place line by line through ParagraphLayout::piece_of.
  bool in_pieces = false;
};

/// One line of a laid-out paragraph.
struct LineBox {
  double height = 0;    ///< space the line takes in the flow
  double baseline = 0;  ///< from the top of that space
  double x = 0;         ///< left of the line's logical box relative to the layout
  int start = 0;        ///< byte range of the text
  int length = 0;
  int piece = 0;        ///< index into ParagraphLayout::pieces (0 when there are none)
  int piece_line = 0;   ///< the line's index in its piece's layout
};

/// One layout of a paragraph laid out in pieces: it holds the text from `offset` on.
struct ParagraphPiece {
  SharedLayout layout;
  int offset = 0;  ///< byte offset of the layout's text in the paragraph's text
  /// Invisible marks the layout's text has and the paragraph's does not (soft hyphens,
  /// break marks): (offset in the piece's source text, bytes inserted up to there).
  std::vector<std::pair<int, int>> inserted;
  /// An offset in the piece's source text as an offset in its layout's text.
  int laid_offset(int source) const {
    int extra = 0;
    for (const auto& [at, bytes] : inserted) {
      if (at > source) break;
      extra = bytes;
    }
    return source + extra;
  }
};

/// A laid-out paragraph.
struct ParagraphLayout {
  SharedLayout layout;            ///< the whole paragraph (the first piece when in pieces)
  std::vector<ParagraphPiece> pieces;  ///< empty unless laid out in pieces
  std::vector<LineBox> lines;     ///< byte ranges relative to the whole paragraph's text
  std::vector<LinkSpan> links;
  std::vector<NoteRef> notes;
  double height() const;
  /// The layout holding a line, and the offset of that layout's text in the paragraph.
  const SharedLayout& layout_of(const LineBox& line) const {
    return pieces.empty() ? layout : pieces[size_t(line.piece)].layout;
  }
  int offset_of(const LineBox& line) const { return pieces.empty() ? 0 : pieces[size_t(line.piece)].offset; }
  /// A paragraph offset as an offset in the text of the layout holding `line`.
  int laid_offset(const LineBox& line, int offset) const {
    if (pieces.empty()) return offset;
    const ParagraphPiece& piece = pieces[size_t(line.piece)];
    return piece.laid_offset(offset - piece.offset);
  }
};

ParagraphLayout layout_paragraph(const TextContext& context, InlineText text, const ParagraphSpec& spec);

}  // namespace folio::pdf
