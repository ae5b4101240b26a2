// write_epub end to end on hand-built books: epubcheck with 0 errors and 0 warnings,
// container layout, byte-identical rebuilds, failures that leave nothing behind.
#include <doctest/doctest.h>
#include <webp/encode.h>
#include <zip.h>

#include <fstream>

#include "book_fixture.hpp"
#include "folio/epub.hpp"

using namespace folio;
using namespace folio::test;

namespace {

// A one-post book with every kind of block and inline, a real PNG figure, a missing
// figure and an inline image without alt text.
Book full_book(const std::filesystem::path& dir) {
  REQUIRE(write_png(dir / "photo one.png", 64, 48));
  Book book;
  book.config.base_dir = dir;
  book.config.meta.title = "Go 夜读 & <Friends>";
  book.config.meta.subtitle = "第一季";
  book.config.meta.authors = {"张三", "Jane Doe"};
  book.config.meta.description = "Recaps of the meetup.";
  book.config.meta.publisher = "Gophers";
  book.config.meta.rights = "CC BY 4.0";
  book.config.epub.embed_fonts = EpubOptions::EmbedFonts::none;

  FigureAsset ok;
  ok.source = (dir / "photo one.png").string();
  ok.ok = true;
  ok.format = ImageFormat::png;
  ok.width = 64;
  ok.height = 48;
  ok.file = dir / "photo one.png";
  ok.size = std::filesystem::file_size(ok.file);
  FigureAsset missing;
  missing.source = "https://example.com/gone.png";
  missing.failure = "HTTP 404";
  book.figures = {ok, missing};

  Figure fig;
  fig.src = "photo one.png";
  fig.alt = "会场照片";
  fig.caption = {text("Meetup "), emph({text("room")})};
  fig.figure = 0;
  Figure gone;
  gone.src = "https://example.com/gone.png";
  gone.figure = 1;
  Table table;
  table.align = {Align::left, Align::center, Align::right};
  for (auto* h : {"名称", "Center", "数量"}) table.header.push_back(TableCell{{text(h)}, {}});
  table.rows.push_back({TableCell{{text("goroutine")}, {}}, TableCell{{code("go f()")}, {}}, TableCell{{text("1")}, {}}});
  List tasks;
  tasks.items.push_back(ListItem{true, {para("done")}, {}});
  tasks.items.push_back(ListItem{false, {para("todo")}, {}});
  List ordered;
  ordered.ordered = true;
  ordered.start = 3;
  ordered.tight = false;
  ordered.items.push_back(ListItem{std::nullopt, {para("three"), code_block("", "nested\n")}, {}});
  Division details;
  details.kind = "details";
  details.title = {text("展开")};
  details.children = {para("隐藏内容")};
  DefinitionList dl;
  dl.items.push_back(DefinitionItem{{text("GMP")}, {{para("调度模型")}}, {}});
  Image inline_img;
  inline_img.src = "/images/icon.png";
  inline_img.figure = 0;

  Blocks blocks{
      para(Inlines{text("正文 "), Inline{Strong{{text("粗体")}}, {}}, Inline{Strikethrough{{text("删除")}}, {}},
                   Inline{Superscript{{text("2")}}, {}}, Inline{Subscript{{text("i")}}, {}},
                   Inline{Math{"E=mc^2", false}, {}}, Inline{LineBreak{}, {}}, note("x", 1), text(" 🎉"),
                   link_to("https://golang.org/doc?a=1&b=2", {text("Go docs")}),
                   link_to("../other/", {text("outside")}), Inline{inline_img, {}}},
           7),
      heading(2, "调度器", "调度器 Scheduler"),
      code_block("go", "package main\n\nfunc main() { println(\"<hi> & bye\") }\n"),
      Block{std::move(table), {}},
      Block{std::move(tasks), {}},
      Block{std::move(ordered), {}},
      Block{BlockQuote{{para("引用")}}, {}},
      Block{ThematicBreak{}, {}},
      Block{fig, {}},
      Block{gone, {12, 1}},
      Block{std::move(details), {}},
      Block{std::move(dl), {}},
      Block{RawBlock{"html", "<center>raw <b>soup</center>"}, {}},
      heading(2, "2020-年", "2020 年"),
      para(Inlines{text("again"), note("x", 1), link_to("#调度器", {text("back up")})}),
  };
  Chapter c = chapter("第一次 Meetup: <Go> & 调度", "posts/第一次 meetup.md", std::move(blocks));
  c.document.footnotes.push_back(Footnote{"x", 1, {para("脚注 note"), code_block("", "x := 1\n")}, {}});
  book.chapters.push_back(std::move(c));
  return book;
}

std::string check_report(const std::filesystem::path& epub) {
  int status = 0;
  std::string report = epubcheck(epub, status);
  INFO(report);
  CHECK(status == 0);
  CHECK(report.find("No errors or warnings detected") != std::string::npos);
  return report;
}

struct ZipDeleter {
  void operator()(zip_t* z) const { zip_discard(z); }
};

}  // namespace

