// Collect: blocks become flow items with the flags pagination relies on.
#include <doctest/doctest.h>

#include "flow/collect.hpp"
#include "flow/drawables.hpp"
#include "font_families.hpp"

using namespace folio;
using namespace folio::pdf;

namespace {

Inline text(std::string s) { return Inline{Text{std::move(s)}, {}}; }

struct Fixture {
  Book book;
  Diagnostics diag;
  Style style;
  TextContext context{"zh-CN"};

  explicit Fixture(bool handout = false) {
    FontFamilies fonts = font_families({}, "zh-CN", diag);
    style = make_style(PdfOptions{}, handout, false, "zh-CN", fonts, diag);
    Chapter ch;
    ch.post.title = "测试章节";
    ch.document.source = "content/posts/test.md";
    book.chapters.push_back(ch);
  }
  Blocks& blocks() { return book.chapters[0].document.blocks; }
  ChapterFlow collect() { return collect_chapter(book, 0, style, context, diag); }
};

std::string long_text() {
  std::string s;
  for (int i = 0; i < 12; ++i) s += "调度器把 goroutine 分配到处理器上，每个处理器有自己的本地队列。";
  return s;
}

}  // namespace

TEST_CASE("the chapter opens with its title, which keeps with what follows and names the chapter") {
  Fixture f;
  f.blocks().push_back(Block{Paragraph{{text("正文。")}}, {}});
  ChapterFlow flow = f.collect();
  REQUIRE(flow.items.size() >= 2);
  CHECK(flow.items[0].kind == FlowKind::heading);
  CHECK(flow.items[0].keep_with_next);
  REQUIRE(flow.items[0].outline.size() == 1);
  CHECK(flow.items[0].outline[0].title == "测试章节");
  CHECK(flow.items[0].outline[0].dest == "ch0");
  CHECK(flow.items.back().kind == FlowKind::text);
}

TEST_CASE("a paragraph's lines form one group, with a pitch of font size x line height") {
  Fixture f;
  f.blocks().push_back(Block{Paragraph{{text(long_text())}}, {}});
  ChapterFlow flow = f.collect();
  std::vector<const FlowItem*> lines;
  for (const FlowItem& item : flow.items)
    if (item.kind == FlowKind::text) lines.push_back(&item);
  REQUIRE(lines.size() >= 4);
  for (size_t i = 0; i < lines.size(); ++i) {
    CHECK(lines[i]->group == lines[0]->group);
    CHECK(lines[i]->line == int(i));
    CHECK(lines[i]->lines == int(lines.size()));
    CHECK(lines[i]->height == doctest::Approx(f.style.line_pitch).epsilon(0.01));
  }
}

TEST_CASE("second-level headings keep with next and go into the contents and the outline") {
  Fixture f;
  Heading h;
  h.level = 2;
  h.id = "调度";
  h.children = {text("调度器")};
  f.blocks().push_back(Block{h, {}});
  f.blocks().push_back(Block{Paragraph{{text("正文。")}}, {}});
  ChapterFlow flow = f.collect();
  REQUIRE(flow.toc.size() == 1);
  const FlowItem& item = flow.items[flow.toc[0].item];
  CHECK(item.kind == FlowKind::heading);
  CHECK(item.keep_with_next);
  CHECK(item.outline.at(0).level == 2);
  CHECK(item.dests.at(0) == flow.toc[0].dest);
}

TEST_CASE("long code lines wrap with a continuation mark; code lines form a group") {
  Fixture f;
  CodeBlock code;
  code.text = "x := " + std::string(200, 'a') + "\nreturn x\n";
  f.blocks().push_back(Block{code, {}});
  ChapterFlow flow = f.collect();
  int code_lines = 0, continued = 0;
  for (const FlowItem& item : flow.items) {
    if (item.kind != FlowKind::code) continue;
    ++code_lines;
    auto* line = dynamic_cast<const LineDrawable*>(item.drawable.get());
    REQUIRE(line);
    CHECK(line->background_width > 0);
    if (line->continuation) ++continued;
  }
  CHECK(code_lines >= 3);
  CHECK(continued >= 1);
  CHECK(continued == code_lines - 2);  // every line but the two source lines' first
}

