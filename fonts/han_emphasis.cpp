// Han emphasis as this machine can set it: the Kai face book.yaml's `fonts.emphasis: kai`
// asks for, or dots where none is installed.
#include <fontconfig/fontconfig.h>

#include <vector>

#include "folio/fonts.hpp"
#include "handles.hpp"

namespace folio {

namespace {

bool is_chinese(const std::string& language) {
  std::string primary = language.substr(0, language.find_first_of("-_"));
  for (char& c : primary) c = char(c | 0x20);
  return primary == "zh" || primary == "yue" || primary == "cmn" || primary == "lzh";
}

/// The Kai families Debian has for a variant (fonts-arphic-ukai, fonts-arphic-gkai00mp), in
/// order of preference: the variant's own glyph forms first.
std::vector<const char*> kai_families(const std::string& variant) {
  if (variant == "TC") return {"AR PL UKai TW", "AR PL KaitiM Big5", "AR PL UKai HK", "AR PL UKai CN"};
  if (variant == "HK") return {"AR PL UKai HK", "AR PL UKai TW", "AR PL KaitiM Big5"};
  return {"AR PL UKai CN", "AR PL KaitiM GB"};
}

std::string string_of(FcPattern* p, const char* object) {
  FcChar8* s = nullptr;
  return FcPatternGetString(p, object, 0, &s) == FcResultMatch && s ? reinterpret_cast<const char*>(s) : "";
}

/// The first installed face of `family` (FcFontList names only installed fonts, unlike
/// FcFontMatch, which always returns something).
std::optional<ResolvedFont> installed_face(const char* family) {
  fonts::FcPatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  fonts::FcObjectSetPtr objects(FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, nullptr));
  fonts::FcFontSetPtr found(FcFontList(nullptr, pattern.get(), objects.get()));
  if (!found || found->nfont == 0) return std::nullopt;
  // Several files may hold the family; the smallest path keeps the choice stable.
  std::optional<ResolvedFont> best;
  for (int i = 0; i < found->nfont; ++i) {
    FcPattern* p = found->fonts[i];
    int index = 0;
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    ResolvedFont f{family, string_of(p, FC_FILE), index & 0xFFFF, "han", 400};
    if (f.file.empty()) continue;
    if (!best || std::make_pair(f.file, f.face_index) < std::make_pair(best->file, best->face_index)) best = f;
  }
  return best;
}

}  // namespace

void settle_han_emphasis(FontSet& set, HanEmphasis wanted, const std::string& language) {
  set.emphasis = wanted;
  set.kai.reset();
  if (wanted != HanEmphasis::kai) return;
  // Only Chinese has Kai faces; Japanese and Korean mark emphasis with dots (傍点) too.
  if (is_chinese(language))
    for (const char* family : kai_families(set.cjk_variant))
      if ((set.kai = installed_face(family))) return;
  // A slanted Song is not Chinese typography: without a Kai face, dots.
  set.emphasis = HanEmphasis::dots;
}

}  // namespace folio
