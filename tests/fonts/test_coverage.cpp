// Coverage: characters no font of their role's chain covers, located at their first place.
#include <doctest/doctest.h>

#include "font_test_support.hpp"
#include "folio/fonts.hpp"

using namespace folio;

namespace {

const FontSet& installed_fonts() {
  static Diagnostics diags;
  static const FontSet set = resolve_fonts({}, "zh-CN", diags);
  return set;
}

}  // namespace

TEST_CASE("a character no font covers is reported once, where it first occurs") {
  Document doc;
  doc.source = "content/posts/x.md";
  // 🧑 after two Han characters (6 bytes) on a line that starts at column 12.
  doc.blocks.push_back(test::paragraph_at({test::text_at("你好🧑 again 🧑", 40, 12)}, 40, 12));
  Heading h;
  h.children.push_back(test::text_at("标题 🧑", 42, 4));
  doc.blocks.push_back(Block{h, {42, 1}});
  // A Linear B letter inside a code block: located on its own line of the block.
  doc.blocks.push_back(Block{CodeBlock{"go", "go", "func main() {\n\tx := \"\U00010000\"\n}\n"}, {44, 1}});
  Book book = test::book_with(std::move(doc));

  Diagnostics diags;
  check_coverage(book, installed_fonts(), diags);
  auto all = diags.all();
  // With an emoji font installed (fonts-noto-color-emoji) 🧑 has a font; without, it is reported.
  FontSet fonts = installed_fonts();
  bool emoji_font = false;
  for (const auto& f : fonts.body.fonts) emoji_font = emoji_font || f.script == "emoji";
  REQUIRE(all.size() == (emoji_font ? 1u : 2u));
  if (!emoji_font) CHECK(all[0].format() == "content/posts/x.md:40:18: warning: no font covers U+1F9D1 (🧑)");
  CHECK(all.back().format() == "content/posts/x.md:46:8: warning: no font covers U+10000 (𐀀)");
  CHECK(diags.error_count() == 0);
}

TEST_CASE("text the chains cover gives no diagnostic") {
  Document doc;
  doc.source = "a.md";
  doc.blocks.push_back(test::paragraph_at(
      {test::text_at("中文与 English，“引号”……——", 1, 1), Inline{Code{"fmt.Println(\"你好\")"}, {1, 30}}}, 1));
  doc.blocks.push_back(Block{CodeBlock{"go", "go", "// 注释 → ✓ ±×÷\nfunc f() {}\n"}, {3, 1}});
  Book book = test::book_with(std::move(doc));
  Diagnostics diags;
  check_coverage(book, installed_fonts(), diags);
  for (const auto& d : diags.all()) MESSAGE(d.format());
  CHECK(diags.all().empty());
}

TEST_CASE("a Latin-only code font leaves Han in code to the CJK mono, not a miss") {
  Diagnostics diags;
  FontOptions options;
  options.code = "DejaVu Sans Mono";
  FontSet set = resolve_fonts(options, "zh-CN", diags);
  Document doc;
  doc.source = "b.md";
  doc.blocks.push_back(Block{CodeBlock{"", "", "汉字\n"}, {1, 1}});
  Book book = test::book_with(std::move(doc));
  check_coverage(book, set, diags);
  CHECK(diags.all().empty());
}

TEST_CASE("titles, table cells, footnotes and inline code are checked, each at its own place") {
  Document doc;
  doc.source = "content/posts/y.md";
  Table table;
  table.align = {Align::none};
  table.header.push_back(TableCell{{test::text_at("列", 3, 3)}, {3, 3}});
  table.rows.push_back({TableCell{{test::text_at("x \U00010001", 5, 3)}, {5, 3}}});
  doc.blocks.push_back(Block{table, {3, 1}});
  doc.blocks.push_back(test::paragraph_at({test::text_at("见 ", 7, 1), Inline{Code{"\U00010002"}, {7, 5}}}, 7));
  Footnote note;
  note.label = "1";
  note.number = 1;
  note.children.push_back(test::paragraph_at({test::text_at("注 \U00010003", 9, 6)}, 9, 6));
  doc.footnotes.push_back(note);
  Book book = test::book_with(std::move(doc), "标题 \U00010004");

  Diagnostics diags;
  check_coverage(book, installed_fonts(), diags);
  std::vector<std::string> lines;
  for (const auto& d : diags.all()) lines.push_back(d.format());
  REQUIRE(lines.size() == 4);
  // The chapter title comes first (the book opens with it), located at its post's file.
  CHECK(lines[0] == "content/posts/y.md: warning: no font covers U+10004 (\U00010004)");
  CHECK(lines[1] == "content/posts/y.md:5:5: warning: no font covers U+10001 (\U00010001)");
  CHECK(lines[2] == "content/posts/y.md:7:5: warning: no font covers U+10002 (\U00010002)");
  CHECK(lines[3] == "content/posts/y.md:9:10: warning: no font covers U+10003 (\U00010003)");
}
