// The read-post cache: a Document and its diagnostics go to bytes and back unchanged, damaged
// bytes are refused without a crash, and read_post_cached reads a post once.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "../content/temp_dir.hpp"
#include "helpers.hpp"
#include "markdown/document_codec.hpp"
#include "markdown/read_cache.hpp"

using namespace folio;
using namespace folio::test;
using folio::markdown::decode_read_post;
using folio::markdown::encode_read_post;
using folio::markdown::ReadPost;

namespace {

// Every kind of block and inline the reader makes (a RawBlock only when libxml2 fails: made by hand below), with positions, ids and footnotes.
const char* const rich = R"(# Title one

Text with *emphasis*, **strong**, ~~struck~~, `code`, $x^2$, H<sub>2</sub>O, x<sup>2</sup> and a [link](https://example.com "t")
and an image ![alt](a.png "img") and a note[^n] and <ruby>漢<rt>kan</rt></ruby>.  
After a hard break.

## 二级标题 {#custom}

- [ ] task
- [x] done
  1. nested
  2. ordered

> A quote with **bold**.

```go {linenos=table,hl_lines=[2],linenostart=5}
package main
func main() {}
```

| a | b |
|:--|--:|
| 1 | 2 |

---

![figure alt](fig.png "caption")

Term
: Definition one

{{< details summary="More" >}}
Inside details.
{{< /details >}}

<div class="x">raw <b>html</b></div>

$$
E = mc^2
$$

[^n]: The note, with `code`.
)";

Document read_rich(Diagnostics& diags) {
  MarkdownOptions options;
  return read(rich, diags, options);
}

}  // namespace

TEST_CASE("a read post goes to bytes and back unchanged") {
  Diagnostics diags;
  ReadPost post{read_rich(diags), {}};
  post.diagnostics = {{Severity::warning, {"content/posts/a.md", 3, 7}, "a warning"},
                      {Severity::note, {"content/posts/a.md", 0, 0}, "a note"}};
  REQUIRE(post.document.footnotes.size() == 1);
  const std::string json = to_json(post.document);
  for (const char* kind : {"BlockQuote", "Code", "CodeBlock", "DefinitionList", "Division", "Emphasis", "Figure",
                           "FootnoteRef", "Heading", "Image", "LineBreak", "Link", "List", "Math", "Paragraph",
                           "Ruby", "Strikethrough", "Strong", "Subscript", "Superscript", "Table", "Text",
                           "ThematicBreak"})
    CHECK_MESSAGE(json.find(std::string("\"t\":\"") + kind + "\"") != std::string::npos, std::string(kind));
  const std::string bytes = encode_read_post(post);
  auto back = decode_read_post(bytes);
  REQUIRE(back);
  CHECK(to_json(back->document) == to_json(post.document));
  CHECK(encode_read_post(*back) == bytes);
  REQUIRE(back->diagnostics.size() == 2);
  CHECK(back->diagnostics[0].format() == post.diagnostics[0].format());
  CHECK(back->diagnostics[1].severity == Severity::note);
}

TEST_CASE("fields the JSON form leaves out survive too: link targets, code tokens and lines, raw blocks") {
  ReadPost post;
  CodeBlock code("go", "go {linenos=table}", "package main\n");
  code.highlight = "Go";
  code.guessed = true;
  code.tokens = {{0, 7, TokenStyle::keyword}, {8, 4, TokenStyle::data_type}};
  code.lines.numbers = CodeLines::Numbers::table;
  code.lines.start = 5;
  code.lines.highlighted = {1, 3};
  code.lines.tab_width = 8;
  post.document.blocks.push_back(Block{std::move(code), {7, 1}});
  Link link;
  link.href = "../b/";
  link.target = {3, "intro", ""};
  link.children.push_back(Inline{Text{"see"}, {9, 2}});
  post.document.blocks.push_back(Block{Paragraph{{Inline{std::move(link), {9, 1}}}}, {9, 1}});
  post.document.blocks.push_back(Block{RawBlock{"html", "<x>"}, {11, 1}});
  auto back = decode_read_post(encode_read_post(post));
  REQUIRE(back);
  CHECK(std::get<RawBlock>(back->document.blocks[2].node).text == "<x>");
  const auto& c = std::get<CodeBlock>(back->document.blocks[0].node);
  CHECK(c.highlight == "Go");
  CHECK(c.guessed);
  REQUIRE(c.tokens.size() == 2);
  CHECK(c.tokens[1].offset == 8);
  CHECK(c.tokens[1].length == 4);
  CHECK(c.tokens[1].style == TokenStyle::data_type);
  CHECK(c.lines.numbers == CodeLines::Numbers::table);
  CHECK(c.lines.start == 5);
  CHECK(c.lines.highlighted == std::vector<int>{1, 3});
  CHECK(c.lines.tab_width == 8);
  const auto& p = std::get<Paragraph>(back->document.blocks[1].node);
  const auto& l = std::get<Link>(p.children[0].node);
  CHECK(l.target.chapter == 3);
  CHECK(l.target.fragment == "intro");
  CHECK(p.children[0].pos.line == 9);
}

TEST_CASE("bytes cut short or damaged are refused, never half read") {
  Diagnostics diags;
  const std::string bytes = encode_read_post({read_rich(diags), {}});
  for (size_t n = 0; n < bytes.size(); ++n) CHECK_FALSE(decode_read_post(std::string_view(bytes).substr(0, n)));
  CHECK_FALSE(decode_read_post(bytes + "x"));
  // Flipped bytes decode to something or nothing, but never crash or run away.
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string damaged = bytes;
    damaged[rng() % damaged.size()] = char(rng());
    (void)decode_read_post(damaged);
  }
}

TEST_CASE("cache keys name the code that made an entry: this binary's build id") {
  const std::string id = build_id_of_this_code();
  CHECK(id.size() >= 16);
  CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("read_post_cached reads a post once and replays its diagnostics") {
  TempDir dir;
  const ArtifactCache cache(dir.path());
  MarkdownOptions options;
  ReadContext context{&options, nullptr};
  Post post = make_post("Text {{< unknown-shortcode >}} here.\n\n## A heading\n");
  Diagnostics first;
  Document a = markdown::read_post_cached(post, context, cache, first);
  REQUIRE(first.warning_count() == 1);
  // One entry, which the second read takes instead of reading.
  size_t entries = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path() / "artifacts" / "document"))
    entries += e.is_regular_file();
  CHECK(entries == 1);
  Diagnostics second;
  Document b = markdown::read_post_cached(post, context, cache, second);
  CHECK(to_json(b) == to_json(a));
  REQUIRE(second.warning_count() == 1);
  CHECK(second.all()[0].format() == first.all()[0].format());

  // Another body is another entry; a damaged entry is read again, with the same result.
  post.body += "More.\n";
  Diagnostics third;
  Document c = markdown::read_post_cached(post, context, cache, third);
  CHECK(to_json(c) != to_json(a));
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path() / "artifacts" / "document"))
    if (e.is_regular_file()) std::filesystem::resize_file(e.path(), e.file_size() / 2);
  Diagnostics fourth;
  Document d = markdown::read_post_cached(post, context, cache, fourth);
  CHECK(to_json(d) == to_json(c));
  CHECK(fourth.warning_count() == 1);
}
