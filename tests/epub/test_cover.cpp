// The cover: book.yaml's image when it is usable, else one drawn with cairo and Pango.
#include <doctest/doctest.h>

#include <fstream>

#include "book_fixture.hpp"
#include "epub/cover.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("a generated cover is a PNG of the asked size") {
  TempDir dir;
  std::string png = epub::draw_cover_png("Go 夜读 · 2026 聚会合集", "八次线下分享的回顾", "Go 夜读小组", 160, 256);
  REQUIRE(png.size() > 100);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0);
  {
    std::ofstream out(dir.path() / "c.png", std::ios::binary);
    out << png;
  }
  CHECK(epub::sniff_media_type(dir.path() / "c.png") == "image/png");
  CHECK(epub::image_size(dir.path() / "c.png") == std::pair<uint32_t, uint32_t>{160, 256});
  // Drawing is deterministic: the same text gives the same bytes.
  CHECK(epub::draw_cover_png("Go 夜读 · 2026 聚会合集", "八次线下分享的回顾", "Go 夜读小组", 160, 256) == png);
}

TEST_CASE("book.yaml's cover is used as it is, relative to book.yaml") {
  TempDir dir;
  REQUIRE(write_png(dir.path() / "cover art.png", 300, 480));
  Book book;
  book.config.base_dir = dir.path();
  book.config.meta.cover = "cover art.png";
  Diagnostics diags;
  auto cover = epub::make_cover(book, diags);
  CHECK(diags.warning_count() == 0);
  CHECK(cover.media_type == "image/png");
  CHECK(cover.href == "images/cover.png");
  CHECK(cover.file == dir.path() / "cover art.png");
  CHECK(cover.bytes.empty());
  CHECK(cover.width == 300);
  CHECK(cover.height == 480);
}

TEST_CASE("a missing or unusable cover is a warning and a generated cover") {
  TempDir dir;
  Book book;
  book.config.base_dir = dir.path();
  book.config.file = dir.path() / "book.yaml";
  book.config.meta.title = "书名";
  book.config.meta.cover = "nope.jpg";
  Diagnostics diags;
  auto cover = epub::make_cover(book, diags);
  CHECK(diags.contains("cover image not found"));
  CHECK(cover.width == 1600);
  CHECK(cover.height == 2560);
  CHECK(cover.bytes.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0);

  {
    std::ofstream out(dir.path() / "cover.bmp", std::ios::binary);
    out << "BM not an image folio packs";
  }
  book.config.meta.cover = "cover.bmp";
  Diagnostics diags2;
  cover = epub::make_cover(book, diags2);
  CHECK(diags2.contains("not JPEG, PNG or GIF"));
  CHECK(cover.media_type == "image/png");
  CHECK(!cover.bytes.empty());
}
