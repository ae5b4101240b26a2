// Whole PDFs written by write_pdf and checked with the real validators: pdffonts,
// pdftotext, pdfinfo, pdfimages (poppler-utils) and qpdf.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <thread>

#include "base/atomic_file.hpp"
#include "base/utf8.hpp"
#include "book_layout.hpp"
#include "folio/pdf.hpp"
#include "folio/version.hpp"
#include "inline/cjk_rules.hpp"
#include "pdf_checks.hpp"
#include "sample_book.hpp"

using namespace folio;
using namespace folio::pdf_test;
namespace fs = std::filesystem;


TEST_CASE("a book PDF: fonts embedded, text in order, clreq line edges, metadata, images, outline, TOC") {
  setenv("SOURCE_DATE_EPOCH", "1774092600", 1);
  SampleText sample;
  Book book = sample_book(3, 6, &sample);
  TempDir dir;
  fs::path pdf = dir.path / "book.pdf";
  Diagnostics diag;
  REQUIRE(write_pdf(book, pdf, diag));
  REQUIRE(fs::exists(pdf));
  for (const Diagnostic& d : diag.all()) MESSAGE(d.format());
  CHECK(diag.error_count() == 0);

  Diagnostics diag2;
  pdf::BookLayout layout = pdf::layout_book(book, book.config.pdf, diag2);

  SUBCASE("qpdf finds no damage") {
    int status = 0;
    std::string out = run("qpdf --check '" + pdf.string() + "' 2>&1", &status);
    INFO(out);
    CHECK(status == 0);
    CHECK(out.find("No syntax or stream encoding errors") != std::string::npos);
  }
  SUBCASE("every font is embedded with a ToUnicode map") { check_fonts_embedded(pdf); }
  SUBCASE("the catalog names the book's language (an update after cairo's last xref)") {
    std::string bytes;
    REQUIRE(read_file(pdf, bytes));
    const size_t lang = bytes.rfind("/Lang (zh-CN)");
    REQUIRE(lang != std::string::npos);
    CHECK(lang > bytes.find("%%EOF"));  // in the appended update, not in cairo's part
    CHECK(bytes.find("/Prev ", lang) != std::string::npos);
    CHECK(bytes.compare(bytes.size() - 6, 6, "%%EOF\n") == 0);
  }
  SUBCASE("every paragraph's text, in reading order") {
    const std::string extracted = body_text(pdf, layout.style);
    // Soft hyphens only where a hyphenated line ends, never inside a line.
    for (size_t shy = extracted.find("\u00AD"); shy != std::string::npos; shy = extracted.find("\u00AD", shy + 1))
      CHECK(extracted.compare(shy + 2, 1, "\n") == 0);
    std::string text = without_space(extracted);
    size_t at = 0;
    for (const auto& chapter : sample.paragraphs)
      for (const std::string& p : chapter) {
        size_t found = text.find(without_space(p), at);
        INFO(p);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
      }
  }
  SUBCASE("no space between Han characters, no forbidden marks at line edges") {
    check_han_spacing_and_kinsoku(body_text(pdf, layout.style));
  }
  SUBCASE("page count and metadata") {
    std::string info = run("pdfinfo -isodates '" + pdf.string() + "'");
    INFO(info);
    CHECK(pdfinfo_field(info, "Pages") == std::to_string(layout.plan.pages.size()));
    CHECK(pdfinfo_field(info, "Title") == book.meta().title);
    CHECK(pdfinfo_field(info, "Author") == "Go 夜读社区");
    CHECK(pdfinfo_field(info, "Subject") == "一年的 meetup 回顾");
    CHECK(pdfinfo_field(info, "Keywords").find("meetup") != std::string::npos);
    CHECK(pdfinfo_field(info, "Creator") == std::string("folio ") + FOLIO_VERSION);
    CHECK(pdfinfo_field(info, "CreationDate").rfind("2026-03-21T", 0) == 0);
    CHECK(pdfinfo_field(info, "Page size").rfind("419.528 x 595.276", 0) == 0);  // A5
  }
  SUBCASE("each figure stored once, the JPEG as it is") {
    std::string out = run("pdfimages -list '" + pdf.string() + "'");
    INFO(out);
    std::set<std::string> objects;
    int uses = 0, jpeg_uses = 0;
    auto rows = lines_of(out);
    for (size_t i = 2; i < rows.size(); ++i) {
      auto t = tokens(rows[i]);
      if (t.size() < 12 || t[2] != "image") continue;
      ++uses;
      objects.insert(t[10]);
      if (t[8] == "jpeg") {
        ++jpeg_uses;
        CHECK(t[3] == "640");  // not re-encoded or resampled
      }
    }
    CHECK(uses == 3);          // venue.jpg twice, logo.png once
    CHECK(objects.size() == 2);
    CHECK(jpeg_uses == 2);
  }
  SUBCASE("the outline names every chapter") {
    std::string json = run("qpdf --json --json-key=outlines '" + pdf.string() + "'");
    for (const Chapter& ch : book.chapters) {
      INFO(ch.post.title);
      CHECK(json.find("\"" + ch.post.title + "\"") != std::string::npos);
    }
    CHECK(json.find("第 1 节") != std::string::npos);  // second-level headings too
  }
  SUBCASE("the contents' page numbers are the pages where the chapters begin") {
    const pdf::PagePlan& plan = layout.plan;
    int toc_page = -1;
    for (size_t i = 0; i < plan.pages.size(); ++i)
      if (plan.pages[i].kind == pdf::PageKind::toc && toc_page < 0) toc_page = static_cast<int>(i) + 1;
    REQUIRE(toc_page > 0);
    std::string toc = run("pdftotext -layout -f " + std::to_string(toc_page) + " -l " + std::to_string(toc_page) +
                          " '" + pdf.string() + "' -");
    for (size_t c = 0; c < book.chapters.size(); ++c) {
      const std::string& title = book.chapters[c].post.title;
      std::string number;
      for (const std::string& line : lines_of(toc))
        if (line.find(title) != std::string::npos) number = tokens(line).back();
      INFO(title, " ", toc);
      REQUIRE(!number.empty());
      int physical = plan.front_pages + std::atoi(number.c_str());  // 1-based
      CHECK(physical - 1 == plan.chapter_start[c]);
      std::string page = run("pdftotext -f " + std::to_string(physical) + " -l " + std::to_string(physical) + " '" +
                             pdf.string() + "' -");
      CHECK(trim(lines_of(page).front()) == title);
    }
  }
  SUBCASE("named destinations for chapters and headings") {
    std::string dests = run("pdfinfo -dests '" + pdf.string() + "'");
    CHECK(dests.find("\"ch0\"") != std::string::npos);
    CHECK(dests.find("\"ch2\"") != std::string::npos);
    CHECK(dests.find("\"fn1-1\"") != std::string::npos);
    CHECK(dests.find("\"fnref1-1\"") != std::string::npos);
    // Every link annotation names a destination that exists (cairo 1.16 writes dead links
    // for explicit or internal destinations on later pages; only named ones are used).
    std::string bytes;
    REQUIRE(read_file(pdf, bytes));
    size_t links = 0;
    for (size_t at = bytes.find("/Dest ("); at != std::string::npos; at = bytes.find("/Dest (", at + 1)) {
      size_t end = bytes.find(')', at);
      std::string name = bytes.substr(at + 7, end - at - 7);
      INFO(name);
      CHECK(dests.find("\"" + name + "\"") != std::string::npos);
      ++links;
    }
    CHECK(links > 10);
  }
}

