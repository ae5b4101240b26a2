// The embedded fonts and their @font-face rules in a minimal EPUB 3 that epubcheck
// validates with 0 messages (the font media types, file names and CSS are what it checks).
#include <doctest/doctest.h>

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "font_test_support.hpp"
#include "folio/fonts.hpp"

using namespace folio;

namespace {

struct ZipClose {
  void operator()(zip_t* z) const { zip_discard(z); }
};

/// Writes a zip entry from a string (copied: libzip reads sources at close time).
void add_entry(zip_t* zip, const std::string& name, const std::string& bytes, bool store) {
  void* copy = malloc(bytes.size() ? bytes.size() : 1);
  memcpy(copy, bytes.data(), bytes.size());
  zip_source_t* source = zip_source_buffer(zip, copy, bytes.size(), 1);
  REQUIRE(source);
  zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  REQUIRE(index >= 0);
  if (store) zip_set_file_compression(zip, zip_uint64_t(index), ZIP_CM_STORE, 0);
}

std::string xhtml(const std::string& title, const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
         "lang=\"zh-CN\" xml:lang=\"zh-CN\">\n<head><title>" +
         title + "</title><link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/></head>\n<body>" + body +
         "</body></html>\n";
}

}  // namespace

TEST_CASE("an EPUB with the subset fonts passes epubcheck with 0 messages") {
  Document doc;
  doc.source = "content/posts/go.md";
  doc.blocks.push_back(test::paragraph_at({test::text_at("并发不是并行。Concurrency ≠ parallelism", 1, 1)}, 1));
  Heading h;
  h.children.push_back(test::text_at("通道与选择", 3, 4));
  doc.blocks.push_back(Block{h, {3, 1}});
  doc.blocks.push_back(Block{CodeBlock{"go", "go", "ch := make(chan int) // 通道\n"}, {5, 1}});
  Book book = test::book_with(std::move(doc));

  Diagnostics diags;
  FontSet set = resolve_fonts({}, "zh-CN", diags);
  auto fonts = fonts_for_epub(book, set, diags);
  REQUIRE(fonts.size() >= 3);

  std::string css;
  std::string manifest;
  for (size_t i = 0; i < fonts.size(); ++i) {
    css += fonts[i].css;
    manifest += "<item id=\"font" + std::to_string(i) + "\" href=\"" + fonts[i].file_name + "\" media-type=\"" +
                fonts[i].media_type + "\"/>\n";
  }
  css += "body { font-family: " + css_font_family(FontRole::body, fonts) + "; }\n";
  css += "h2 { font-family: " + css_font_family(FontRole::heading, fonts) + "; }\n";
  css += "pre, code { font-family: " + css_font_family(FontRole::code, fonts) + "; }\n";

  test::TempDir dir;
  auto epub = dir.path / "fonts.epub";
  int error = 0;
  std::unique_ptr<zip_t, ZipClose> zip(zip_open(epub.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error));
  REQUIRE(zip);
  add_entry(zip.get(), "mimetype", "application/epub+zip", true);
  add_entry(zip.get(), "META-INF/container.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container version=\"1.0\" "
            "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n<rootfiles><rootfile "
            "full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>\n</container>\n",
            false);
  add_entry(zip.get(), "EPUB/package.opf",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" "
            "version=\"3.0\" unique-identifier=\"id\" xml:lang=\"zh-CN\">\n<metadata "
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:identifier "
            "id=\"id\">urn:uuid:6f1c1a3e-0d5b-4c1e-9a4f-3f6f1c1a3e0d</dc:identifier>\n<dc:title>书名</dc:title>"
            "<dc:language>zh-CN</dc:language>\n<meta property=\"dcterms:modified\">2026-01-01T00:00:00Z</meta>\n"
            "</metadata>\n<manifest>\n<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
            "properties=\"nav\"/>\n<item id=\"ch\" href=\"ch.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
            "<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n" +
                manifest + "</manifest>\n<spine><itemref idref=\"ch\"/></spine>\n</package>\n",
            false);
  add_entry(zip.get(), "EPUB/nav.xhtml",
            xhtml("目录", "<nav epub:type=\"toc\"><ol><li><a href=\"ch.xhtml\">测试</a></li></ol></nav>"), false);
  add_entry(zip.get(), "EPUB/ch.xhtml",
            xhtml("测试", "<p>并发不是并行。Concurrency ≠ parallelism</p><h2>通道与选择</h2><pre><code>ch := make(chan "
                          "int) // 通道</code></pre>"),
            false);
  add_entry(zip.get(), "EPUB/style.css", css, false);
  for (const auto& f : fonts) add_entry(zip.get(), "EPUB/" + f.file_name, f.bytes, false);
  REQUIRE(zip_close(zip.get()) == 0);
  zip.release();

  std::string report = test::run("java -jar /usr/share/java/epubcheck.jar " + epub.string() + " 2>&1");
  MESSAGE(report);
  CHECK(report.find("Messages: 0 fatals / 0 errors / 0 warnings / 0 infos") != std::string::npos);
}