TEST_CASE("a table gives a header row that keeps with next and body rows of one table") {
  Fixture f;
  Table t;
  t.align = {Align::left, Align::right};
  t.header = {TableCell{{text("名称")}, {}}, TableCell{{text("数量")}, {}}};
  for (int r = 0; r < 3; ++r) t.rows.push_back({TableCell{{text("行")}, {}}, TableCell{{text("1")}, {}}});
  f.blocks().push_back(Block{t, {}});
  ChapterFlow flow = f.collect();
  std::vector<const FlowItem*> rows;
  for (const FlowItem& item : flow.items)
    if (item.kind == FlowKind::table_row) rows.push_back(&item);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0]->table_header);
  CHECK(rows[0]->keep_with_next);
  for (size_t i = 1; i < rows.size(); ++i) {
    CHECK_FALSE(rows[i]->table_header);
    CHECK(rows[i]->table == rows[0]->table);
  }
}

TEST_CASE("a footnote reference ties its line to the footnote's flow") {
  Fixture f;
  f.blocks().push_back(Block{Paragraph{{text("正文"), Inline{FootnoteRef{"a", 1}, {}}, text("。")}}, {}});
  Footnote note;
  note.label = "a";
  note.number = 1;
  note.children.push_back(Block{Paragraph{{text("脚注正文。")}}, {}});
  f.book.chapters[0].document.footnotes.push_back(note);
  ChapterFlow flow = f.collect();
  REQUIRE(flow.notes.size() == 1);
  CHECK(flow.notes[0].number == 1);
  CHECK_FALSE(flow.notes[0].lines.empty());
  int referring = 0;
  for (const FlowItem& item : flow.items)
    if (!item.notes.empty()) {
      ++referring;
      CHECK(item.notes[0] == 0);
    }
  CHECK(referring == 1);
}

TEST_CASE("handouts print external links' URLs as footnotes") {
  Fixture f(true);
  Link link;
  link.children = {text("文档")};
  link.href = link.target.url = "https://go.dev/doc/";
  f.blocks().push_back(Block{Paragraph{{text("见"), Inline{link, {}}, text("。")}}, {}});
  ChapterFlow flow = f.collect();
  REQUIRE(flow.notes.size() == 1);
  auto* line = dynamic_cast<const LineDrawable*>(flow.notes[0].lines.at(0).drawable.get());
  REQUIRE(line);
  CHECK(std::string(pango_layout_get_text(line->layout.get())) == "https://go.dev/doc/");
}

TEST_CASE("a figure without an image becomes a placeholder, with a located warning") {
  Fixture f;
  Figure fig;
  fig.src = "missing.png";
  fig.alt = "缺失的图";
  Block b{fig, {}};
  b.pos = {12, 1};
  f.blocks().push_back(b);
  ChapterFlow flow = f.collect();
  const FlowItem& item = flow.items.back();
  CHECK(item.kind == FlowKind::figure);
  auto* d = dynamic_cast<const FigureDrawable*>(item.drawable.get());
  REQUIRE(d);
  CHECK(d->figure == -1);
  CHECK(d->placeholder_text);
  CHECK(f.diag.contains("missing.png"));
  CHECK(f.diag.all().back().format().rfind("content/posts/test.md:12:1: warning:", 0) == 0);
}

TEST_CASE("figures are never enlarged past 150 dpi and fit the text block") {
  FigureSize small = figure_size(150, 75, 300, 400);
  CHECK(small.width == doctest::Approx(72));
  CHECK(small.height == doctest::Approx(36));
  FigureSize wide = figure_size(3000, 1000, 300, 400);
  CHECK(wide.width == doctest::Approx(300));
  CHECK(wide.height == doctest::Approx(100));
  FigureSize tall = figure_size(1000, 4000, 300, 400);
  CHECK(tall.height == doctest::Approx(400));
}
