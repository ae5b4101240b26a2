// Splitting big chapters at level-2 headings, and links that follow their targets.
#include <doctest/doctest.h>

#include "book_fixture.hpp"
#include "epub/chapter.hpp"
#include "epub/split.hpp"

using namespace folio;
using namespace folio::test;

namespace {

// Chapter 0: an intro and three sections of ~`size` bytes each; the third section
// references footnote 1. Chapter 1 links to chapter 0's third section.
Book two_chapters(size_t size) {
  std::string filler(size, 'x');
  Blocks a{para("intro"),
           heading(2, "one", "One"), para(filler),
           heading(2, "two", "Two"), para(filler),
           heading(3, "two-sub", "Two sub"),
           heading(2, "three", "Three"), para(Inlines{text("see"), note("n", 1)}), para(filler)};
  Chapter c0 = chapter("Big", "posts/big.md", std::move(a));
  c0.document.footnotes.push_back(footnote("n", 1, "the note"));
  Blocks b{para(Inlines{link_to("../big/#three", {text("to three")}, 0, "three")}),
           para(Inlines{link_to("../big/#gone", {text("to a missing anchor")}, 0, "gone")}),
           para(Inlines{link_to("#local", {text("local")})}),
           heading(2, "local", "Local")};
  Book book;
  book.chapters.push_back(std::move(c0));
  book.chapters.push_back(chapter("Small", "posts/small.md", std::move(b)));
  return book;
}

}  // namespace

TEST_CASE("a chapter under the limit is one file") {
  Book book = two_chapters(100);
  auto layout = epub::layout_book(book, 250 * 1024, epub::estimate_block_size);
  REQUIRE(layout.chapters[0].files.size() == 1);
  CHECK(layout.chapters[0].files[0].name == "ch001.xhtml");
  CHECK(layout.chapters[1].files[0].name == "ch002.xhtml");
  // Every level goes to the contents: the level-3 heading too, with its level.
  REQUIRE(layout.chapters[0].sections.size() == 4);
  CHECK(layout.chapters[0].sections[2].href == "ch001.xhtml#two-sub");
  CHECK(layout.chapters[0].sections[2].level == 3);
  CHECK(layout.chapters[0].sections[3].href == "ch001.xhtml#three");
}

TEST_CASE("a chapter over the limit splits at level-2 headings and links follow") {
  Book book = two_chapters(3000);
  auto layout = epub::layout_book(book, 4000, epub::estimate_block_size);
  const auto& files = layout.chapters[0].files;
  REQUIRE(files.size() == 3);
  CHECK(files[0].name == "ch001.xhtml");
  CHECK(files[1].name == "ch001-2.xhtml");
  CHECK(files[2].name == "ch001-3.xhtml");
  // Each later file starts at a level-2 heading.
  for (size_t f = 1; f < files.size(); ++f) {
    auto* h = std::get_if<Heading>(&book.chapters[0].document.blocks[files[f].block_begin].node);
    REQUIRE(h);
    CHECK(h->level == 2);
  }
  // The level-3 heading stays in its section's file.
  CHECK(layout.links.href(0, "two-sub", "ch002.xhtml") == "ch001-2.xhtml#two-sub");
  CHECK(layout.links.href(0, "three", "ch002.xhtml") == "ch001-3.xhtml#three");
  CHECK(layout.links.href(0, "three", "ch001-3.xhtml") == "#three");
  CHECK(layout.links.href(0, "", "ch002.xhtml") == "ch001.xhtml");
  CHECK_FALSE(layout.links.href(0, "gone", "ch002.xhtml"));
  CHECK_FALSE(layout.links.href(7, "", "ch002.xhtml"));
  // The footnote sits in the file that references it.
  CHECK(files[2].footnotes == std::vector<size_t>{0});
  CHECK(files[0].footnotes.empty());
  CHECK(layout.links.href(0, "fn-1", "ch001-3.xhtml") == "#fn-1");
  CHECK(layout.chapters[0].sections[3].href == "ch001-3.xhtml#three");

  // Rendering: the link in chapter 2 points at the third file; the missing anchor falls
  // back to the chapter's start; the local link stays local.
  epub::ChapterContext ctx;
  ctx.book = &book;
  ctx.language = "en";
  ctx.layout = &layout;
  std::vector<epub::ImageEntry> images;
  ctx.images = &images;
  Diagnostics diags;
  ctx.diagnostics = &diags;
  std::string ch2 = epub::render_chapter_file(ctx, 1, 0);
  CHECK(ch2.find("href=\"ch001-3.xhtml#three\"") != std::string::npos);
  CHECK(ch2.find("href=\"ch001.xhtml\"") != std::string::npos);
  CHECK(ch2.find("href=\"#local\"") != std::string::npos);
  std::string third = epub::render_chapter_file(ctx, 0, 2);
  CHECK(third.find("<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"fn-1\"") != std::string::npos);
  CHECK(third.find("href=\"#fnref-1\"") != std::string::npos);
  CHECK(third.find("<sup class=\"noteref\"><a epub:type=\"noteref\" role=\"doc-noteref\" id=\"fnref-1\" href=\"#fn-1\">1</a></sup>") !=
        std::string::npos);
  // The chapter header is only in the first file.
  CHECK(third.find("chapter-title") == std::string::npos);
  CHECK(epub::render_chapter_file(ctx, 0, 0).find("id=\"chapter-title\"") != std::string::npos);
}