TEST_CASE("a handout: A4, title block with tags, URLs as footnotes, no contents") {
  SampleText sample;
  Book book = sample_handout(&sample);
  TempDir dir;
  fs::path pdf = dir.path / "handout.pdf";
  Diagnostics diag;
  REQUIRE(write_pdf(book, pdf, diag));
  std::string info = run("pdfinfo '" + pdf.string() + "'");
  CHECK(pdfinfo_field(info, "Page size").rfind("595.276 x 841.89", 0) == 0);
  CHECK(pdfinfo_field(info, "Title") == book.chapters[0].post.title);
  check_fonts_embedded(pdf);
  std::string text = run("pdftotext '" + pdf.string() + "' -");
  CHECK(text.find("https://pkg.go.dev/net/http/pprof") != std::string::npos);
  CHECK(text.find("https://go.dev/doc/") != std::string::npos);
  CHECK(text.find("#meetup") != std::string::npos);
  CHECK(text.find("2026-03-21") != std::string::npos);
  CHECK(text.find("目录") == std::string::npos);
  int status = 0;
  run("qpdf --check '" + pdf.string() + "' >/dev/null 2>&1", &status);
  CHECK(status == 0);
  Diagnostics diag2;
  pdf::BookLayout layout = pdf::layout_book(book, book.config.pdf, diag2);
  check_han_spacing_and_kinsoku(body_text(pdf, layout.style));
}

