// Long paragraphs and code blocks laid out a window at a time: the same lines as one
// layout of the whole, each line's bytes in its piece's layout, markup carried across.
#include <doctest/doctest.h>

#include <string>

#include "font_families.hpp"
#include "inline/paragraph_pieces.hpp"
#include "style.hpp"

using namespace folio;
using namespace folio::pdf;

namespace {

// A long paragraph of Latin and Han words, with a link and bold text in the middle.
InlineText long_text(size_t bytes) {
  static const char* words[] = {"scheduler", "runs", "goroutines", "on", "threads", "调度器", "把", "放在", "线程", "上"};
  std::string before, after;
  for (size_t i = 0; before.size() < bytes / 2; ++i) before += std::string(words[(i * 7) % 10]) + " ";
  for (size_t i = 0; after.size() < bytes / 2; ++i) after += std::string(words[(i * 3) % 10]) + " ";
  InlineSettings settings;
  settings.code_families = "DejaVu Sans Mono";
  InlineText t;
  Link link;
  link.href = "https://example.org/";
  link.children = {Inline{Text{"a link across the window"}, {}}};
  append_inlines({Inline{Text{before}, {}}, Inline{Strong{{Inline{Text{"bold words"}, {}}}}, {}},
                  Inline{std::move(link), {}}, Inline{Text{after}, {}}},
                 settings, t);
  return t;
}

ParagraphSpec body_spec() {
  Diagnostics diag;
  static FontFamilies fonts = font_families({}, "zh-CN", diag);
  ParagraphSpec spec;
  spec.families = fonts.body;
  spec.width = 300;
  spec.indent = 21;
  return spec;
}

}  // namespace

TEST_CASE("a paragraph laid out in pieces has the lines of the whole paragraph") {
  TextContext context{"zh-CN"};
  ParagraphSpec whole_spec = body_spec();
  ParagraphSpec pieces_spec = whole_spec;
  pieces_spec.in_pieces = true;
  InlineText text = long_text(5 * kPieceBytes);
  const std::string copy = text.text;
  ParagraphLayout whole = layout_paragraph(context, long_text(5 * kPieceBytes), whole_spec);
  ParagraphLayout pieces = layout_paragraph(context, std::move(text), pieces_spec);
  CHECK(whole.pieces.empty());
  CHECK(pieces.pieces.size() >= 5);
  REQUIRE(pieces.lines.size() == whole.lines.size());
  for (size_t k = 0; k < whole.lines.size(); ++k) {
    CAPTURE(k);
    CHECK(pieces.lines[k].start == whole.lines[k].start);
    CHECK(pieces.lines[k].length == whole.lines[k].length);
    // The line's bytes, as its piece's layout holds them, are the paragraph's.
    const LineBox& box = pieces.lines[k];
    const ParagraphPiece& piece = pieces.pieces[size_t(box.piece)];
    const std::string piece_text = pango_layout_get_text(piece.layout.get());
    PangoLayoutLine* line = pango_layout_get_line_readonly(piece.layout.get(), box.piece_line);
    REQUIRE(line);
    CHECK(line->start_index == box.start - piece.offset);
    CHECK(piece_text.substr(size_t(line->start_index), size_t(line->length)) ==
          copy.substr(size_t(box.start), size_t(box.length)));
  }
  // Only the first line is indented.
  CHECK(pieces.lines[0].x == doctest::Approx(whole.lines[0].x));
  CHECK(pieces.lines.back().x == doctest::Approx(whole.lines.back().x));
  CHECK(pieces.links.size() == whole.links.size());
}

TEST_CASE("slicing markup clips attributes, links and notes to the window and counts from its start") {
  InlineText t = long_text(4000);
  const size_t bold = t.text.find("bold words");
  REQUIRE(bold != std::string::npos);
  InlineText s = slice_inline_text(t, bold + 5, bold + 200);
  CHECK(s.text.substr(0, 5) == "words");
  // The bold attribute now starts at 0 and ends where "bold words" ends.
  bool found = false;
  GSList* attrs = pango_attr_list_get_attributes(s.attrs.get());
  for (GSList* l = attrs; l; l = l->next) {
    auto* a = static_cast<PangoAttribute*>(l->data);
    if (a->klass->type == PANGO_ATTR_WEIGHT) {
      found = true;
      CHECK(a->start_index == 0);
      CHECK(a->end_index == 5);
    }
    pango_attribute_destroy(a);
  }
  g_slist_free(attrs);
  CHECK(found);
  REQUIRE(s.links.size() == 1);
  CHECK(s.text.substr(size_t(s.links[0].start), 6) == "a link");
  // A window before the link holds none.
  CHECK(slice_inline_text(t, 0, 100).links.empty());
}

TEST_CASE("a code block of 20,000 lines is laid out in pieces with every source line") {
  TextContext context{"zh-CN"};
  ParagraphSpec spec = body_spec();
  spec.families = "DejaVu Sans Mono";
  spec.indent = 0;
  spec.wrap_chars = true;
  spec.cjk_rules = false;
  spec.justify = false;
  spec.in_pieces = true;
  InlineText t;
  for (int i = 0; i < 20000; ++i) t.text += "\tx" + std::to_string(i) + " := compute()\n";
  t.text.pop_back();
  ParagraphLayout p = layout_paragraph(context, std::move(t), spec);
  CHECK(p.pieces.size() > 10);
  CHECK(p.lines.size() == 20000);  // every line fits: one laid-out line per source line
  int previous_end = 0;
  for (const LineBox& box : p.lines) {
    CHECK(box.start >= previous_end);
    previous_end = box.start + box.length;
  }
}
