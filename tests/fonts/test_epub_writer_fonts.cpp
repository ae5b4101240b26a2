// The EPUB writer with embedded subset fonts: epubcheck reports 0 messages, the archive
// holds the subset fonts (small, standalone, with the book's characters) and the
// display-options file, and the stylesheet uses the folio-* families.
#include <doctest/doctest.h>

#include <hb.h>
#include <zip.h>

#include <memory>

#include "font_test_support.hpp"
#include "folio/epub.hpp"
#include "folio/fonts.hpp"

using namespace folio;

namespace {

struct ZipClose {
  void operator()(zip_t* z) const { zip_discard(z); }
};

/// The bytes of one archive entry, or nullopt if it is not there.
std::optional<std::string> read_entry(zip_t* zip, const std::string& name) {
  zip_stat_t st;
  if (zip_stat(zip, name.c_str(), 0, &st) != 0) return std::nullopt;
  zip_file_t* file = zip_fopen(zip, name.c_str(), 0);
  if (!file) return std::nullopt;
  std::string bytes(st.size, '\0');
  zip_int64_t n = zip_fread(file, bytes.data(), st.size);
  zip_fclose(file);
  if (n != zip_int64_t(st.size)) return std::nullopt;
  return bytes;
}

bool font_covers(const std::string& bytes, char32_t c) {
  hb_blob_t* blob = hb_blob_create(bytes.data(), unsigned(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_set_t* set = hb_set_create();
  hb_face_collect_unicodes(face, set);
  bool found = hb_set_has(set, c);
  hb_set_destroy(set);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return found;
}

}  // namespace

TEST_CASE("write_epub with subset fonts: 0 epubcheck messages, small fonts with the book's characters") {
  Document doc;
  doc.source = "content/posts/go.md";
  Heading h;
  h.level = 2;
  h.id = h.post_id = "channels";
  h.children.push_back(test::text_at("通道与选择", 3, 4));
  doc.blocks.push_back(test::paragraph_at({test::text_at("并发不是并行。Concurrency ≠ parallelism", 1, 1)}, 1));
  doc.blocks.push_back(Block{h, {3, 1}});
  doc.blocks.push_back(Block{CodeBlock{"go", "go", "ch := make(chan int) // 缓冲\n"}, {5, 1}});
  Book book = test::book_with(std::move(doc), "Go 并发");
  book.config.meta.identifier = "urn:uuid:6f1c1a3e-0d5b-4c1e-9a4f-3f6f1c1a3e0d";
  book.config.meta.authors = {"Gopher"};
  book.chapters[0].post.rel_path = "posts/go.md";
  book.config.epub.embed_fonts = EpubOptions::EmbedFonts::subset;

  test::TempDir dir;
  auto epub = dir.path / "book.epub";
  Diagnostics diags;
  REQUIRE(write_epub(book, epub, diags));
  for (const auto& d : diags.all()) MESSAGE(d.format());
  CHECK(diags.error_count() == 0);

  std::string report = test::run("java -jar /usr/share/java/epubcheck.jar '" + epub.string() + "' 2>&1");
  MESSAGE(report);
  CHECK(report.find("Messages: 0 fatals / 0 errors / 0 warnings / 0 infos") != std::string::npos);

  int error = 0;
  std::unique_ptr<zip_t, ZipClose> zip(zip_open(epub.c_str(), ZIP_RDONLY, &error));
  REQUIRE(zip);
  CHECK(read_entry(zip.get(), "META-INF/com.apple.ibooks.display-options.xml"));
  // Find the fonts wherever the writer put its package folder.
  std::optional<std::string> body, heading, code_han, css;
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip.get(), 0); ++i) {
    std::string name = zip_get_name(zip.get(), zip_uint64_t(i), 0);
    if (name.ends_with("fonts/body.otf")) body = read_entry(zip.get(), name);
    if (name.ends_with("fonts/heading.otf")) heading = read_entry(zip.get(), name);
    if (name.ends_with("fonts/code-2.otf")) code_han = read_entry(zip.get(), name);
    if (name.ends_with(".css")) css = read_entry(zip.get(), name);
  }
  REQUIRE(body);
  REQUIRE(heading);
  REQUIRE(code_han);
  REQUIRE(css);
  CHECK(body->size() < 200 * 1024);  // a whole Noto Serif CJK face is over 10 MB
  CHECK(body->compare(0, 4, "OTTO") == 0);
  CHECK(font_covers(*body, U'并'));
  CHECK(font_covers(*heading, U'择'));
  CHECK(font_covers(*code_han, U'缓'));
  CHECK_FALSE(font_covers(*body, U'缓'));  // only in code: not in the body subset
  CHECK(css->find("font-family: \"folio-body\"") != std::string::npos);
}
