// Markdown constructs into the model: blocks, inlines, positions, CJK soft breaks.
#include "helpers.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("paragraphs, emphasis, code and links become model nodes") {
  Diagnostics diag;
  Document doc = read("Hello *world* and **bold** `code` [link](https://x.org \"T\") ~~gone~~\n", diag);
  REQUIRE(doc.blocks.size() == 1);
  auto& p = std::get<Paragraph>(doc.blocks[0].node);
  INFO(to_json(doc));
  REQUIRE(p.children.size() >= 8);
  CHECK(std::get<Text>(p.children[0].node).text == "Hello ");
  CHECK(std::get<Emphasis>(p.children[1].node).children.size() == 1);
  CHECK(std::holds_alternative<Strong>(p.children[3].node));
  CHECK(std::get<Code>(p.children[5].node).text == "code");
  auto& link = std::get<Link>(p.children[7].node);
  CHECK(link.href == "https://x.org");
  CHECK(link.title == "T");
  CHECK(link.target.url == "");  // resolved by read_book
  CHECK(inlines_of<Strikethrough>(doc).size() == 1);
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("source positions are line:column of the original file") {
  Diagnostics diag;
  Document doc = read("# Title\n\nSome *text* here.\n\n- item one\n- item two\n", diag, {}, 5);
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[0].pos.line == 5);
  CHECK(doc.blocks[0].pos.column == 1);
  CHECK(doc.blocks[1].pos.line == 7);
  CHECK(doc.blocks[1].pos.column == 1);
  auto& p = std::get<Paragraph>(doc.blocks[1].node);
  CHECK(p.children[1].pos.line == 7);
  CHECK(p.children[1].pos.column == 6);  // the '*' of *text*
  auto& list = std::get<List>(doc.blocks[2].node);
  REQUIRE(list.items.size() == 2);
  CHECK(list.items[1].pos.line == 10);
  CHECK(doc.blocks[2].pos.line == 9);
}

TEST_CASE("soft breaks: nothing between CJK characters, a space otherwise") {
  Diagnostics diag;
  Document doc = read("中文第一行\n第二行\nEnglish line\nnext line\n", diag);
  CHECK(para_text(doc) == "中文第一行第二行 English line next line");
}

TEST_CASE("lists: ordered with start, tight and loose, task items") {
  Diagnostics diag;
  Document doc = read("3. three\n4. four\n\n- [x] done\n- [ ] todo\n\n* a\n\n* b\n", diag);
  auto lists = blocks_of<List>(doc);
  REQUIRE(lists.size() == 3);
  CHECK(lists[0]->ordered);
  CHECK(lists[0]->start == 3);
  CHECK(lists[0]->tight);
  CHECK(lists[1]->items[0].task == std::optional<bool>(true));
  CHECK(lists[1]->items[1].task == std::optional<bool>(false));
  CHECK_FALSE(lists[2]->tight);
  CHECK(plain_text(std::get<Paragraph>(lists[0]->items[1].children[0].node).children) == "four");
}

TEST_CASE("code blocks keep language, info and text; positions at the fence") {
  Diagnostics diag;
  Document doc = read("text\n\n```Go {linenos=table}\nfunc main() {}\n```\n\n    indented\n", diag);
  auto code = blocks_of<CodeBlock>(doc);
  REQUIRE(code.size() == 2);
  CHECK(code[0]->language == "go");
  CHECK(code[0]->info == "Go {linenos=table}");
  CHECK(code[0]->text == "func main() {}\n");
  CHECK(code[1]->text == "indented\n");
  CHECK(block_nodes<CodeBlock>(doc)[0]->pos.line == 3);
}

TEST_CASE("tables: alignment, header, rows padded; short delimiter rows repaired") {
  Diagnostics diag;
  Document doc = read("| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 |\n\nx|y\n-|-\n1|2\n", diag);
  auto tables = blocks_of<Table>(doc);
  REQUIRE(tables.size() == 2);
  CHECK(tables[0]->align == std::vector<Align>{Align::left, Align::center, Align::right});
  CHECK(plain_text(tables[0]->header[1].children) == "b");
  REQUIRE(tables[0]->rows.size() == 1);
  CHECK(tables[0]->rows[0].size() == 3);
  CHECK(plain_text(tables[0]->rows[0][1].children) == "2");
  CHECK(plain_text(tables[1]->rows[0][1].children) == "2");
  CHECK(block_nodes<Table>(doc)[1]->pos.line == 5);
  // A body row of `-` cells is content, not a delimiter row to repair.
  Document body = read("| a | b |\n|---|---|\n| - | - |\n", diag);
  auto t = blocks_of<Table>(body);
  REQUIRE(t.size() == 1);
  REQUIRE(t[0]->rows.size() == 1);
  CHECK(plain_text(t[0]->rows[0][0].children) == "-");
}

TEST_CASE("a lone image is a figure; an image in text stays inline") {
  Diagnostics diag;
  Document doc = read("![Alt text](pic.png \"A title\")\n\nSee ![icon](i.png) here.\n\n[![x](big.png)](https://l.org)\n", diag);
  auto figs = blocks_of<Figure>(doc);
  REQUIRE(figs.size() == 2);
  CHECK(figs[0]->src == "pic.png");
  CHECK(figs[0]->alt == "Alt text");
  CHECK(figs[0]->title == "A title");
  CHECK(figs[1]->link == "https://l.org");
  auto images = inlines_of<Image>(doc);
  REQUIRE(images.size() == 1);
  CHECK(std::get<Image>(images[0]->node).src == "i.png");
  CHECK(block_nodes<Figure>(doc)[0]->pos.line == 1);
}

TEST_CASE("hard breaks, block quotes, thematic breaks, math, entities") {
  Diagnostics diag;
  Document doc = read("one  \ntwo\\\nthree\n\n> quoted\n\n---\n\n$E=mc^2$ and $$x$$ &amp; &copy;\n", diag);
  CHECK(inlines_of<LineBreak>(doc).size() == 2);
  CHECK(blocks_of<BlockQuote>(doc).size() == 1);
  CHECK(blocks_of<ThematicBreak>(doc).size() == 1);
  auto math = inlines_of<Math>(doc);
  REQUIRE(math.size() == 2);
  CHECK(std::get<Math>(math[0]->node).tex == "E=mc^2");
  CHECK(std::get<Math>(math[1]->node).display);
  CHECK(para_text(doc, 2).find("& ©") != std::string::npos);
}

TEST_CASE("<!--more--> is removed") {
  Diagnostics diag;
  Document doc = read("Summary.\n\n<!--more-->\n\nRest <!--more--> inline.\n", diag);
  REQUIRE(doc.blocks.size() == 2);
  CHECK(para_text(doc, 1) == "Rest  inline.");
}

TEST_CASE("to_json has types and positions") {
  Diagnostics diag;
  Document doc = read("# T\n\nHi\n", diag);
  std::string json = to_json(doc);
  CHECK(json.find("\"t\":\"Heading\"") != std::string::npos);
  CHECK(json.find("\"pos\":[3,1]") != std::string::npos);
}
