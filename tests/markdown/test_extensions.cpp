// Hugo's Markdown extensions on top of md4c: ids, footnotes, definition lists,
// typographer, emoji, heading levels.
#include "helpers.hpp"
#include "markdown/reading.hpp"

using namespace folio;
using namespace folio::test;

static std::vector<std::string> ids(const Document& doc) {
  std::vector<std::string> out;
  for (auto* h : blocks_of<Heading>(doc)) out.push_back(h->id);
  return out;
}

TEST_CASE("Hugo github heading ids: CJK kept, punctuation dropped, repeats numbered") {
  Diagnostics diag;
  Document doc = read(
      "## 4.3 优先级反转问题\n\n## 一、 RabbitMQ：精密的任务派发中心 (AMQP 架构)\n\n"
      "## 读写信号量的相关`API`：\n\n## 1.3 PHY 和 SMI 栈\n\n## 总结\n\n## 总结\n\n## ???\n",
      diag);
  CHECK(ids(doc) == std::vector<std::string>{"43-优先级反转问题", "一-rabbitmq精密的任务派发中心-amqp-架构",
                                             "读写信号量的相关api", "13-phy-和-smi-栈", "总结", "总结-1",
                                             "heading"});
}

TEST_CASE("github-ascii and blackfriday id types") {
  CHECK(markdown::hugo_heading_id("1.3 PHY 和 SMI 栈", "github-ascii") == "13-phy--smi-");
  CHECK(markdown::hugo_heading_id("4.3 优先级反转问题", "github-ascii") == "43-");
  CHECK(markdown::hugo_heading_id("Café au lait", "github-ascii") == "cafe-au-lait");
  CHECK(markdown::hugo_heading_id("Hello,  World!", "blackfriday") == "hello-world");
  CHECK(markdown::hugo_heading_id("Hello,  World!", "github") == "hello--world");
}

TEST_CASE("{#id} attributes are honoured and duplicates warn") {
  Diagnostics diag;
  Document doc = read("## Intro {#start}\n\n## Start\n\n## Other {#start .cls}\n", diag);
  auto hs = blocks_of<Heading>(doc);
  REQUIRE(hs.size() == 3);
  CHECK(hs[0]->id == "start");
  CHECK(plain_text(hs[0]->children) == "Intro");
  CHECK(hs[1]->id == "start-1");
  CHECK(plain_text(hs[2]->children) == "Other");
  CHECK(hs[2]->id != "start");
  CHECK(has(diag, "5:1: warning: duplicate heading id 'start'"));
}

TEST_CASE("headings: # body headings shift under the title, a repeated title is dropped") {
  Diagnostics diag;
  Document doc = read("# A post\n\nText\n\n# Part\n\n## Sub\n", diag);
  auto hs = blocks_of<Heading>(doc);
  REQUIRE(hs.size() == 2);
  CHECK(plain_text(hs[0]->children) == "Part");
  CHECK(hs[0]->level == 2);
  CHECK(hs[1]->level == 3);
  Document kept = read("## Already two\n\n### three\n", diag);
  CHECK(blocks_of<Heading>(kept)[0]->level == 2);
}

TEST_CASE("footnotes: numbered by first reference, definitions parsed, bad ones warned") {
  Diagnostics diag;
  Document doc = read(
      "First[^b] and second[^a], again[^b], missing[^zz].\n\n"
      "[^a]: Note A with *emphasis*.\n"
      "[^b]: Note B\n    continued here.\n\n"
      "[^unused]: never referenced\n\nAfter.\n",
      diag);
  auto refs = inlines_of<FootnoteRef>(doc);
  REQUIRE(refs.size() == 4);
  CHECK(std::get<FootnoteRef>(refs[0]->node).label == "b");
  CHECK(std::get<FootnoteRef>(refs[0]->node).number == 1);
  CHECK(std::get<FootnoteRef>(refs[1]->node).number == 2);
  CHECK(std::get<FootnoteRef>(refs[2]->node).number == 1);
  CHECK(std::get<FootnoteRef>(refs[3]->node).number == 0);
  CHECK(refs[0]->pos.column == 6);
  REQUIRE(doc.footnotes.size() == 2);
  CHECK(doc.footnotes[0].label == "b");
  CHECK(doc.footnotes[0].pos.line == 4);
  REQUIRE(doc.footnotes[0].children.size() == 1);
  CHECK(plain_text(std::get<Paragraph>(doc.footnotes[0].children[0].node).children) ==
        "Note B continued here.");
  CHECK(doc.footnotes[1].children[0].pos.line == 3);
  CHECK(has(diag, "1:45: warning: footnote [^zz] has no definition"));
  CHECK(has(diag, "7:1: warning: footnote [^unused] is defined but never referenced"));
  CHECK(para_text(doc, 1) == "After.");
  CHECK(blocks_of<Paragraph>(doc).size() == 2);
}

