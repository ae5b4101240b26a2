// End to end through the whole pipeline: examples/meetup as a book and one of its posts as
// a handout, read with make_book and written with write_pdf, checked with the validators.
#include <doctest/doctest.h>

#include <set>

#include "base/utf8.hpp"
#include "book_layout.hpp"
#include "folio/folio.hpp"
#include "inline/paragraph.hpp"
#include "pdf_checks.hpp"
#include "sample_book.hpp"

using namespace folio;
using namespace folio::pdf_test;
namespace fs = std::filesystem;

namespace {

const fs::path kMeetup = fs::path(FOLIO_SOURCE_DIR) / "examples/meetup";
constexpr int64_t kNow = 1893456000;  // 2030-01-01: every dated post is in the past

Book meetup_book(const fs::path& cache, Diagnostics& diag, bool handout) {
  std::optional<BookConfig> config = load_book_config(kMeetup / "book.yaml", diag);
  REQUIRE(config);
  config->figures.cache_dir = cache;
  config->figures.offline = true;  // the example's figures are all local
  if (handout) {
    config->select.posts = {"content/posts/meetup-03-pprof/index.md"};
    config->pdf.handout = true;
  }
  return make_book(std::move(*config), kNow, diag);
}

/// Top-level paragraphs whose text the PDF shows as it is (no footnote numbers, images or
/// printed URLs inside).
std::vector<std::string> plain_paragraphs(const Chapter& ch, bool handout) {
  std::vector<std::string> out;
  for (const Block& b : ch.document.blocks) {
    const auto* p = std::get_if<folio::Paragraph>(&b.node);
    if (!p) continue;
    bool plain = true;
    for (const Inline& in : p->children)
      if (std::holds_alternative<FootnoteRef>(in.node) || std::holds_alternative<Image>(in.node) ||
          std::holds_alternative<LineBreak>(in.node) || (handout && std::holds_alternative<Link>(in.node)))
        plain = false;
    if (plain) out.push_back(pdf::inline_plain_text(p->children));
  }
  return out;
}

/// Whether s holds a character beyond the Basic Multilingual Plane (emoji): no font of
/// the Debian 12 set installed here covers them, Pango draws hex boxes, and the text
/// cannot come back out of the PDF.
bool has_emoji(const std::string& s) {
  for (size_t i = 0; i < s.size();)
    if (utf8::next(s, i) >= 0x1F000) return true;
  return false;
}

/// The text of every block and footnote of the book, to compare extracted text against.
std::vector<std::string> source_texts(const Book& book) {
  std::vector<std::string> out;
  auto visit = [&](const Block& b) {
    if (auto* p = std::get_if<folio::Paragraph>(&b.node)) out.push_back(pdf::inline_plain_text(p->children));
    else if (auto* h = std::get_if<Heading>(&b.node)) out.push_back(pdf::inline_plain_text(h->children));
    else if (auto* t = std::get_if<Table>(&b.node)) {
      // pdftotext reads a row's cells as one line with spaces between them.
      auto row_text = [&](const std::vector<TableCell>& row) {
        std::string line;
        for (const TableCell& c : row) line += (line.empty() ? "" : " ") + pdf::inline_plain_text(c.children);
        out.push_back(line);
      };
      row_text(t->header);
      for (const auto& row : t->rows) row_text(row);
    } else if (auto* c = std::get_if<CodeBlock>(&b.node)) out.push_back(c->text);
  };
  for (const Chapter& ch : book.chapters) {
    out.push_back(ch.post.title);
    for_each_block(ch.document.blocks, visit);
    for (const Footnote& f : ch.document.footnotes) for_each_block(f.children, visit);
  }
  return out;
}

void check_text_in_order(const std::string& extracted, const Book& book, bool handout) {
  std::string text = without_space(extracted);
  size_t at = 0;
  int checked = 0;
  for (const Chapter& ch : book.chapters)
    for (const std::string& p : plain_paragraphs(ch, handout)) {
      std::string want = without_space(p);
      if (want.empty() || has_emoji(p)) continue;
      size_t found = text.find(want, at);
      INFO(ch.post.title, ": ", p);
      CHECK(found != std::string::npos);
      if (found != std::string::npos) at = found + want.size();
      ++checked;
    }
  CHECK(checked > 5);
}

}  // namespace