TEST_CASE("a one-post book with every construct passes epubcheck with no messages") {
  TempDir dir;
  Book book = full_book(dir.path());
  Diagnostics diags;
  auto out = dir.path() / "book.epub";
  REQUIRE(write_epub(book, out, diags));
  CHECK(diags.error_count() == 0);
  // The missing figure (unresolved here) and the outside link are reported with their place.
  CHECK(diags.contains("link leads outside the book"));
  check_report(out);

  std::unique_ptr<zip_t, ZipDeleter> zip(zip_open(out.c_str(), ZIP_RDONLY, nullptr));
  REQUIRE(zip);
  CHECK(std::string(zip_get_name(zip.get(), 0, 0)) == "mimetype");
  CHECK(std::string(zip_get_name(zip.get(), 1, 0)) == "META-INF/container.xml");
  zip_stat_t st;
  REQUIRE(zip_stat(zip.get(), "mimetype", 0, &st) == 0);
  CHECK(st.comp_method == ZIP_CM_STORE);
  REQUIRE(zip_stat(zip.get(), "EPUB/images/fig-0001.png", 0, &st) == 0);
  CHECK(st.comp_method == ZIP_CM_STORE);
  REQUIRE(zip_stat(zip.get(), "EPUB/ch001.xhtml", 0, &st) == 0);
  CHECK(st.comp_method == ZIP_CM_DEFLATE);
  REQUIRE(zip_stat(zip.get(), "EPUB/images/cover.png", 0, &st) == 0);

  auto read_entry = [&](const char* name) {
    zip_stat_t s;
    REQUIRE(zip_stat(zip.get(), name, 0, &s) == 0);
    zip_file_t* f = zip_fopen(zip.get(), name, 0);
    REQUIRE(f);
    std::string bytes(s.size, '\0');
    zip_fread(f, bytes.data(), s.size);
    zip_fclose(f);
    return bytes;
  };
  std::string ch = read_entry("EPUB/ch001.xhtml");
  CHECK(ch.find("<code class=\"language-go\">") != std::string::npos);
  CHECK(ch.find("<sup class=\"noteref\"><a epub:type=\"noteref\"") != std::string::npos);
  CHECK(ch.find("<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"fn-1\"") != std::string::npos);
  CHECK(ch.find("alt=\"会场照片\"") != std::string::npos);
  CHECK(ch.find("alt=\"icon.png\"") == std::string::npos);  // no alt text: alt="", never the file name
  CHECK(ch.find("<figcaption>Meetup <em>room</em></figcaption>") != std::string::npos);
  CHECK(ch.find("https://example.com/gone.png") != std::string::npos);  // placeholder shows the source
  CHECK(ch.find("class=\"align-right\"") != std::string::npos);
  CHECK(ch.find("<del>删除</del>") != std::string::npos);
  CHECK(ch.find("<ol start=\"3\">") != std::string::npos);
  CHECK(ch.find("\u2611") != std::string::npos);
  CHECK(ch.find("<time datetime=") != std::string::npos);
  CHECK(ch.find("lang=\"zh-CN\" xml:lang=\"zh-CN\"") != std::string::npos);
  std::string opf = read_entry("EPUB/content.opf");
  CHECK(opf.find("<dc:language>zh-CN</dc:language>") != std::string::npos);
  CHECK(opf.find("<dc:subject>meetup</dc:subject>") != std::string::npos);
  CHECK(opf.find("alternativeText") == std::string::npos);  // the inline image has no alt
  CHECK(opf.find("properties=\"cover-image\"") != std::string::npos);
  std::string nav = read_entry("EPUB/nav.xhtml");
  CHECK(nav.find("epub:type=\"landmarks\"") != std::string::npos);
  CHECK(nav.find("href=\"cover.xhtml\"") != std::string::npos);
  CHECK(nav.find("href=\"ch001.xhtml#2020-%E5%B9%B4\"") != std::string::npos);  // the id 2020-年
  std::string ncx = read_entry("EPUB/toc.ncx");
  std::string id = opf.substr(opf.find("<dc:identifier id=\"book-id\">") + 28);
  id = id.substr(0, id.find('<'));
  CHECK(ncx.find("<meta name=\"dtb:uid\" content=\"" + id + "\"/>") != std::string::npos);
}