TEST_CASE("heading ids are made usable and unique, and the writer's own ids win") {
  Blocks blocks{para(Inlines{note("a", 1)}), heading(2, "fn-1", "Named like a note"), heading(2, "dup", "A"),
                heading(2, "dup", "B"), heading(2, "", "No id"), heading(2, "with space", "S"),
                heading(2, "50%#\"<x>", "Odd"), heading(2, "调度器", "CJK")};
  Book book;
  book.chapters.push_back(chapter("c", "posts/c.md", std::move(blocks)));
  book.chapters[0].document.footnotes.push_back(footnote("a", 1, "x"));
  auto layout = epub::layout_book(book, 250 * 1024, epub::estimate_block_size);
  std::vector<std::string> ids;
  for (const auto& s : layout.chapters[0].sections) ids.push_back(s.href.substr(s.href.find('#') + 1));
  REQUIRE(ids.size() == 7);
  CHECK(ids[0] == "fn-1-1");
  CHECK(ids[1] == "dup");
  CHECK(ids[2] == "dup-1");
  CHECK(ids[3] == "section-4");
  CHECK(ids[4] == "with-space");
  CHECK(ids[5] == "50----x-");
  CHECK(ids[6] == "%E8%B0%83%E5%BA%A6%E5%99%A8");  // the id 调度器, percent-encoded in the href
  // A link written against the heading's id reaches the renamed one.
  CHECK(layout.links.href(0, "with space", "x.xhtml") == "ch001.xhtml#with-space");
}

TEST_CASE("the same footnote labels in two chapters stay apart") {
  Book book;
  for (int i = 0; i < 2; ++i) {
    book.chapters.push_back(chapter("c" + std::to_string(i), "posts/c" + std::to_string(i) + ".md",
                                    {para(Inlines{text("a"), note("1", 1), text("b"), note("1", 1)})}));
    book.chapters.back().document.footnotes.push_back(footnote("1", 1, "note " + std::to_string(i)));
  }
  auto layout = epub::layout_book(book, 250 * 1024, epub::estimate_block_size);
  CHECK(layout.links.href(0, "fn-1", "ch002.xhtml") == "ch001.xhtml#fn-1");
  CHECK(layout.links.href(1, "fn-1", "ch001.xhtml") == "ch002.xhtml#fn-1");
  CHECK(layout.links.href(1, "fnref-1-2", "ch002.xhtml") == "#fnref-1-2");
  epub::ChapterContext ctx;
  ctx.book = &book;
  ctx.language = "en";
  ctx.layout = &layout;
  std::vector<epub::ImageEntry> images;
  ctx.images = &images;
  std::string out = epub::render_chapter_file(ctx, 1, 0);
  CHECK(out.find("id=\"fnref-1\"") != std::string::npos);
  CHECK(out.find("id=\"fnref-1-2\"") != std::string::npos);
  CHECK(out.find("note 1") != std::string::npos);
}
