// Bad input never crashes: random mixes of the constructs the reader special-cases.
#include <cstdio>
#include <cstdlib>
#include <random>

#include "helpers.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("random soup of Markdown, shortcodes and HTML reads without crashing") {
  const char* pieces[] = {
      "{{<", ">}}", "{{%", "%}}", "{{</*", "*/>}}", " figure src=a.png ", "details", "/details",
      "highlight go", "/highlight", "ref \"x.md\"", "<div>", "</div>", "<center>", "<b>", "</i>",
      "<img src=x>", "<br>", "<table><tr><td>", "&nbsp;", "&#x4e2d;", "&bogus;", "[^1]", "[^1]: ",
      "[^", "`", "```", "~~~", "|-|-|", "| a | b |", ":-|:-", ": ", "Term", "\n", "\n\n", "    ",
      "*", "**", "_", "~~", "$", "$$", "[", "](", ")", "![", "<!--more-->", "<!--", "-->", "{#id}",
      "# ", "## ", "> ", "> [!NOTE]", "- ", "1. ", "- [x] ", "中文", "，", "“", "'", "\"", "--",
      "...", ":smile:", "https://a.org", "www.b.org", "\t", "\xEE\x80\x80" "B0" "\xEE\x80\x81",
      "\xEE\x80\x80" "O9" "\xEE\x80\x81", "\xff", "\0",
  };
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1), length(1, 60);
  MarkdownOptions options;
  options.emoji = true;
  for (int round = 0; round < 1500; ++round) {
    std::string body;
    size_t n = length(rng);
    for (size_t i = 0; i < n; ++i) body += pieces[pick(rng)];
    Diagnostics diag;
    if (std::getenv("FOLIO_PRINT_SOUP")) std::fprintf(stderr, "---SOUP---\n%s\n---END---\n", body.c_str());
    Document doc = read(body, diag, options);
    std::string json = to_json(doc);
    REQUIRE(!json.empty());
    // Every node has a place inside the text it came from.
    size_t lines = 1;
    for (char c : body) lines += c == '\n';
    bool placed = true;
    for_each_block(doc.blocks, [&](const Block& b) {
      if (b.pos.line > lines || b.pos.line == 0) placed = false;
    });
    INFO(body);
    CHECK(placed);
  }
}

TEST_CASE("columns count bytes of the line's UTF-8 text") {
  Diagnostics diag;
  Document doc = read("中文 *强调* [^x]\n", diag);
  auto em = inlines_of<Emphasis>(doc);
  REQUIRE(em.size() == 1);
  CHECK(em[0]->pos.line == 1);
  CHECK(em[0]->pos.column == 8);  // after 6 bytes of 中文 and a space
  CHECK(has(diag, "a.md:1:17: warning: footnote [^x] has no definition"));
}

TEST_CASE("md4c 0.4.8 closing a span it never opened does not unbalance the reader") {
  // md4c sends leave_span(EM) without enter_span here (`**` inside an autolink).
  Diagnostics diag;
  Document doc = read("https://a.org/x'[^\"**y\n\"{{</*- z\n\nnext\n", diag);
  REQUIRE(doc.blocks.size() == 2);
  CHECK(plain_text(std::get<Paragraph>(doc.blocks[1].node).children) == "next");
}