TEST_CASE("examples/meetup as a book PDF") {
  TempDir dir("folio-pdf-meetup");
  Diagnostics diag;
  Book book = meetup_book(dir.path / "cache", diag, false);
  REQUIRE(book.chapters.size() >= 5);
  fs::path pdf = dir.path / "meetup.pdf";
  REQUIRE(write_pdf(book, pdf, diag));
  CHECK(diag.error_count() == 0);
  Diagnostics diag2;
  pdf::BookLayout layout = pdf::layout_book(book, book.config.pdf, diag2);

  int status = 0;
  std::string check = run("qpdf --check '" + pdf.string() + "' 2>&1", &status);
  INFO(check);
  CHECK(status == 0);
  check_fonts_embedded(pdf);
  std::string text = body_text(pdf, layout.style);
  check_text_in_order(text, book, false);
  check_han_spacing_and_kinsoku(text, source_texts(book));

  std::string info = run("pdfinfo '" + pdf.string() + "'");
  CHECK(pdfinfo_field(info, "Pages") == std::to_string(layout.plan.pages.size()));
  CHECK(pdfinfo_field(info, "Title") == book.meta().title);
  CHECK(pdfinfo_field(info, "Author") == book.meta().authors.at(0));
  CHECK(pdfinfo_field(info, "Keywords").find("meetup") != std::string::npos);

  // Each figure once; JPEGs as JPEG.
  std::set<std::string> placed_ok;
  for (const FigureAsset& f : book.figures)
    if (f.ok) placed_ok.insert(f.digest);
  std::string images = run("pdfimages -list '" + pdf.string() + "'");
  std::set<std::string> objects;
  int jpegs = 0;
  auto rows = lines_of(images);
  for (size_t i = 2; i < rows.size(); ++i) {
    auto t = tokens(rows[i]);
    if (t.size() < 12 || t[2] != "image") continue;
    // Colour emoji are drawn as glyph images of at most 136 px (pdf/render/show_text.cpp).
    if (std::stoi(t[3]) <= 136 && std::stoi(t[4]) <= 136) continue;
    if (objects.insert(t[10]).second && t[8] == "jpeg") ++jpegs;
  }
  CHECK(objects.size() == placed_ok.size());
  int jpeg_assets = 0;
  for (const FigureAsset& f : book.figures) jpeg_assets += f.ok && f.format == ImageFormat::jpeg;
  CHECK(jpegs == jpeg_assets);

  std::string outline = run("qpdf --json --json-key=outlines '" + pdf.string() + "'");
  for (const Chapter& ch : book.chapters) {
    INFO(ch.post.title);
    CHECK(outline.find("\"" + ch.post.title + "\"") != std::string::npos);
  }

  // The contents' numbers are the pages where the chapters begin.
  const pdf::PagePlan& plan = layout.plan;
  std::string toc;
  for (size_t i = 0; i < plan.pages.size(); ++i)
    if (plan.pages[i].kind == pdf::PageKind::toc)
      toc += run("pdftotext -layout -f " + std::to_string(i + 1) + " -l " + std::to_string(i + 1) + " '" +
                 pdf.string() + "' -");
  for (size_t c = 0; c < book.chapters.size(); ++c) {
    const std::string& title = book.chapters[c].post.title;
    std::string number;
    for (const std::string& line : lines_of(toc))
      if (line.find(title) != std::string::npos) number = tokens(line).back();
    INFO(title);
    if (number.empty()) {
      // A long title wraps: its number ends the entry's last line; take the chapter's page
      // from the plan and check that number appears in the contents.
      number = plan.pages[plan.chapter_start[c]].label;
      CHECK(toc.find(" " + number + "\n") != std::string::npos);
    }
    CHECK(plan.front_pages + std::atoi(number.c_str()) - 1 == plan.chapter_start[c]);
  }
}

TEST_CASE("one meetup post as a handout PDF") {
  TempDir dir("folio-pdf-handout");
  Diagnostics diag;
  Book book = meetup_book(dir.path / "cache", diag, true);
  REQUIRE(book.chapters.size() == 1);
  fs::path pdf = dir.path / "handout.pdf";
  REQUIRE(write_pdf(book, pdf, diag));
  Diagnostics diag2;
  pdf::BookLayout layout = pdf::layout_book(book, book.config.pdf, diag2);
  CHECK(layout.handout);
  CHECK_FALSE(layout.with_toc);
  int status = 0;
  run("qpdf --check '" + pdf.string() + "' >/dev/null 2>&1", &status);
  CHECK(status == 0);
  check_fonts_embedded(pdf);
  std::string info = run("pdfinfo '" + pdf.string() + "'");
  CHECK(pdfinfo_field(info, "Page size").rfind("595.276 x 841.89", 0) == 0);
  CHECK(pdfinfo_field(info, "Pages") == std::to_string(layout.plan.pages.size()));
  std::string text = body_text(pdf, layout.style);
  check_text_in_order(text, book, true);
  check_han_spacing_and_kinsoku(text, source_texts(book));
  std::string all = run("pdftotext '" + pdf.string() + "' -");
  CHECK(all.find(book.chapters[0].post.title) != std::string::npos);
  for (const std::string& tag : book.chapters[0].post.tags) CHECK(all.find("#" + tag) != std::string::npos);
  CHECK(all.find("https://example.org/zhangwei") == std::string::npos);  // the author link is no body link
}
