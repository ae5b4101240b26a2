// The package identifier (stable, content-derived, ISBN) and dcterms:modified.
#include <doctest/doctest.h>

#include <regex>

#include "book_fixture.hpp"
#include "epub/package.hpp"

using namespace folio;
using namespace folio::test;

namespace {
Book sample() {
  Book book;
  book.config.meta.title = "Go 夜读";
  book.chapters.push_back(chapter("一", "posts/a.md", {para("调度器")}, 1600000000));
  book.chapters.push_back(chapter("二", "posts/b.md", {para("垃圾回收")}, 1700000000));
  return book;
}
}  // namespace

TEST_CASE("the identifier is a valid UUID URN that a rebuild keeps") {
  Book a = sample(), b = sample();
  std::string id = epub::book_identifier(a);
  CHECK(std::regex_match(id, std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  CHECK(epub::book_identifier(b) == id);
}

TEST_CASE("the identifier changes with the title, a chapter's path or its text") {
  std::string id = epub::book_identifier(sample());
  Book t = sample();
  t.config.meta.title = "Go 夜读 2";
  CHECK(epub::book_identifier(t) != id);
  Book p = sample();
  p.chapters[1].post.rel_path = "posts/c.md";
  CHECK(epub::book_identifier(p) != id);
  Book x = sample();
  x.chapters[1].document.blocks.push_back(para("新段落"));
  CHECK(epub::book_identifier(x) != id);
  // Metadata that is not content does not move it.
  Book d = sample();
  d.config.meta.description = "changed";
  CHECK(epub::book_identifier(d) == id);
}

TEST_CASE("an ISBN from book.yaml becomes urn:isbn, other identifiers stay") {
  Book b = sample();
  b.config.meta.identifier = "978-7-115-12345-6";
  CHECK(epub::book_identifier(b) == "urn:isbn:9787115123456");
  b.config.meta.identifier = "urn:isbn:9787115123456";
  CHECK(epub::book_identifier(b) == "urn:isbn:9787115123456");
  b.config.meta.identifier = "doi:10.1000/182";
  CHECK(epub::book_identifier(b) == "doi:10.1000/182");
}

TEST_CASE("dcterms:modified comes from SOURCE_DATE_EPOCH, else the newest post") {
  Book b = sample();
  CHECK(epub::modified_timestamp(b, 0) == "1970-01-01T00:00:00Z");
  CHECK(epub::modified_timestamp(b, 1700000000) == "2023-11-14T22:13:20Z");
  CHECK(epub::modified_timestamp(b, std::nullopt) == "2023-11-14T22:13:20Z");
  CHECK(epub::publication_date(b) == b.chapters[1].post.date->ymd());
  CHECK(epub::modified_timestamp(Book{}, std::nullopt) == "1970-01-01T00:00:00Z");
}

TEST_CASE("the package claims alternativeText only when every image has alt text") {
  Book b = sample();
  epub::PackageInfo info;
  info.identifier = "urn:uuid:00000000-0000-8000-8000-000000000000";
  info.language = "zh-CN";
  info.modified = "2023-11-14T22:13:20Z";
  info.has_images = true;
  info.alt_text_complete = false;
  std::string opf = epub::render_package(b, info);
  CHECK(opf.find("alternativeText") == std::string::npos);
  CHECK(opf.find(">visual<") != std::string::npos);
  CHECK(opf.find(">textual,visual<") != std::string::npos);
  info.alt_text_complete = true;
  opf = epub::render_package(b, info);
  CHECK(opf.find(">alternativeText<") != std::string::npos);
  info.has_images = false;
  opf = epub::render_package(b, info);
  CHECK(opf.find("visual") == std::string::npos);
  // Exactly one dcterms:modified.
  size_t first = opf.find("dcterms:modified");
  REQUIRE(first != std::string::npos);
  CHECK(opf.find("dcterms:modified", first + 1) == std::string::npos);
}
