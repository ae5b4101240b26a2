// Markdown read as Hugo reads it: autolinks that end where the URL ends, ruby, HTML5
// entities, gemoji shortcodes, `\|` in table cells, soft breaks in CJK text.
#include "helpers.hpp"

using namespace folio;
using namespace folio::test;

static std::vector<std::string> hrefs(const Document& doc) {
  std::vector<std::string> out;
  for (auto* in : inlines_of<Link>(doc)) out.push_back(std::get<Link>(in->node).href);
  return out;
}

TEST_CASE("a bare URL stops at full-width punctuation and CJK text") {
  Diagnostics diag;
  Document doc = read("官网是 https://golang.org，你也会看到。\n", diag);
  CHECK(hrefs(doc) == std::vector<std::string>{"https://golang.org"});
  CHECK(para_text(doc) == "官网是 https://golang.org，你也会看到。");
}

TEST_CASE("two URLs joined by an ideographic comma become two links") {
  Diagnostics diag;
  Document doc = read("见 https://golang.org、https://godoc.org，存在多个域名，并不统一。\n", diag);
  CHECK(hrefs(doc) == std::vector<std::string>{"https://golang.org", "https://godoc.org"});
  CHECK(para_text(doc) == "见 https://golang.org、https://godoc.org，存在多个域名，并不统一。");
}

TEST_CASE("a bare URL stops at CJK ideographs and keeps GFM's trailing punctuation rules") {
  Diagnostics diag;
  Document doc = read(
      "地址 https://example.com/a中文 and (see https://example.com/b_(c)). "
      "Also www.example.org/x?, done.\n",
      diag);
  CHECK(hrefs(doc) == std::vector<std::string>{"https://example.com/a", "https://example.com/b_(c)",
                                               "https://www.example.org/x"});
}

TEST_CASE("an <angle> autolink keeps what is written inside the brackets") {
  Diagnostics diag;
  Document doc = read("<https://zh.wikipedia.org/wiki/中文>。\n", diag);
  CHECK(hrefs(doc) == std::vector<std::string>{"https://zh.wikipedia.org/wiki/中文"});
}

TEST_CASE("<ruby> becomes Ruby nodes: base and reading, <rp> dropped") {
  Diagnostics diag;
  Document doc = read("读作<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp>字<rt>zì</rt></ruby>。\n", diag);
  auto rubies = inlines_of<Ruby>(doc);
  REQUIRE(rubies.size() == 2);
  CHECK(plain_text(std::get<Ruby>(rubies[0]->node).children) == "汉");
  CHECK(std::get<Ruby>(rubies[0]->node).annotation == "hàn");
  CHECK(plain_text(std::get<Ruby>(rubies[1]->node).children) == "字");
  CHECK(std::get<Ruby>(rubies[1]->node).annotation == "zì");
  CHECK(para_text(doc) == "读作汉字。");  // never "汉hàn字"
  CHECK(diag.all().empty());
}

TEST_CASE("<ruby> in a raw HTML block") {
  Diagnostics diag;
  Document doc = read("<p><ruby>東京<rt>とうきょう</rt></ruby></p>\n", diag);
  auto rubies = inlines_of<Ruby>(doc);
  REQUIRE(rubies.size() == 1);
  CHECK(plain_text(std::get<Ruby>(rubies[0]->node).children) == "東京");
  CHECK(std::get<Ruby>(rubies[0]->node).annotation == "とうきょう");
}

TEST_CASE("HTML5 named entities that HTML4 lacks") {
  Diagnostics diag;
  Document doc = read("&check; &NewLine;&CounterClockwiseContourIntegral; &nbsp;&amp; &nosuch;\n", diag);
  CHECK(para_text(doc) == "\u2713 \n\u2233 \u00A0& &nosuch;");
  // Two code points for one name.
  Document two = read("&NotEqualTilde;\n", diag);
  CHECK(para_text(two) == "\u2242\u0338");
}

TEST_CASE("HTML5 named entities inside a raw HTML block") {
  Diagnostics diag;
  // libxml2's HTML parser knows HTML 4's names only; &LT; and &GT; decode to markup
  // characters and must stay text.
  Document doc = read("<p>&check; done &CounterClockwiseContourIntegral; &LT;b&GT; &amp; &nbsp;&nosuch;</p>\n\n"
                      "<div>\n<p>line two &NotEqualTilde;</p>\n</div>\n",
                      diag);
  std::string text;
  for_each_inline(doc, [&](const Inline& in) {
    if (auto* t = std::get_if<Text>(&in.node)) text += t->text;
  });
  INFO(text);
  CHECK(text.find("\u2713 done \u2233 <b> & \u00A0&nosuch;") != std::string::npos);
  CHECK(text.find("line two \u2242\u0338") != std::string::npos);
  CHECK(text.find("&check;") == std::string::npos);
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("gemoji shortcodes beyond the common ones") {
  Diagnostics diag;
  MarkdownOptions on;
  on.emoji = true;
  Document doc = read(":smile_cat: :+1: :hand_with_index_finger_and_thumb_crossed: :tada: :nope_not_one:\n",
                      diag, on);
  CHECK(para_text(doc) == "\U0001F638 \U0001F44D \U0001FAF0 \U0001F389 :nope_not_one:");
}

TEST_CASE("\\| in a table cell is a pipe, in text and in code") {
  Diagnostics diag;
  Document doc = read("| a | b |\n|---|---|\n| x \\| y | `p \\| q` |\n", diag);
  auto tables = blocks_of<Table>(doc);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 1);
  REQUIRE(tables[0]->rows[0].size() == 2);
  CHECK(plain_text(tables[0]->rows[0][0].children) == "x | y");
  CHECK(plain_text(tables[0]->rows[0][1].children) == "p | q");
}

TEST_CASE("no space at a soft break between CJK characters and CJK punctuation") {
  Diagnostics diag;
  CHECK(para_text(read("他说，\n“你好”\n。\n", diag)) == "他说，“你好”。");
  CHECK(para_text(read("中文\n**粗体**\n字\n", diag)) == "中文粗体字");
  CHECK(para_text(read("word\nnext\n", diag)) == "word next");
  CHECK(para_text(read("中文\nEnglish\n", diag)) == "中文 English");
  // Curly quotes between English words are English punctuation.
  CHECK(para_text(read("said “hi”\n“there”\n", diag)) == "said “hi” “there”");
}
