// EPUB font embedding: none, subset and full; family names and @font-face rules.
#include <doctest/doctest.h>

#include <hb.h>

#include <set>

#include "font_test_support.hpp"
#include "folio/fonts.hpp"

using namespace folio;

namespace {

Book sample_book() {
  Document doc;
  doc.source = "content/posts/go.md";
  doc.blocks.push_back(test::paragraph_at({test::text_at("并发不是并行。Concurrency ≠ parallelism ✓", 5, 1)}, 5));
  Heading h;
  h.children.push_back(test::text_at("通道", 7, 4));
  doc.blocks.push_back(Block{h, {7, 1}});
  doc.blocks.push_back(Block{CodeBlock{"go", "go", "ch := make(chan int) // 通道\n"}, {9, 1}});
  return test::book_with(std::move(doc), "Go 并发");
}

const FontSet& installed_fonts() {
  static Diagnostics diags;
  static const FontSet set = resolve_fonts({}, "zh-CN", diags);
  return set;
}

unsigned glyph_count(const std::string& bytes) {
  hb_blob_t* blob = hb_blob_create(bytes.data(), unsigned(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  unsigned n = hb_face_get_glyph_count(face);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return n;
}

const EmbeddedFont* find(const std::vector<EmbeddedFont>& fonts, const std::string& family) {
  for (const auto& f : fonts)
    if (f.family == family) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("embed_fonts: none embeds nothing") {
  Book book = sample_book();
  book.config.epub.embed_fonts = EpubOptions::EmbedFonts::none;
  Diagnostics diags;
  CHECK(fonts_for_epub(book, installed_fonts(), diags).empty());
  CHECK(css_font_family(FontRole::body, {}) == "serif");
}

TEST_CASE("embed_fonts: subset embeds small fonts per role with @font-face rules") {
  Book book = sample_book();
  Diagnostics diags;
  auto fonts = fonts_for_epub(book, installed_fonts(), diags);
  CHECK(diags.all().empty());

  const EmbeddedFont* body = find(fonts, "folio-body");
  const EmbeddedFont* heading = find(fonts, "folio-heading");
  const EmbeddedFont* code = find(fonts, "folio-code");
  REQUIRE(body);
  REQUIRE(heading);
  REQUIRE(code);
  CHECK(body->file_name == "fonts/body.otf");
  CHECK(body->media_type == "font/otf");
  CHECK(heading->file_name == "fonts/heading.otf");
  CHECK(code->file_name == "fonts/code.ttf");  // DejaVu Sans Mono is TrueType
  CHECK(code->media_type == "font/ttf");
  CHECK(body->bytes.size() < 150 * 1024);
  CHECK(glyph_count(body->bytes) < 400);
  CHECK(body->css.find("font-family: \"folio-body\"") != std::string::npos);
  CHECK(body->css.find("url(\"fonts/body.otf\") format(\"opentype\")") != std::string::npos);
  CHECK(heading->css.find("font-weight: 700") != std::string::npos);

  // Han in code comes from the CJK mono, the second font of the code chain.
  const EmbeddedFont* code_han = find(fonts, "folio-code-2");
  REQUIRE(code_han);
  CHECK(code_han->media_type == "font/otf");
  CHECK(css_font_family(FontRole::code, fonts).starts_with("\"folio-code\", \"folio-code-2\""));
  CHECK(css_font_family(FontRole::code, fonts).ends_with(", monospace"));
  CHECK(css_font_family(FontRole::heading, fonts).ends_with("sans-serif"));

  // Every file name is ASCII and unique.
  std::set<std::string> names;
  for (const auto& f : fonts) {
    CHECK(names.insert(f.file_name).second);
    for (unsigned char c : f.file_name) CHECK(c < 0x80);
  }
}

TEST_CASE("embed_fonts: full embeds whole faces, extracted from the collection") {
  Book book = sample_book();
  book.config.epub.embed_fonts = EpubOptions::EmbedFonts::full;
  Diagnostics diags;
  auto fonts = fonts_for_epub(book, installed_fonts(), diags);
  const EmbeddedFont* body = find(fonts, "folio-body");
  REQUIRE(body);
  CHECK(body->bytes.compare(0, 4, "OTTO") == 0);
  CHECK(glyph_count(body->bytes) > 30000);
}

TEST_CASE("characters of the writer's own labels are kept in the body and heading subsets") {
  Book book = sample_book();
  Diagnostics diags;
  auto without = fonts_for_epub(book, installed_fonts(), diags);
  auto with = fonts_for_epub(book, installed_fonts(), diags, "目录 封面");
  auto has = [](const EmbeddedFont* f, char32_t c) {
    hb_blob_t* blob = hb_blob_create(f->bytes.data(), unsigned(f->bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_set_t* set = hb_set_create();
    hb_face_collect_unicodes(face, set);
    bool found = hb_set_has(set, c);
    hb_set_destroy(set);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return found;
  };
  CHECK_FALSE(has(find(without, "folio-body"), U'录'));
  CHECK(has(find(with, "folio-body"), U'录'));
  CHECK(has(find(with, "folio-heading"), U'封'));
  CHECK_FALSE(has(find(with, "folio-code-2"), U'封'));
}
