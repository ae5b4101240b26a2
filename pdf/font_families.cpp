// Font roles for the PDF. The CJK face comes first in the body and heading lists so that
// quotes and dashes next to Han take their full-width CJK glyphs (clreq; typst#794).
#include "font_families.hpp"

#include "folio/fonts.hpp"

namespace folio::pdf {

namespace {
std::string with_user_font(const std::string& user, const std::string& defaults) {
  // A path names a file; Pango can only use families, so a path falls back to the defaults.
  if (user.empty() || user.find('/') != std::string::npos) return defaults;
  return user + ", " + defaults;
}
std::string cjk_suffix(const std::string& language) {
  if (language.rfind("zh-TW", 0) == 0 || language.rfind("zh-Hant", 0) == 0) return "TC";
  if (language.rfind("zh-HK", 0) == 0) return "HK";
  if (language.rfind("ja", 0) == 0) return "JP";
  if (language.rfind("ko", 0) == 0) return "KR";
  return "SC";
}
}  // namespace

FontFamilies font_families(const FontOptions& options, const std::string& language, Diagnostics& diagnostics,
                           const std::filesystem::path& base_dir) {
  FontSet set = resolve_fonts(options, language, diagnostics, base_dir);
  std::string r = cjk_suffix(language);
  FontFamilies f;
  f.body = with_user_font(options.body, "Noto Serif CJK " + r + ", DejaVu Serif");
  f.heading = with_user_font(options.heading, "Noto Sans CJK " + r + ", DejaVu Sans");
  f.code = with_user_font(options.code, "DejaVu Sans Mono, Noto Sans Mono CJK " + r);
  // The fonts module's chains when it found fonts; the defaults above when a role is empty.
  if (!set.body.fonts.empty()) f.body = set.body.pango_families();
  if (!set.heading.fonts.empty()) f.heading = set.heading.pango_families();
  if (!set.code.fonts.empty()) f.code = set.code.pango_families();
  // Chinese typography sets emphasis in Kai or with dots, not in a slanted Song (the fonts
  // module settles which, and the Kai face, for both writers).
  f.emphasis = set.emphasis;
  f.fontconfig = set.fontconfig;
  if (set.kai) f.emphasis_han = set.kai->family + ", " + f.body;
  f.body_latin = set.body.fonts.empty() ? f.body : set.body.pango_families_latin_first();
  f.heading_latin = set.heading.fonts.empty() ? f.heading : set.heading.pango_families_latin_first();
  return f;
}

}  // namespace folio::pdf
