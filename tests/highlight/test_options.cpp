// Hugo's fence attributes, the highlight shortcode's options, markup.highlight and book.yaml code:.
#include <doctest/doctest.h>

#include "folio/book.hpp"
#include "folio/markdown.hpp"
#include "highlight/highlight.hpp"

using namespace folio;
using namespace folio::highlight;

TEST_CASE("fence attributes: linenos, hl_lines with ranges, linenostart") {
  CodeAttributes a = parse_code_attributes(info_attributes("go {linenos=table,hl_lines=[8,\"15-17\"],linenostart=199}"));
  REQUIRE(a.numbers);
  CHECK(*a.numbers == CodeLines::Numbers::table);
  CHECK(a.highlighted == std::vector<int>{8, 15, 16, 17});
  CHECK(a.start == 199);
  CHECK(a.unknown.empty());
}

TEST_CASE("highlight shortcode options: inline numbers, space-separated lines") {
  CodeAttributes a = parse_code_attributes("linenos=inline,hl_lines=2 4-5");
  REQUIRE(a.numbers);
  CHECK(*a.numbers == CodeLines::Numbers::inline_);
  CHECK(a.highlighted == std::vector<int>{2, 4, 5});
  CodeAttributes b = parse_code_attributes("{linenos=false, style=monokai tabWidth=2 .wide}");
  CHECK(*b.numbers == CodeLines::Numbers::none);
  CHECK(b.style == "monokai");
  CHECK(b.tab_width == 2);
  CHECK(parse_code_attributes("linenos=true").numbers == CodeLines::Numbers::table);
  CHECK(parse_code_attributes("hl_lines=[3-1, x]").highlighted.empty());  // nonsense ranges are dropped
}

namespace {

Document read_body(const std::string& body, Diagnostics& diag) {
  Post p;
  p.file = p.display_path = "content/posts/a.md";
  p.rel_path = "posts/a.md";
  p.section = "posts";
  p.body = body;
  p.body_line = 1;
  p.title = "A";
  MarkdownOptions options;
  ReadContext ctx{&options, nullptr};
  return read_post(p, ctx, diag);
}

std::vector<const CodeBlock*> codes(const Book& book) {
  std::vector<const CodeBlock*> out;
  for_each_block(book.chapters[0].document.blocks, [&](const Block& b) {
    if (auto* c = std::get_if<CodeBlock>(&b.node)) out.push_back(c);
  });
  return out;
}

}  // namespace

TEST_CASE("fences and the highlight shortcode become line options in the model") {
  Diagnostics diag;
  Book book;
  Chapter ch;
  ch.document = read_body(
      "```go {linenos=table,hl_lines=[2,\"4-5\"],linenostart=199}\na\nb\nc\nd\ne\n```\n\n"
      "{{< highlight go \"linenos=inline,hl_lines=2 4-5\" >}}\nx := 1\ny := 2\n{{< /highlight >}}\n\n"
      "```\nplain\n```\n",
      diag);
  book.chapters.push_back(std::move(ch));
  highlight_book(book, nullptr, diag);
  auto c = codes(book);
  REQUIRE(c.size() == 3);
  CHECK(c[0]->language == "go");
  CHECK(c[0]->lines.numbers == CodeLines::Numbers::table);
  CHECK(c[0]->lines.start == 199);
  CHECK(c[0]->lines.highlighted == std::vector<int>{2, 4, 5});
  CHECK(c[0]->lines.is_highlighted(4));
  CHECK_FALSE(c[0]->lines.is_highlighted(3));
  CHECK(c[1]->language == "go");
  CHECK(c[1]->text == "x := 1\ny := 2\n");
  CHECK(c[1]->lines.numbers == CodeLines::Numbers::inline_);
  CHECK(c[1]->lines.highlighted == std::vector<int>{2, 4, 5});
  CHECK(c[2]->lines.numbers == CodeLines::Numbers::none);
  if (highlighting_available()) CHECK(c[0]->highlight == "Go");
}

TEST_CASE("markup.highlight sets the defaults; book.yaml code: wins over it") {
  Value::Map map;
  map.emplace_back("lineNos", true);
  map.emplace_back("lineNumbersInTable", false);
  map.emplace_back("tabWidth", 2);
  map.emplace_back("guessSyntax", false);
  map.emplace_back("style", "no-such-style");
  const Value site(std::move(map));
  Book book;
  Chapter ch;
  ch.document.source = "a.md";
  ch.document.blocks.push_back(Block{CodeBlock{"", "", "package main\nfunc main() {}\n"}, {1, 1}});
  book.chapters.push_back(std::move(ch));
  Diagnostics diag;
  highlight_book(book, &site, diag);
  auto c = codes(book);
  CHECK(c[0]->lines.numbers == CodeLines::Numbers::inline_);
  CHECK(c[0]->lines.tab_width == 2);
  CHECK(c[0]->highlight.empty());  // guessSyntax: false
  if (highlighting_available()) CHECK(diag.contains("code theme 'no-such-style'"));

  book.config.code.line_numbers = false;
  book.config.code.guess = true;
  book.config.code.theme = "dracula";
  Diagnostics diag2;
  highlight_book(book, &site, diag2);
  c = codes(book);
  CHECK(c[0]->lines.numbers == CodeLines::Numbers::none);
  CHECK(diag2.warning_count() == 0);
  if (highlighting_available()) {
    CHECK(c[0]->highlight == "Go");
    CHECK(book.code_colors.light.theme == "Dracula");
  }
}

TEST_CASE("highlight_book guesses a language the book labels elsewhere, and only then") {
  if (!highlighting_available()) return;
  const std::string rust = "```\nfn main() {\n    let mut n = 1;\n    println!(\"{}\", n);\n}\n```\n";
  Diagnostics diag;
  for (bool labelled : {true, false}) {
    Book book;
    Chapter ch;
    ch.document = read_body((labelled ? "```rust\nlet x = 1;\n```\n\n" : "") + rust, diag);
    book.chapters.push_back(std::move(ch));
    highlight_book(book, nullptr, diag);
    const CodeBlock* guessed = codes(book).back();
    CHECK(guessed->guessed == labelled);
    CHECK(guessed->highlight == (labelled ? "Rust" : ""));
    CHECK(guessed->tokens.empty() == !labelled);
  }
}
