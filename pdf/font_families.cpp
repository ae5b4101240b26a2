// Font roles for the PDF. The CJK face comes first in the body and heading lists so that
// quotes and dashes next to Han take their full-width CJK glyphs (clreq; typst#794).
#include "font_families.hpp"

#include <fontconfig/fontconfig.h>

#include <vector>

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
/// An installed Kai face (楷体) for the variant: fonts-arphic-ukai, fonts-arphic-gkai00mp.
std::string kai_family(const std::string& variant) {
  std::vector<const char*> candidates;
  if (variant == "TC") candidates = {"AR PL UKai TW", "AR PL KaitiM Big5", "AR PL UKai HK", "AR PL UKai CN"};
  else if (variant == "HK") candidates = {"AR PL UKai HK", "AR PL UKai TW", "AR PL KaitiM Big5"};
  else candidates = {"AR PL UKai CN", "AR PL KaitiM GB"};
  for (const char* family : candidates) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, nullptr);
    FcFontSet* found = FcFontList(nullptr, pattern, objects);
    bool installed = found && found->nfont > 0;
    if (found) FcFontSetDestroy(found);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    if (installed) return family;
  }
  return {};
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
  // Chinese typography sets emphasis in Kai, not in a slanted Song; only Chinese has Kai faces.
  if (std::string kai = kai_family(set.cjk_variant); !kai.empty() && language.rfind("zh", 0) == 0)
    f.emphasis_han = kai + ", " + f.body;
  f.body_latin = set.body.fonts.empty() ? f.body : set.body.pango_families_latin_first();
  f.heading_latin = set.heading.fonts.empty() ? f.heading : set.heading.pango_families_latin_first();
  return f;
}

}  // namespace folio::pdf