TEST_CASE("footnote references in code stay text") {
  Diagnostics diag;
  Document doc = read("`a[^1]`\n", diag);
  CHECK(inlines_of<FootnoteRef>(doc).empty());
}

TEST_CASE("definition lists") {
  Diagnostics diag;
  Document doc = read("Before.\n\nApple\n: A fruit.\n: A company.\n\nGo\n: A language\n  on two lines.\n\nAfter.\n", diag);
  auto dls = block_nodes<DefinitionList>(doc);
  REQUIRE(dls.size() == 1);
  auto& dl = std::get<DefinitionList>(dls[0]->node);
  REQUIRE(dl.items.size() == 2);
  CHECK(plain_text(dl.items[0].term) == "Apple");
  REQUIRE(dl.items[0].definitions.size() == 2);
  CHECK(plain_text(std::get<Paragraph>(dl.items[0].definitions[1][0].node).children) == "A company.");
  CHECK(plain_text(std::get<Paragraph>(dl.items[1].definitions[0][0].node).children) ==
        "A language on two lines.");
  CHECK(dl.items[1].pos.line == 7);
  CHECK(dls[0]->pos.line == 3);
  CHECK(plain_text(std::get<Paragraph>(doc.blocks.back().node).children) == "After.");
}

TEST_CASE("typographer on normal text only, switchable") {
  Diagnostics diag;
  Document doc = read("\"Hi\" it's -- a---b... `\"code\" --` <https://a.org/x--y>\n", diag);
  std::string text = para_text(doc);
  CHECK(text.find("\u201CHi\u201D it\u2019s \u2013 a\u2014b\u2026") == 0);
  CHECK(std::get<Code>(inlines_of<Code>(doc)[0]->node).text == "\"code\" --");
  CHECK(text.find("https://a.org/x--y") != std::string::npos);
  MarkdownOptions off;
  off.typographer = false;
  CHECK(para_text(read("\"Hi\" -- x\n", diag, off)) == "\"Hi\" -- x");
}

TEST_CASE("emoji codes when enabled, never in code") {
  Diagnostics diag;
  MarkdownOptions on;
  on.emoji = true;
  Document doc = read("Done :tada: :rocket: :notanemoji: `:smile:`\n", diag, on);
  CHECK(para_text(doc) == "Done \U0001F389 \U0001F680 :notanemoji: :smile:");
  CHECK(para_text(read("Done :tada:\n", diag)) == "Done :tada:");
  SiteConfig site;
  site.enable_emoji = true;
  CHECK(para_text(read(":+1:\n", diag, {}, 1, &site)) == "\U0001F44D");
}

TEST_CASE("GitHub alerts become divisions of their kind") {
  Diagnostics diag;
  Document doc = read("> [!WARNING]\n> Mind the *gap*.\n\n> [!nope] plain quote\n", diag);
  auto divs = blocks_of<Division>(doc);
  REQUIRE(divs.size() == 1);
  CHECK(divs[0]->kind == "warning");
  REQUIRE(divs[0]->children.size() == 1);
  CHECK(plain_text(std::get<Paragraph>(divs[0]->children[0].node).children) == "Mind the gap.");
  CHECK(blocks_of<BlockQuote>(doc).size() == 1);
}

TEST_CASE("permissive autolinks: URL, www (https, as Hugo) and e-mail, no typographer inside") {
  Diagnostics diag;
  Document doc = read("See https://a.org/x--y, www.example.com/a--b and me@example.com.\n", diag);
  auto links = inlines_of<Link>(doc);
  REQUIRE(links.size() == 3);
  CHECK(std::get<Link>(links[0]->node).href == "https://a.org/x--y");
  CHECK(plain_text(std::get<Link>(links[0]->node).children) == "https://a.org/x--y");
  CHECK(std::get<Link>(links[1]->node).href == "https://www.example.com/a--b");
  CHECK(plain_text(std::get<Link>(links[1]->node).children) == "www.example.com/a--b");
  CHECK(std::get<Link>(links[2]->node).href == "mailto:me@example.com");
}
