// Role resolution when no CJK font is visible: a private fontconfig configuration that
// only knows the DejaVu fonts. Runs as its own process (fontconfig loads its config once).
#include <doctest/doctest.h>

#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <fstream>

#include "font_test_support.hpp"
#include "folio/fonts.hpp"

using namespace folio;

TEST_CASE("without CJK fonts: DejaVu chains, and an error naming fonts-noto-cjk for a Chinese book") {
  test::TempDir dir;
  auto conf = dir.path / "fonts.conf";
  {
    std::ofstream out(conf);
    out << "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
        << "  <dir>/usr/share/fonts/truetype/dejavu</dir>\n"
        << "  <cachedir>" << (dir.path / "cache").string() << "</cachedir>\n</fontconfig>\n";
  }
  // Before the first fontconfig call of this process.
  setenv("FONTCONFIG_FILE", conf.c_str(), 1);

  Diagnostics chinese;
  FontSet set = resolve_fonts({}, "zh-CN", chinese);
  CHECK(chinese.error_count() == 1);
  CHECK(chinese.contains("fonts-noto-cjk"));
  REQUIRE_FALSE(set.body.fonts.empty());
  CHECK(set.body.fonts[0].family == "DejaVu Serif");
  CHECK(set.heading.fonts[0].family == "DejaVu Sans");
  CHECK(set.code.fonts[0].family == "DejaVu Sans Mono");
  for (const auto* chain : {&set.body, &set.heading, &set.code})
    for (const auto& f : chain->fonts) {
      CHECK(f.script != "han");
      CHECK(f.file.parent_path() == "/usr/share/fonts/truetype/dejavu");
    }
  CHECK(set.body.pango_families() == "DejaVu Serif, DejaVu Sans");

  // An English book does not need CJK fonts ...
  Diagnostics english;
  FontSet en = resolve_fonts({}, "en", english);
  CHECK(english.error_count() == 0);

  // ... until its text has Han in it: then the coverage check says what to install.
  Document doc;
  doc.source = "content/posts/a.md";
  doc.blocks.push_back(test::paragraph_at({test::text_at("Hello 世界", 3, 1)}, 3));
  Book book = test::book_with(std::move(doc), "Hello");
  book.config.meta.title = "Book";
  check_coverage(book, en, english);
  CHECK(english.error_count() == 1);
  CHECK(english.contains("no CJK font is installed: install the Debian package fonts-noto-cjk"));
  CHECK(english.contains("no font covers U+4E16 (世)"));
  auto all = english.all();
  REQUIRE(all.size() >= 2);
  CHECK(all[0].format().starts_with("content/posts/a.md:3:7: error:"));

  // A CJK font given by file (face 2 of the collection) is found although fontconfig's
  // configuration does not list it, and is registered so that Pango finds its family too.
  Diagnostics by_file;
  FontOptions options;
  options.body = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#2";
  FontSet own = resolve_fonts(options, "zh-CN", by_file);
  CHECK(by_file.error_count() == 0);
  REQUIRE_FALSE(own.body.fonts.empty());
  CHECK(own.body.fonts[0].family == "Noto Serif CJK SC");
  CHECK(own.body.fonts[0].face_index == 2);
  CHECK(own.body.fonts[0].script == "han");
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("Noto Serif CJK SC"));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  REQUIRE(match);
  FcChar8* family = nullptr;
  FcPatternGetString(match, FC_FAMILY, 0, &family);
  CHECK(std::string(reinterpret_cast<const char*>(family)) == "Noto Serif CJK SC");
  FcPatternDestroy(match);
  FcPatternDestroy(pattern);

  Diagnostics bad_face;
  options.body = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#99";
  resolve_fonts(options, "en", bad_face);
  CHECK(bad_face.contains("no face #99"));
}