TEST_CASE("a failed build leaves nothing at the output path") {
  Book book;  // no chapters
  TempDir dir;
  fs::path pdf = dir.path / "empty.pdf";
  Diagnostics diag;
  CHECK_FALSE(write_pdf(book, pdf, diag));
  CHECK_FALSE(fs::exists(pdf));
  CHECK(diag.error_count() == 1);
}

TEST_CASE("write_pdf takes its options per call, and refuses out-of-range ones by name") {
  SampleText sample;
  Book book = sample_handout(&sample);  // configured as an A4 handout
  TempDir dir;
  PdfOptions options = book.config.pdf;
  options.page = "A5";
  options.handout = false;
  fs::path pdf = dir.path / "a5.pdf";
  Diagnostics diag;
  REQUIRE(write_pdf(book, options, pdf, diag));
  std::string info = run("pdfinfo '" + pdf.string() + "'");
  CHECK(pdfinfo_field(info, "Page size").rfind("419.528 x 595.276", 0) == 0);  // A5, not the book's A4
  CHECK(book.config.pdf.page != "A5");  // the book itself is untouched

  for (auto bad : {+[](PdfOptions& o) { o.font_size_pt = 40; }, +[](PdfOptions& o) { o.margin_inner_mm = -5; },
                   +[](PdfOptions& o) { o.toc_depth = 0; }, +[](PdfOptions& o) { o.line_height = std::nan(""); }}) {
    PdfOptions wrong = book.config.pdf;
    bad(wrong);
    fs::path refused = dir.path / "refused.pdf";
    Diagnostics d;
    CHECK_FALSE(write_pdf(book, wrong, refused, d));
    CHECK_FALSE(fs::exists(refused));
    REQUIRE(d.error_count() == 1);
    INFO(d.all()[0].message);
    CHECK(d.all()[0].message.find("PdfOptions::") == 0);
    CHECK(d.all()[0].message.find("outside") != std::string::npos);
  }
}

