// Role resolution with the installed fonts (fonts-noto-cjk, fonts-dejavu-core).
#include <doctest/doctest.h>

#include "folio/fonts.hpp"

using namespace folio;

TEST_CASE("the CJK variant follows the language") {
  CHECK(cjk_variant_for_language("zh") == "SC");
  CHECK(cjk_variant_for_language("zh-CN") == "SC");
  CHECK(cjk_variant_for_language("zh-Hans") == "SC");
  CHECK(cjk_variant_for_language("zh-Hans-HK") == "SC");
  CHECK(cjk_variant_for_language("zh-TW") == "TC");
  CHECK(cjk_variant_for_language("zh-Hant") == "TC");
  CHECK(cjk_variant_for_language("zh_TW") == "TC");
  CHECK(cjk_variant_for_language("zh-HK") == "HK");
  CHECK(cjk_variant_for_language("ja") == "JP");
  CHECK(cjk_variant_for_language("ja-JP") == "JP");
  CHECK(cjk_variant_for_language("ko-KR") == "KR");
  CHECK(cjk_variant_for_language("en") == "SC");
  CHECK(cjk_variant_for_language("") == "SC");
}

TEST_CASE("default roles for a Simplified Chinese book") {
  Diagnostics diags;
  FontSet set = resolve_fonts({}, "zh-CN", diags);
  CHECK(diags.error_count() == 0);
  CHECK(diags.warning_count() == 0);
  CHECK(set.cjk_variant == "SC");

  REQUIRE(set.body.fonts.size() >= 2);
  CHECK(set.body.fonts[0].family == "Noto Serif CJK SC");
  CHECK(set.body.fonts[0].script == "han");
  CHECK(set.body.fonts[0].file.filename() == "NotoSerifCJK-Regular.ttc");
  CHECK(set.body.fonts[0].weight == 400);
  CHECK(set.body.fonts[1].family == "DejaVu Serif");
  CHECK(set.body.fonts[1].script == "latin");
  CHECK(set.body.pango_families().starts_with("Noto Serif CJK SC, DejaVu Serif"));

  REQUIRE(set.heading.fonts.size() >= 2);
  CHECK(set.heading.fonts[0].family == "Noto Sans CJK SC");
  CHECK(set.heading.fonts[0].file.filename() == "NotoSansCJK-Bold.ttc");
  CHECK(set.heading.fonts[0].weight == 700);
  CHECK(set.heading.fonts[1].family == "DejaVu Sans");

  REQUIRE(set.code.fonts.size() >= 2);
  CHECK(set.code.fonts[0].family == "DejaVu Sans Mono");
  CHECK(set.code.fonts[0].script == "latin");
  CHECK(set.code.fonts[1].family == "Noto Sans Mono CJK SC");
  CHECK(set.code.fonts[1].script == "han");
  CHECK(set.code.pango_families().starts_with("DejaVu Sans Mono, Noto Sans Mono CJK SC"));
  CHECK(&set.chain(FontRole::code) == &set.code);
  CHECK(&set.chain(FontRole::heading) == &set.heading);

  // Every font of every chain is a real file, and each appears once in its chain.
  for (const auto* chain : {&set.body, &set.heading, &set.code})
    for (size_t i = 0; i < chain->fonts.size(); ++i) {
      CHECK(std::filesystem::exists(chain->fonts[i].file));
      for (size_t j = i + 1; j < chain->fonts.size(); ++j)
        CHECK_FALSE((chain->fonts[i].file == chain->fonts[j].file &&
                     chain->fonts[i].face_index == chain->fonts[j].face_index));
    }
}

TEST_CASE("Traditional Chinese, Hong Kong, Japanese and Korean pick their own faces of the TTC") {
  Diagnostics diags;
  FontSet sc = resolve_fonts({}, "zh-CN", diags);
  FontSet tc = resolve_fonts({}, "zh-TW", diags);
  FontSet hk = resolve_fonts({}, "zh-HK", diags);
  FontSet jp = resolve_fonts({}, "ja", diags);
  FontSet kr = resolve_fonts({}, "ko", diags);
  CHECK(diags.error_count() == 0);
  CHECK(tc.body.fonts[0].family == "Noto Serif CJK TC");
  CHECK(hk.body.fonts[0].family == "Noto Serif CJK HK");
  CHECK(jp.heading.fonts[0].family == "Noto Sans CJK JP");
  CHECK(kr.code.fonts[1].family == "Noto Sans Mono CJK KR");
  // Same collection file, another face inside it.
  CHECK(tc.body.fonts[0].file == sc.body.fonts[0].file);
  CHECK(tc.body.fonts[0].face_index != sc.body.fonts[0].face_index);
  CHECK(jp.body.fonts[0].face_index != sc.body.fonts[0].face_index);
}

TEST_CASE("a role set by family name or by font file comes first in its chain") {
  Diagnostics diags;
  FontOptions options;
  options.body = "DejaVu Serif";
  options.heading = "Noto Serif CJK SC";
  options.code = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  FontSet set = resolve_fonts(options, "zh-CN", diags);
  CHECK(diags.error_count() == 0);
  CHECK(diags.warning_count() == 0);
  CHECK(set.body.fonts[0].family == "DejaVu Serif");
  CHECK(set.body.fonts[0].script == "latin");
  CHECK(set.body.fonts[1].family == "Noto Serif CJK SC");  // Han still has a font
  CHECK(set.heading.fonts[0].family == "Noto Serif CJK SC");
  CHECK(set.heading.fonts[0].script == "han");
  CHECK(set.heading.fonts[0].weight == 700);
  // The heading's own font has Han: no second CJK font behind it.
  for (size_t i = 1; i < set.heading.fonts.size(); ++i) CHECK(set.heading.fonts[i].script != "han");
  CHECK(set.code.fonts[0].family == "DejaVu Sans");
  CHECK(set.code.fonts[0].file == "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  CHECK(set.code.fonts[1].family == "Noto Sans Mono CJK SC");
}

TEST_CASE("a font file path is taken relative to base_dir") {
  Diagnostics diags;
  FontOptions options;
  options.code = "dejavu/DejaVuSansMono.ttf";
  FontSet set = resolve_fonts(options, "zh", diags, "/usr/share/fonts/truetype");
  CHECK(diags.error_count() == 0);
  CHECK(set.code.fonts[0].family == "DejaVu Sans Mono");
}

TEST_CASE("an unknown family or an unreadable file is reported and the default used") {
  Diagnostics diags;
  FontOptions options;
  options.body = "No Such Family 12345";
  options.code = "/nonexistent/font.ttf";
  FontSet set = resolve_fonts(options, "zh-CN", diags);
  CHECK(diags.contains("font family not installed: \"No Such Family 12345\" (body role)"));
  CHECK(diags.contains("cannot read font file"));
  CHECK(set.body.fonts[0].family == "Noto Serif CJK SC");
  CHECK(set.code.fonts[0].family == "DejaVu Sans Mono");
}