TEST_CASE("the same book written twice gives the same bytes") {
  TempDir dir;
  Book book = full_book(dir.path());
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  Diagnostics diags;
  REQUIRE(write_epub(book, dir.path() / "a.epub", diags));
  REQUIRE(write_epub(book, dir.path() / "b.epub", diags));
  unsetenv("SOURCE_DATE_EPOCH");
  std::string a = slurp(dir.path() / "a.epub"), b = slurp(dir.path() / "b.epub");
  CHECK(a.size() > 1000);
  CHECK(a == b);
  // mimetype is the first local header: stored (method 0), no extra field, exact bytes.
  REQUIRE(a.size() > 60);
  CHECK(a.compare(0, 4, "PK\x03\x04") == 0);
  CHECK(a[8] == 0);
  CHECK(a[9] == 0);
  CHECK(a[28] == 0);
  CHECK(a[29] == 0);
  CHECK(a.compare(30, 8 + 20, "mimetypeapplication/epub+zip") == 0);
}

TEST_CASE("a chapter split into files keeps every link and TOC entry valid") {
  TempDir dir;
  Book book;
  book.config.meta.title = "Split";
  book.config.epub.embed_fonts = EpubOptions::EmbedFonts::none;
  book.config.epub.split_bytes = 2000;
  Blocks big;
  for (int s = 1; s <= 5; ++s) {
    big.push_back(heading(2, "s" + std::to_string(s), "Section " + std::to_string(s)));
    big.push_back(para(Inlines{text(std::string(1500, 'a')), note("n" + std::to_string(s), s)}));
  }
  Chapter c = chapter("Big", "posts/big.md", std::move(big));
  for (int s = 1; s <= 5; ++s) c.document.footnotes.push_back(footnote("n" + std::to_string(s), s, "note"));
  book.chapters.push_back(std::move(c));
  book.chapters.push_back(chapter("Links", "posts/links.md",
                                  {para(Inlines{link_to("../big/#s4", {text("s4")}, 0, "s4"),
                                                link_to("../big/", {text("start")}, 0, "")})}));
  Diagnostics diags;
  auto out = dir.path() / "split.epub";
  REQUIRE(write_epub(book, out, diags));
  std::unique_ptr<zip_t, ZipDeleter> zip(zip_open(out.c_str(), ZIP_RDONLY, nullptr));
  REQUIRE(zip);
  zip_stat_t st;
  CHECK(zip_stat(zip.get(), "EPUB/ch001-5.xhtml", 0, &st) == 0);
  check_report(out);
}

TEST_CASE("a missing output folder is created, as the PDF writer does") {
  TempDir dir;
  Book book = full_book(dir.path());
  Diagnostics diags;
  auto out = dir.path() / "no such folder" / "book.epub";
  CHECK(write_epub(book, out, diags));
  CHECK(diags.error_count() == 0);
  CHECK(std::filesystem::is_regular_file(out));
}

