// Raw HTML, block and inline, into model nodes; soup handled with warnings.
#include "helpers.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("inline HTML maps to inlines") {
  Diagnostics diag;
  Document doc = read("H<sub>2</sub>O x<sup>2</sup> <b>bold</b> <em>it</em> <del>no</del> a<br>b "
                      "<a href=\"https://x.org\">link</a> <code>c</code> <img src=\"i.png\" alt=\"I\">\n",
                      diag);
  CHECK(inlines_of<Subscript>(doc).size() == 1);
  CHECK(inlines_of<Superscript>(doc).size() == 1);
  CHECK(inlines_of<Strong>(doc).size() == 1);
  CHECK(inlines_of<Emphasis>(doc).size() == 1);
  CHECK(inlines_of<Strikethrough>(doc).size() == 1);
  CHECK(inlines_of<LineBreak>(doc).size() == 1);
  auto links = inlines_of<Link>(doc);
  REQUIRE(links.size() == 1);
  CHECK(std::get<Link>(links[0]->node).href == "https://x.org");
  CHECK(std::get<Code>(inlines_of<Code>(doc)[0]->node).text == "c");
  CHECK(std::get<Image>(inlines_of<Image>(doc)[0]->node).alt == "I");
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("inline soup: unknown tags dropped with their text kept, unclosed tags closed") {
  Diagnostics diag;
  Document doc = read("a <span style=\"color:red\">red</span> and <b>never closed\n", diag);
  CHECK(para_text(doc) == "a red and never closed");
  CHECK(has(diag, "1:3: warning: HTML <span> is not kept"));
  CHECK(has(diag, "HTML <b> is never closed"));
  CHECK(inlines_of<Strong>(doc).size() == 1);
}

TEST_CASE("HTML blocks through libxml2: img, center, table, entities, unquoted attributes") {
  Diagnostics diag;
  Document doc = read(
      "Text\n\n<img src=a.png alt=Pic>\n\n<center>Centered&nbsp;text<br>line</center>\n\n"
      "<table><tr><th>H1</th><th align=right>H2</th></tr><tr><td>1</td><td>2</td></tr></table>\n\n"
      "<p>para <i>it</i></p>\n",
      diag);
  auto figs = block_nodes<Figure>(doc);
  REQUIRE(figs.size() == 1);
  CHECK(std::get<Figure>(figs[0]->node).src == "a.png");
  CHECK(std::get<Figure>(figs[0]->node).alt == "Pic");
  CHECK(figs[0]->pos.line == 3);
  auto divs = blocks_of<Division>(doc);
  REQUIRE(divs.size() == 1);
  CHECK(divs[0]->kind == "center");
  REQUIRE(divs[0]->children.size() == 1);
  auto& p = std::get<Paragraph>(divs[0]->children[0].node);
  CHECK(plain_text(p.children) == "Centered\u00A0text line");
  auto tables = blocks_of<Table>(doc);
  REQUIRE(tables.size() == 1);
  CHECK(tables[0]->header.size() == 2);
  CHECK(tables[0]->align[1] == Align::right);
  CHECK(plain_text(tables[0]->rows[0][1].children) == "2");
  CHECK(inlines_of<Emphasis>(doc).size() == 1);
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("a div opened and closed around Markdown becomes a division") {
  Diagnostics diag;
  Document doc = read("<div align=\"center\">\n\n![x](a.png)\n\nText\n\n</div>\n\nafter\n", diag);
  auto divs = blocks_of<Division>(doc);
  REQUIRE(divs.size() == 1);
  CHECK(divs[0]->kind == "center");
  CHECK(divs[0]->children.size() == 2);
  CHECK(std::holds_alternative<Paragraph>(doc.blocks.back().node));
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("details/summary in HTML, figure/figcaption, pre") {
  Diagnostics diag;
  Document doc = read(
      "<details><summary>Click</summary>Hidden</details>\n\n"
      "<figure><a href=\"big.png\"><img src=\"s.png\" alt=\"S\"></a><figcaption>Cap <b>b</b></figcaption></figure>\n\n"
      "<pre><code class=\"language-go\">x := 1\n</code></pre>\n",
      diag);
  auto divs = blocks_of<Division>(doc);
  REQUIRE(divs.size() == 1);
  CHECK(divs[0]->kind == "details");
  CHECK(plain_text(divs[0]->title) == "Click");
  auto figs = blocks_of<Figure>(doc);
  REQUIRE(figs.size() == 1);
  CHECK(figs[0]->src == "s.png");
  CHECK(figs[0]->link == "big.png");
  CHECK(plain_text(figs[0]->caption) == "Cap b");
  auto code = blocks_of<CodeBlock>(doc);
  REQUIRE(code.size() == 1);
  CHECK(code[0]->language == "go");
  CHECK(code[0]->text == "x := 1\n");
}

TEST_CASE("block soup: unknown tags warn naming the tag, unclosed tags warn, text kept") {
  Diagnostics diag;
  Document doc = read("<div><marquee>Moving</marquee>\n<p>unclosed <b>bold\n", diag);
  CHECK(has(diag, "HTML <marquee> is not kept"));
  CHECK(has(diag, "1:1: warning: HTML <div> is never closed"));
  std::string all;
  for_each_inline(doc, [&](const Inline& in) {
    if (auto* t = std::get_if<Text>(&in.node)) all += t->text;
  });
  CHECK(all.find("Moving") != std::string::npos);
  CHECK(all.find("bold") != std::string::npos);
}

TEST_CASE("script and iframe are dropped with a warning; an iframe keeps its link") {
  Diagnostics diag;
  Document doc = read("<script>alert(1)</script>\n\n<iframe src=\"https://player.example/v\"></iframe>\n", diag);
  CHECK(has(diag, "HTML <script> is not kept"));
  CHECK(has(diag, "HTML <iframe> is not kept"));
  auto links = inlines_of<Link>(doc);
  REQUIRE(links.size() == 1);
  CHECK(std::get<Link>(links[0]->node).href == "https://player.example/v");
}
