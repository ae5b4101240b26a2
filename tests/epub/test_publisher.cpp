// What a publisher's EPUB has: a cover that fits the screen, contents outside the reading
// order with every level, honest figures and alt text, accessibility metadata computed
// from the content, labels in the book's language, ruby, photos downscaled.
#include <doctest/doctest.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>

#include "book_fixture.hpp"
#include "folio/epub.hpp"

using namespace folio;
using namespace folio::test;

namespace {

struct Epub {
  std::string entry(const std::filesystem::path& file, const char* name) {
    zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, nullptr);
    REQUIRE(z);
    zip_stat_t s;
    std::string bytes;
    if (zip_stat(z, name, 0, &s) == 0) {
      zip_file_t* f = zip_fopen(z, name, 0);
      bytes.resize(s.size);
      zip_fread(f, bytes.data(), s.size);
      zip_fclose(f);
    }
    zip_discard(z);
    return bytes;
  }
};

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

FigureAsset png_asset(const std::filesystem::path& file, uint32_t w, uint32_t h, std::string source) {
  FigureAsset a;
  a.source = std::move(source);
  a.ok = true;
  a.format = ImageFormat::png;
  a.width = w;
  a.height = h;
  a.file = file;
  a.size = std::filesystem::file_size(file);
  return a;
}

/// A Chinese book: three heading levels, a figure with alt text, one whose alt is only
/// "图片", an inline image without alt, a broken figure fetched from a mirror, ruby.
Book sample_book(const std::filesystem::path& dir, bool with_generic_alt) {
  REQUIRE(write_png(dir / "a.png", 40, 30));
  Book book;
  book.config.base_dir = dir;
  book.config.meta.title = "夜读";
  book.config.meta.language = "zh-CN";
  book.config.meta.rights = "© 2024 Gophers";
  book.config.epub.embed_fonts = EpubOptions::EmbedFonts::none;
  book.config.figures.cache_dir = dir / "cache";
  FigureAsset mirror;
  mirror.source = "https://mirror.example.net/cdn/gone.png";  // after --figure-rewrite
  mirror.failure = "HTTP 404";
  book.figures = {png_asset(dir / "a.png", 40, 30, (dir / "a.png").string()), mirror};

  Figure described{"a.png", "会场全景", "", {}, "", 0};
  Figure generic{"a.png", with_generic_alt ? "图片" : "讲者合影", "", {}, "", 0};
  Figure broken{"https://example.com/gone.png", "", "", {}, "", 1};
  Image inline_img;
  inline_img.src = "a.png";
  inline_img.figure = 0;
  inline_img.alt = with_generic_alt ? "" : "图标";
  Blocks blocks{
      para(Inlines{text("读作"), Inline{Ruby{{text("汉")}, "hàn"}, {}}, Inline{Ruby{{text("字")}, "zì"}, {}},
                   text("。"), Inline{inline_img, {}}}),
      heading(2, "a", "第一节"),
      heading(3, "a-1", "小节"),
      heading(4, "a-1-1", "细节"),
      Block{described, {}},
      Block{generic, {}},
      Block{broken, {3, 1}},
      heading(2, "b", "第二节"),
  };
  book.chapters.push_back(chapter("第一次", "posts/one.md", std::move(blocks)));
  return book;
}

}  // namespace

