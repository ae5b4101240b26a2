// Hugo shortcodes: built-ins, theme mapping, unknown ones, code fences, the escape.
#include "helpers.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("figure shortcode becomes a figure block with its parameters and position") {
  Diagnostics diag;
  Document doc = read("Intro.\n\n{{< figure src=\"/img/a.png\" alt=\"An A\" title=\"Title A\" caption=\"Cap *it*\" link=\"https://l\" >}}\n\nAfter.\n",
                      diag, {}, 4);
  auto figs = block_nodes<Figure>(doc);
  REQUIRE(figs.size() == 1);
  auto& f = std::get<Figure>(figs[0]->node);
  CHECK(f.src == "/img/a.png");
  CHECK(f.alt == "An A");
  CHECK(f.title == "Title A");
  CHECK(plain_text(f.caption) == "Cap it");
  CHECK(std::holds_alternative<Emphasis>(f.caption[1].node));
  CHECK(f.caption[0].pos.line == 6);
  CHECK(f.link == "https://l");
  CHECK(figs[0]->pos.line == 6);
  CHECK(figs[0]->pos.column == 1);
  CHECK(para_text(doc, 1) == "After.");
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("figure shortcode on a line inside a paragraph, and % notation") {
  Diagnostics diag;
  Document doc = read("Text before\n{{% figure src=pic.png %}}\ntext after\n", diag);
  auto figs = blocks_of<Figure>(doc);
  REQUIRE(figs.size() == 1);
  CHECK(figs[0]->src == "pic.png");
  CHECK(blocks_of<Paragraph>(doc).size() == 2);
}

TEST_CASE("highlight shortcode becomes a code block; shortcodes are expanded inside fences") {
  Diagnostics diag;
  MarkdownOptions options;
  Post post = make_post(
      "{{< highlight go \"linenos=table\" >}}\nfunc main() {\n}\n{{< /highlight >}}\n\n"
      "```text\nversion {{< param \"version\" >}}\n{{</* figure src=\"x\" */>}}\n```\n");
  post.params = Value(Value::Map{{"version", Value("1.2")}});
  Document doc = read_post(post, ReadContext{&options, nullptr}, diag);
  auto code = blocks_of<CodeBlock>(doc);
  REQUIRE(code.size() == 2);
  CHECK(code[0]->language == "go");
  CHECK(code[0]->text == "func main() {\n}\n");
  CHECK(code[1]->text == "version 1.2\n{{< figure src=\"x\" >}}\n");
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("the escape prints a shortcode literally outside code too") {
  Diagnostics diag;
  Document doc = read("Write `{{</* ref \"a.md\" */>}}` or {{%/* x */%}}.\n", diag);
  auto codes = inlines_of<Code>(doc);
  REQUIRE(codes.size() == 1);
  CHECK(std::get<Code>(codes[0]->node).text == "{{< ref \"a.md\" >}}");
  CHECK(para_text(doc).find("{{% x %}}") != std::string::npos);
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("ref and relref give the target path as the link's href") {
  Diagnostics diag;
  Document doc = read("See [b]({{< ref \"b.md\" >}}) and [c]({{< relref \"/posts/c#part-two\" >}}).\n", diag);
  auto links = inlines_of<Link>(doc);
  REQUIRE(links.size() == 2);
  CHECK(std::get<Link>(links[0]->node).href == "b.md");
  CHECK(std::get<Link>(links[1]->node).href == "/posts/c#part-two");
}

TEST_CASE("details becomes a division holding the Markdown inside") {
  Diagnostics diag;
  Document doc = read("{{< details summary=\"More\" >}}\nHidden **text**.\n\n- a\n{{< /details >}}\n\nOut.\n", diag);
  auto divs = blocks_of<Division>(doc);
  REQUIRE(divs.size() == 1);
  CHECK(divs[0]->kind == "details");
  CHECK(plain_text(divs[0]->title) == "More");
  REQUIRE(divs[0]->children.size() == 2);
  CHECK(std::holds_alternative<List>(divs[0]->children[1].node));
  CHECK(std::holds_alternative<Paragraph>(doc.blocks.back().node));
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("youtube, gist and tweet become a link with a note") {
  Diagnostics diag;
  Document doc = read("{{< youtube dQw4w9WgXcQ >}}\n\n{{< gist spf13 7896402 >}}\n\n{{< tweet user=\"golang\" id=\"123\" >}}\n", diag);
  auto links = inlines_of<Link>(doc);
  REQUIRE(links.size() == 3);
  CHECK(std::get<Link>(links[0]->node).href == "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  CHECK(std::get<Link>(links[1]->node).href == "https://gist.github.com/spf13/7896402");
  CHECK(std::get<Link>(links[2]->node).href == "https://x.com/golang/status/123");
  CHECK(para_text(doc, 0).rfind("YouTube video", 0) == 0);
}

TEST_CASE("unknown shortcodes keep their inner content and warn where they are") {
  Diagnostics diag;
  Document doc = read("Line one.\n\n{{< admonition type=tip >}}\nInner *text*.\n{{< /admonition >}}\n\n{{< mermaid />}}\n", diag);
  CHECK(para_text(doc, 1) == "Inner text.");
  CHECK(has(diag, "unknown shortcode 'admonition'"));
  CHECK(has(diag, "unknown shortcode 'mermaid'"));
  auto all = diag.all();
  REQUIRE(all.size() == 2);
  CHECK(all[0].format() == "content/posts/a.md:3:1: warning: unknown shortcode 'admonition': its inner content is kept");
}

TEST_CASE("shortcode_map maps theme shortcodes to built-ins") {
  Diagnostics diag;
  MarkdownOptions options;
  options.shortcode_map = {{"image", "figure"}, {"admonition", "details"}};
  Document doc = read("{{< image src=\"a.jpg\" alt=\"x\" >}}\n\n{{< admonition title=\"Note\" >}}\nBody\n{{< /admonition >}}\n",
                      diag, options);
  REQUIRE(blocks_of<Figure>(doc).size() == 1);
  CHECK(blocks_of<Figure>(doc)[0]->src == "a.jpg");
  auto divs = blocks_of<Division>(doc);
  REQUIRE(divs.size() == 1);
  CHECK(plain_text(divs[0]->title) == "Note");
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("unterminated shortcodes warn and stay as text") {
  Diagnostics diag;
  Document doc = read("Broken {{< figure src=\"a.png\"\n\nnext paragraph\n\n{{< details summary=x >}}\nno end\n", diag);
  CHECK(has(diag, "unterminated shortcode"));
  CHECK(has(diag, "1:8: warning: unterminated shortcode"));
  CHECK(para_text(doc, 0).find("{{<") != std::string::npos);
  CHECK(has(diag, "unterminated shortcode 'details'"));
}
