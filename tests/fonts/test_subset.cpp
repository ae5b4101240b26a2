// Subsetting: the subset parses back with HarfBuzz, covers exactly the characters asked
// for (those the face has), and draws in a PDF made with cairo (checked with poppler).
#include <doctest/doctest.h>

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <fstream>
#include <set>

#include "base/utf8.hpp"
#include "font_face.hpp"
#include "font_test_support.hpp"
#include "folio/fonts.hpp"
#include "subset.hpp"

using namespace folio;

namespace {

std::set<char32_t> code_points_of(const std::string& text) {
  std::set<char32_t> out;
  for (size_t i = 0; i < text.size();) out.insert(utf8::next(text, i));
  return out;
}

std::set<char32_t> unicodes_of_font(const std::string& bytes) {
  hb_blob_t* blob = hb_blob_create(bytes.data(), unsigned(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  CHECK(hb_face_count(blob) == 1);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_set_t* set = hb_set_create();
  hb_face_collect_unicodes(face, set);
  std::set<char32_t> out;
  for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(set, &c);) out.insert(c);
  hb_set_destroy(set);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return out;
}

const ResolvedFont& body_han_font() {
  static Diagnostics diags;
  static const FontSet set = resolve_fonts({}, "zh-CN", diags);
  return set.body.fonts.at(0);
}

}  // namespace

TEST_CASE("a TTC face subsets to a standalone CFF font with exactly the characters used") {
  const ResolvedFont& font = body_han_font();
  auto face = fonts::FontFace::open(font.file, font.face_index);
  REQUIRE(face);
  CHECK(face->face_count() > 1);  // Noto CJK ships as a collection

  const std::string text = "你好，世界！Hello, Gopher. 並發";
  auto used = code_points_of(text);
  std::vector<char32_t> wanted(used.begin(), used.end());
  auto bytes = fonts::subset_face(*face, wanted);
  REQUIRE(bytes);
  CHECK(bytes->compare(0, 4, "OTTO") == 0);  // still CFF-flavoured OpenType
  CHECK(std::string(fonts::font_media_type(*bytes)) == "font/otf");
  CHECK(bytes->size() < 100 * 1024);

  // Exactly: every used character the face has, nothing else.
  std::set<char32_t> expected;
  for (char32_t c : used)
    if (face->covers(c)) expected.insert(c);
  CHECK(expected.size() == used.size());
  CHECK(unicodes_of_font(*bytes) == expected);

  // With the always-kept extras: exactly used ∪ kept.
  std::vector<char32_t> with_kept = wanted;
  for (char32_t c : fonts::always_kept_code_points()) with_kept.push_back(c);
  auto bigger = fonts::subset_face(*face, with_kept);
  REQUIRE(bigger);
  std::set<char32_t> expected_kept = expected;
  for (char32_t c : fonts::always_kept_code_points())
    if (face->covers(c)) expected_kept.insert(c);
  CHECK(unicodes_of_font(*bigger) == expected_kept);
  CHECK(unicodes_of_font(*bigger).count(U'\u3000'));
}

TEST_CASE("a whole TTC face is extracted as a standalone font") {
  const ResolvedFont& font = body_han_font();
  auto face = fonts::FontFace::open(font.file, font.face_index);
  REQUIRE(face);
  std::string whole = fonts::standalone_font_bytes(*face);
  CHECK(whole.compare(0, 4, "OTTO") == 0);
  auto unicodes = unicodes_of_font(whole);
  CHECK(unicodes.size() == hb_set_get_population(face->unicodes()));
  CHECK(unicodes.count(U'中'));
}

TEST_CASE("a subset font draws in a PDF: embedded, and its text comes back") {
  const ResolvedFont& font = body_han_font();
  auto face = fonts::FontFace::open(font.file, font.face_index);
  REQUIRE(face);
  const std::string text = "折叠屏幕上的Go语言：并发与通道";
  auto used = code_points_of(text);
  auto bytes = fonts::subset_face(*face, std::vector<char32_t>(used.begin(), used.end()));
  REQUIRE(bytes);

  test::TempDir dir;
  auto pdf = dir.path / "subset.pdf";
  FT_Library library = nullptr;
  REQUIRE(FT_Init_FreeType(&library) == 0);
  FT_Face ft_face = nullptr;
  REQUIRE(FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes->data()), FT_Long(bytes->size()), 0,
                             &ft_face) == 0);
  {
    cairo_font_face_t* cairo_face = cairo_ft_font_face_create_for_ft_face(ft_face, 0);
    cairo_surface_t* surface = cairo_pdf_surface_create(pdf.c_str(), 400, 200);
    cairo_t* cr = cairo_create(surface);
    cairo_set_font_face(cr, cairo_face);
    cairo_set_font_size(cr, 20);
    cairo_move_to(cr, 20, 100);
    cairo_show_text(cr, text.c_str());
    CHECK(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    CHECK(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(surface);
    cairo_font_face_destroy(cairo_face);
  }
  FT_Done_Face(ft_face);
  FT_Done_FreeType(library);

  std::string fonts_report = test::run("pdffonts " + pdf.string());
  MESSAGE(fonts_report);
  CHECK(fonts_report.find("NotoSerifCJK") != std::string::npos);
  CHECK(fonts_report.find(" yes yes yes") != std::string::npos);  // emb, sub, uni
  std::string extracted = test::run("pdftotext " + pdf.string() + " -");
  CHECK(extracted.find(text) != std::string::npos);
}