TEST_CASE("the cover is an SVG page that scales its image to any screen") {
  TempDir dir;
  Book book = sample_book(dir.path(), false);
  Diagnostics diags;
  auto out = dir.path() / "b.epub";
  REQUIRE(write_epub(book, out, diags));
  Epub e;
  std::string cover = e.entry(out, "EPUB/cover.xhtml");
  CHECK(has(cover, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(has(cover, "viewBox=\"0 0 1600 2560\""));
  CHECK(has(cover, "preserveAspectRatio=\"xMidYMid meet\""));
  CHECK(has(cover, "xlink:href=\"images/cover.png\""));
  CHECK(has(cover, "class=\"cover-page\""));
  std::string opf = e.entry(out, "EPUB/content.opf");
  CHECK(has(opf, "href=\"cover.xhtml\" media-type=\"application/xhtml+xml\" properties=\"svg\""));
  std::string css = e.entry(out, "EPUB/style.css");
  CHECK(has(css, ".cover svg { display: block; width: 100%; height: 100%; }"));
}

TEST_CASE("the contents keep every heading level and stay out of the reading order") {
  TempDir dir;
  Book book = sample_book(dir.path(), false);
  Diagnostics diags;
  auto out = dir.path() / "b.epub";
  REQUIRE(write_epub(book, out, diags));
  Epub e;
  std::string opf = e.entry(out, "EPUB/content.opf");
  CHECK(has(opf, "<itemref idref=\"nav\" linear=\"no\"/>"));
  std::string nav = e.entry(out, "EPUB/nav.xhtml");
  // 第一节 > 小节 > 细节, then 第二节 beside 第一节.
  size_t one = nav.find("第一节"), sub = nav.find("小节"), detail = nav.find("细节"), two = nav.find("第二节");
  REQUIRE(one != std::string::npos);
  REQUIRE(detail != std::string::npos);
  CHECK(nav.substr(one, sub - one).find("<ol>") != std::string::npos);
  CHECK(nav.substr(sub, detail - sub).find("<ol>") != std::string::npos);
  CHECK(nav.substr(detail, two - detail).find("</ol>") != std::string::npos);
  // Landmarks in the book's language; the title page leads to the contents.
  CHECK(has(nav, ">封面</a>"));
  CHECK(has(nav, ">正文</a>"));
  CHECK(has(nav, "<h1>目录</h1>"));
  CHECK(has(e.entry(out, "EPUB/titlepage.xhtml"), "<a href=\"nav.xhtml#toc\">目录</a>"));
  int status = 0;
  std::string report = epubcheck(out, status);
  INFO(report);
  CHECK(has(report, "No errors or warnings detected"));
}

TEST_CASE("figures: an empty alt stays empty, a broken figure shows the URL the author wrote") {
  TempDir dir;
  Book book = sample_book(dir.path(), true);
  Diagnostics diags;
  auto out = dir.path() / "b.epub";
  REQUIRE(write_epub(book, out, diags));
  Epub e;
  std::string ch = e.entry(out, "EPUB/ch001.xhtml");
  CHECK(has(ch, "alt=\"\" class=\"inline-image\""));
  CHECK_FALSE(has(ch, "alt=\"a.png\""));
  CHECK(has(ch, ">https://example.com/gone.png</p>"));
  CHECK_FALSE(has(ch, "mirror.example.net"));
  CHECK(has(ch, "aria-label=\"图片无法加载\""));
  // Ruby with fallback parentheses.
  CHECK(has(ch, "<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>"));
  std::string css = e.entry(out, "EPUB/style.css");
  CHECK(has(css, "max-height: 95vh"));
  CHECK(has(css, "object-fit: contain"));
  CHECK(has(css, ".footnote-back { text-decoration: underline;"));
  CHECK(has(css, "overflow-wrap: anywhere"));
  CHECK(has(css, "text-justify: inter-character"));
}

TEST_CASE("accessibility metadata is computed from the content") {
  TempDir dir;
  Epub e;
  Diagnostics diags;
  {
    Book book = sample_book(dir.path(), true);
    auto out = dir.path() / "generic.epub";
    REQUIRE(write_epub(book, out, diags));
    std::string opf = e.entry(out, "EPUB/content.opf");
    CHECK_FALSE(has(opf, "footnotes"));  // the book has none
    // Four images: "图片", the inline image's empty alt and the broken figure's describe nothing.
    CHECK(has(opf, "Limit: 3 of 4 images have no text alternative"));
    CHECK_FALSE(has(opf, ">alternativeText<"));
    CHECK_FALSE(has(opf, "dcterms:conformsTo"));
    CHECK(has(opf, ">rubyAnnotations<"));
    CHECK(has(opf, "<dc:rights>© 2024 Gophers</dc:rights>"));
  }
  {
    Book book = sample_book(dir.path(), false);
    std::get<Figure>(book.chapters[0].document.blocks[6].node).alt = "失效的图";
    book.chapters[0].document.footnotes.push_back(footnote("n", 1, "注"));
    auto out = dir.path() / "described.epub";
    REQUIRE(write_epub(book, out, diags));
    std::string opf = e.entry(out, "EPUB/content.opf");
    CHECK(has(opf, "footnotes as links"));
    CHECK(has(opf, ">alternativeText<"));
    CHECK(has(opf, "Every image (4) has a text alternative."));
    CHECK(has(opf, "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>"));
    int status = 0;
    std::string report = epubcheck(out, status);
    INFO(report);
    CHECK(has(report, "No errors or warnings detected"));
  }
}

TEST_CASE("photos larger than epub.max_image_pixels are downscaled") {
  TempDir dir;
  REQUIRE(write_png(dir.path() / "big.png", 3000, 2000));  // 6 MP
  Book book = sample_book(dir.path(), false);
  book.figures[0] = png_asset(dir.path() / "big.png", 3000, 2000, (dir.path() / "big.png").string());
  Diagnostics diags;
  auto out = dir.path() / "b.epub";
  REQUIRE(write_epub(book, out, diags));
  Epub e;
  std::string png = e.entry(out, "EPUB/images/fig-0001.png");
  REQUIRE(png.size() > 24);
  auto be32 = [&](size_t at) {
    return uint32_t(uint8_t(png[at])) << 24 | uint32_t(uint8_t(png[at + 1])) << 16 |
           uint32_t(uint8_t(png[at + 2])) << 8 | uint32_t(uint8_t(png[at + 3]));
  };
  uint32_t w = be32(16), h = be32(20);
  CHECK(uint64_t(w) * h <= 4'000'000);
  CHECK(uint64_t(w) * h > 3'500'000);
  CHECK(std::abs(int(w * 2) - int(h * 3)) <= 3);  // the aspect ratio is kept (within a pixel)
  std::string ch = e.entry(out, "EPUB/ch001.xhtml");
  CHECK(has(ch, "width=\"" + std::to_string(w) + "\""));
}

TEST_CASE("write_epub takes its options per call, and refuses out-of-range ones by name") {
  TempDir dir;
  REQUIRE(write_png(dir.path() / "big.png", 3000, 2000));  // 6 MP
  Book book = sample_book(dir.path(), false);
  book.figures[0] = png_asset(dir.path() / "big.png", 3000, 2000, (dir.path() / "big.png").string());
  // The book says: keep photos up to 4 MP. The call says: 1 MP, and a stylesheet of its own.
  std::filesystem::path css = dir.path() / "call.css";
  std::ofstream(css) << "p.call-only { color: teal; }\n";
  EpubOptions options = book.config.epub;
  options.max_image_pixels = 1'000'000;
  options.stylesheets = {css};
  Diagnostics diags;
  auto out = dir.path() / "per-call.epub";
  REQUIRE(write_epub(book, options, out, diags));
  Epub e;
  const std::string png = e.entry(out, "EPUB/images/fig-0001.png");
  REQUIRE(png.size() > 24);
  auto be32 = [&](size_t at) {
    return uint32_t(uint8_t(png[at])) << 24 | uint32_t(uint8_t(png[at + 1])) << 16 |
           uint32_t(uint8_t(png[at + 2])) << 8 | uint32_t(uint8_t(png[at + 3]));
  };
  CHECK(uint64_t(be32(16)) * be32(20) <= 1'000'000);
  CHECK(has(e.entry(out, "EPUB/style.css"), "p.call-only"));
  CHECK(book.config.epub.max_image_pixels == 4'000'000);  // the book itself is untouched
  int status = 0;
  std::string report = epubcheck(out, status);
  INFO(report);
  CHECK(has(report, "No errors or warnings detected"));

  EpubOptions wrong = book.config.epub;
  wrong.paragraph_indent_em = -3;
  Diagnostics refused;
  auto none = dir.path() / "refused.epub";
  CHECK_FALSE(write_epub(book, wrong, none, refused));
  CHECK_FALSE(std::filesystem::exists(none));
  REQUIRE(refused.error_count() == 1);
  CHECK(has(refused.all()[0].message, "EpubOptions::paragraph_indent_em is -3, outside 0-10"));
}