TEST_CASE("a book that cannot be written leaves nothing behind") {
  TempDir dir;
  Book book = full_book(dir.path());
  Diagnostics diags;
  // A folder that cannot be made: its parent is a regular file.
  std::filesystem::path blocker = dir.path() / "a-file";
  { std::ofstream(blocker) << "x"; }
  auto out = blocker / "book.epub";
  CHECK_FALSE(write_epub(book, out, diags));
  CHECK(diags.error_count() > 0);
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("embedded fonts come with their faces and Apple's display options") {
  TempDir dir;
  Book book;
  book.config.meta.title = "字体";
  book.chapters.push_back(chapter("中文", "posts/a.md", {para("中文内容和 English text."), code_block("go", "fmt.Println(\"你好\")\n")}));
  Diagnostics diags;
  auto out = dir.path() / "fonts.epub";
  REQUIRE(write_epub(book, out, diags));
  std::unique_ptr<zip_t, ZipDeleter> zip(zip_open(out.c_str(), ZIP_RDONLY, nullptr));
  REQUIRE(zip);
  zip_stat_t st;
  CHECK(zip_stat(zip.get(), "META-INF/com.apple.ibooks.display-options.xml", 0, &st) == 0);
  bool has_font = false;
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip.get(), 0); ++i)
    if (std::string(zip_get_name(zip.get(), zip_uint64_t(i), 0)).rfind("EPUB/fonts/", 0) == 0) has_font = true;
  CHECK(has_font);
  check_report(out);
}

TEST_CASE("a book without chapters is still a valid EPUB") {
  TempDir dir;
  Book book;
  book.config.epub.embed_fonts = EpubOptions::EmbedFonts::none;
  Diagnostics diags;
  auto out = dir.path() / "empty.epub";
  REQUIRE(write_epub(book, out, diags));
  check_report(out);
}

TEST_CASE("WebP figures become JPEG or PNG and SVG figures are packed as SVG, through figure_for_epub") {
  TempDir dir;
  // A real lossless WebP (epubcheck 4.2.6 rejects WebP, so it must not reach the archive).
  std::vector<uint8_t> rgb(32 * 24 * 3, 0x80);
  uint8_t* webp = nullptr;
  size_t webp_size = WebPEncodeLosslessRGB(rgb.data(), 32, 24, 32 * 3, &webp);
  REQUIRE(webp_size > 0);
  {
    std::ofstream out(dir.path() / "pic.webp", std::ios::binary);
    out.write(reinterpret_cast<const char*>(webp), std::streamsize(webp_size));
  }
  WebPFree(webp);
  {
    std::ofstream out(dir.path() / "chart.svg");
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\" viewBox=\"0 0 40 20\">"
           "<rect width=\"40\" height=\"20\" fill=\"#369\"/></svg>\n";
  }
  Book book;
  book.config.meta.title = "Formats";
  book.config.epub.embed_fonts = EpubOptions::EmbedFonts::none;
  book.config.figures.cache_dir = dir.path() / "cache";
  auto asset = [&](const char* name, ImageFormat format, uint32_t w, uint32_t h) {
    FigureAsset a;
    a.source = name;
    a.ok = true;
    a.format = format;
    a.width = w;
    a.height = h;
    a.file = dir.path() / name;
    a.size = std::filesystem::file_size(a.file);
    return a;
  };
  book.figures = {asset("pic.webp", ImageFormat::webp, 32, 24), asset("chart.svg", ImageFormat::svg, 40, 20)};
  Figure webp_fig, svg_fig;
  webp_fig.src = "pic.webp";
  webp_fig.alt = "a WebP picture";
  webp_fig.figure = 0;
  svg_fig.src = "chart.svg";
  svg_fig.alt = "an SVG chart";
  svg_fig.figure = 1;
  book.chapters.push_back(chapter("Figures", "posts/f.md", {Block{webp_fig, {}}, Block{svg_fig, {}}}));
  Diagnostics diags;
  auto out = dir.path() / "formats.epub";
  REQUIRE(write_epub(book, out, diags));
  std::unique_ptr<zip_t, ZipDeleter> zip(zip_open(out.c_str(), ZIP_RDONLY, nullptr));
  REQUIRE(zip);
  zip_stat_t st;
  // An opaque WebP becomes JPEG, one with transparency PNG (figure_for_epub decides).
  CHECK((zip_stat(zip.get(), "EPUB/images/fig-0001.jpg", 0, &st) == 0 ||
         zip_stat(zip.get(), "EPUB/images/fig-0001.png", 0, &st) == 0));
  CHECK(zip_stat(zip.get(), "EPUB/images/fig-0002.svg", 0, &st) == 0);
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip.get(), 0); ++i)
    CHECK(std::string(zip_get_name(zip.get(), zip_uint64_t(i), 0)).find(".webp") == std::string::npos);
  check_report(out);
}

