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
  // configuration does not list it. It goes into a configuration of the build's own, where
  // Pango finds its family too; the process's default configuration stays as it was, so
  // another build in the same process cannot pick the file up.
  Diagnostics by_file;
  FontOptions options;
  options.body = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#2";
  FontSet own = resolve_fonts(options, "zh-CN", by_file);
  CHECK(by_file.error_count() == 0);
  REQUIRE_FALSE(own.body.fonts.empty());
  CHECK(own.body.fonts[0].family == "Noto Serif CJK SC");
  CHECK(own.body.fonts[0].face_index == 2);
  CHECK(own.body.fonts[0].script == "han");
  REQUIRE(own.fontconfig);
  auto matched_family = [](FcConfig* config) {
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("Noto Serif CJK SC"));
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern* match = FcFontMatch(config, pattern, &result);
    std::string name;
    FcChar8* family = nullptr;
    if (match && FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch)
      name = reinterpret_cast<const char*>(family);
    if (match) FcPatternDestroy(match);
    FcPatternDestroy(pattern);
    return name;
  };
  CHECK(matched_family(own.fontconfig.get()) == "Noto Serif CJK SC");
  CHECK(matched_family(nullptr) != "Noto Serif CJK SC");
  // Installed fonts only: no configuration of its own.
  Diagnostics installed;
  CHECK_FALSE(resolve_fonts({}, "en", installed).fontconfig);

  Diagnostics bad_face;
  options.body = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#99";
  resolve_fonts(options, "en", bad_face);
  CHECK(bad_face.contains("no face #99"));
}