TEST_CASE("odd documents still give a valid PDF: empty blocks, dangling references, deep nesting") {
  Book book = sample_book(2, 1);
  Blocks& b = book.chapters[0].document.blocks;
  b.push_back(Block{folio::Paragraph{}, {}});
  b.push_back(Block{CodeBlock{}, {}});
  b.push_back(Block{Table{}, {}});
  b.push_back(Block{List{}, {}});
  Heading empty_heading;
  b.push_back(Block{empty_heading, {}});
  Link nowhere;
  nowhere.children = {Inline{Text{"悬空链接"}, {}}};
  nowhere.target.chapter = 99;
  Inlines odd{Inline{nowhere, {}}, Inline{FootnoteRef{"missing", 0}, {}}, Inline{Image{"x.png", "图", "", 42}, {}}};
  b.push_back(Block{folio::Paragraph{odd}, {}});
  Figure bad;
  bad.src = "gone.png";
  bad.figure = 1234;
  b.push_back(Block{bad, {}});
  // Quotes in lists in quotes, deeper than any real post.
  Block nested{folio::Paragraph{{Inline{Text{"最里层的段落。"}, {}}}}, {}};
  for (int depth = 0; depth < 30; ++depth) {
    if (depth % 2) {
      nested = Block{BlockQuote{{nested}}, {}};
    } else {
      List l;
      ListItem item;
      item.children.push_back(nested);
      l.items.push_back(item);
      nested = Block{l, {}};
    }
  }
  b.push_back(nested);
  TempDir dir;
  fs::path pdf = dir.path / "odd.pdf";
  Diagnostics diag;
  REQUIRE(write_pdf(book, pdf, diag));
  CHECK(diag.contains("gone.png"));
  int status = 0;
  run("qpdf --check '" + pdf.string() + "' >/dev/null 2>&1", &status);
  CHECK(status == 0);
  CHECK(without_space(run("pdftotext '" + pdf.string() + "' -")).find("最里层的段落") != std::string::npos);
}

TEST_CASE("the same book with SOURCE_DATE_EPOCH gives byte-identical PDFs, also from builds running at once") {
  setenv("SOURCE_DATE_EPOCH", "1774092600", 1);
  Book book = sample_book(4, 3);
  TempDir dir;
  // Two builds at once in one process, as a host of the library may run them (cairo's
  // shared scaled fonts make write_pdf take turns for text), then one alone.
  Diagnostics diag_a, diag_b, diag_c;
  bool ok_a = false, ok_b = false;
  std::thread other([&] { ok_a = write_pdf(book, dir.path / "a.pdf", diag_a); });
  ok_b = write_pdf(book, dir.path / "b.pdf", diag_b);
  other.join();
  REQUIRE(ok_a);
  REQUIRE(ok_b);
  REQUIRE(write_pdf(book, dir.path / "c.pdf", diag_c));
  std::string a, b, c;
  REQUIRE(read_file(dir.path / "a.pdf", a));
  REQUIRE(read_file(dir.path / "b.pdf", b));
  REQUIRE(read_file(dir.path / "c.pdf", c));
  CHECK(a.size() > 10000);
  CHECK(a == b);
  CHECK(a == c);
}

TEST_CASE("parts appear in the outline and the contents, each over its chapters") {
  Book book = sample_book(3, 1);
  book.parts = {Part{"上篇：运行时"}, Part{"下篇：工程实践"}};
  book.chapters[0].part = 0;
  book.chapters[1].part = 0;
  book.chapters[2].part = 1;
  TempDir dir;
  fs::path pdf = dir.path / "parts.pdf";
  Diagnostics diag;
  REQUIRE(write_pdf(book, pdf, diag));
  std::string outline = run("qpdf --json --json-key=outlines '" + pdf.string() + "'");
  size_t first = outline.find("\"上篇：运行时\"");
  size_t second = outline.find("\"下篇：工程实践\"");
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  Diagnostics diag2;
  pdf::BookLayout layout = pdf::layout_book(book, book.config.pdf, diag2);
  int toc_page = 0;
  for (size_t i = 0; i < layout.plan.pages.size(); ++i)
    if (layout.plan.pages[i].kind == pdf::PageKind::toc && !toc_page) toc_page = static_cast<int>(i) + 1;
  std::string toc = run("pdftotext -f " + std::to_string(toc_page) + " -l " + std::to_string(toc_page) + " '" +
                        pdf.string() + "' -");
  CHECK(toc.find("上篇：运行时") != std::string::npos);
  CHECK(toc.find("下篇：工程实践") < toc.find(book.chapters[2].post.title));
  int status = 0;
  run("qpdf --check '" + pdf.string() + "' >/dev/null 2>&1", &status);
  CHECK(status == 0);
}