TEST_CASE("parts get a page and hold their chapters in the table of contents") {
  TempDir dir;
  Book book;
  book.config.meta.title = "Parts";
  book.config.epub.embed_fonts = EpubOptions::EmbedFonts::none;
  book.parts = {Part{"2023"}, Part{"2024"}};
  book.chapters.push_back(chapter("A", "posts/a.md", {heading(2, "x", "X"), para("a")}));
  book.chapters.push_back(chapter("B", "posts/b.md", {para("b")}));
  book.chapters.push_back(chapter("C", "posts/c.md", {para("c")}));
  book.chapters[0].part = 0;
  book.chapters[1].part = 0;
  book.chapters[2].part = 1;
  Diagnostics diags;
  auto out = dir.path() / "parts.epub";
  REQUIRE(write_epub(book, out, diags));
  std::unique_ptr<zip_t, ZipDeleter> zip(zip_open(out.c_str(), ZIP_RDONLY, nullptr));
  REQUIRE(zip);
  zip_stat_t st;
  REQUIRE(zip_stat(zip.get(), "EPUB/nav.xhtml", 0, &st) == 0);
  zip_file_t* f = zip_fopen(zip.get(), "EPUB/nav.xhtml", 0);
  std::string nav(st.size, '\0');
  zip_fread(f, nav.data(), st.size);
  zip_fclose(f);
  // Part 1 holds A (with its section) and B; part 2 holds C.
  CHECK(nav.find("<li><a href=\"part01.xhtml\">2023</a><ol>\n<li><a href=\"ch001.xhtml\">A</a><ol>\n"
                 "<li><a href=\"ch001.xhtml#x\">X</a></li>\n</ol>\n</li>\n<li><a href=\"ch002.xhtml\">B</a></li>\n</ol>\n</li>") !=
        std::string::npos);
  CHECK(nav.find("<li><a href=\"part02.xhtml\">2024</a><ol>\n<li><a href=\"ch003.xhtml\">C</a></li>") != std::string::npos);
  check_report(out);
}

TEST_CASE("a figure that fails only while writing is counted as a placeholder, not as embedded") {
  TempDir dir;
  Book book = full_book(dir.path());
  Diagnostics diags;
  WrittenFigures figures;
  REQUIRE(write_epub(book, dir.path() / "first.epub", diags, &figures));
  CHECK(figures.embedded == 1);      // the PNG
  CHECK(figures.placeholders == 1);  // the figure resolve_figures already failed
  // The PNG accepted earlier is gone when the writer wants it (another build's cache
  // sweep, a user's rm): a placeholder with a warning, and counted so.
  book.config.figures.cache_dir = dir.path() / "cache";  // derived copies of this test only
  book.figures[0].format = ImageFormat::webp;  // WebP goes through a conversion that reads the file
  std::filesystem::remove(book.figures[0].file);
  Diagnostics again;
  REQUIRE(write_epub(book, dir.path() / "second.epub", again, &figures));
  CHECK(figures.embedded == 0);
  CHECK(figures.placeholders == 2);
  CHECK(again.contains("cannot read"));
}
