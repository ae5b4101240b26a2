// Font roles: body (serif), heading (sans, bold) and code (mono), each resolved through
// fontconfig into a fallback chain by script, with the CJK variant the language asks for.
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "folio/fonts.hpp"
#include "font_face.hpp"
#include "handles.hpp"

namespace folio {

namespace {

std::string lowercase(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_cjk_language(const std::string& language) {
  std::string l = lowercase(language);
  auto primary = l.substr(0, l.find_first_of("-_"));
  return primary == "zh" || primary == "ja" || primary == "ko" || primary == "yue" ||
         primary == "cmn" || primary == "lzh";
}

/// fontconfig's language tag for a variant, used to find any installed CJK font.
const char* fontconfig_language(const std::string& variant) {
  if (variant == "TC") return "zh-tw";
  if (variant == "HK") return "zh-hk";
  if (variant == "JP") return "ja";
  if (variant == "KR") return "ko";
  return "zh-cn";
}

/// A font file with an optional face index: "NotoSerifCJK-Regular.ttc#2" (as `folio fonts`
/// prints it), for collections whose first face is not the one wanted.
struct FileAndFace {
  std::filesystem::path file;
  int face_index = 0;
};

FileAndFace split_face_index(const std::string& value) {
  auto hash = value.rfind('#');
  if (hash == std::string::npos || hash + 1 == value.size() || value.size() - hash > 4) return {value, 0};
  for (size_t i = hash + 1; i < value.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(value[i]))) return {value, 0};
  return {value.substr(0, hash), std::stoi(value.substr(hash + 1))};
}

/// A font value of book.yaml names a file when it looks like a path.
bool looks_like_path(const std::string& value) {
  if (value.find('/') != std::string::npos) return true;
  std::string l = lowercase(split_face_index(value).file.string());
  for (const char* ext : {".ttf", ".otf", ".ttc", ".otc", ".woff"})
    if (l.size() > 4 && l.ends_with(ext)) return true;
  return false;
}

std::string pattern_string(FcPattern* p, const char* object, int n = 0) {
  FcChar8* s = nullptr;
  if (FcPatternGetString(p, object, n, &s) != FcResultMatch || !s) return {};
  return reinterpret_cast<const char*>(s);
}

int pattern_int(FcPattern* p, const char* object, int fallback) {
  int v = 0;
  return FcPatternGetInteger(p, object, 0, &v) == FcResultMatch ? v : fallback;
}

int css_weight(FcPattern* p) {
  double w = 0;
  if (FcPatternGetDouble(p, FC_WEIGHT, 0, &w) != FcResultMatch) {
    int wi = 0;
    if (FcPatternGetInteger(p, FC_WEIGHT, 0, &wi) != FcResultMatch) return 400;
    w = wi;
  }
  int css = FcWeightToOpenType(int(w));
  return css > 0 ? css : 400;
}

/// Finds an installed family by exact name. fontconfig always returns some best match, so
/// the match counts only when one of its family names is the one asked for.
std::optional<ResolvedFont> find_family(FcConfig* config, const std::string& family, bool bold,
                                        const std::string& script) {
  fonts::FcPatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  fonts::FcPatternPtr match(FcFontMatch(config, pattern.get(), &result));
  if (!match) return std::nullopt;
  std::string wanted = lowercase(family);
  for (int n = 0;; ++n) {
    std::string name = pattern_string(match.get(), FC_FAMILY, n);
    if (name.empty()) return std::nullopt;
    if (lowercase(name) == wanted) break;
  }
  ResolvedFont font;
  font.family = family;
  font.file = pattern_string(match.get(), FC_FILE);
  font.face_index = pattern_int(match.get(), FC_INDEX, 0) & 0xFFFF;  // high bits: named instance
  font.script = script;
  font.weight = css_weight(match.get());
  if (font.file.empty()) return std::nullopt;
  return font;
}

/// Any installed font that fontconfig says supports `fc_language` (when the preferred Noto
/// family is missing: fonts-arphic, fonts-wqy, ...). Prefers the wanted spacing and weight;
/// ties go to the family name, so the choice does not depend on directory order.
std::optional<ResolvedFont> find_language_font(FcConfig* config, const char* fc_language, bool mono, bool bold) {
  fonts::FcPatternPtr pattern(FcPatternCreate());
  FcLangSet* langs = FcLangSetCreate();
  FcLangSetAdd(langs, reinterpret_cast<const FcChar8*>(fc_language));
  FcPatternAddLangSet(pattern.get(), FC_LANG, langs);
  FcLangSetDestroy(langs);
  fonts::FcObjectSetPtr objects(
      FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SPACING, FC_SLANT, nullptr));
  fonts::FcFontSetPtr list(FcFontList(config, pattern.get(), objects.get()));
  if (!list) return std::nullopt;
  std::optional<ResolvedFont> best;
  std::tuple<int, std::string, std::string, int> best_key;
  for (int i = 0; i < list->nfont; ++i) {
    FcPattern* p = list->fonts[i];
    if (pattern_int(p, FC_SLANT, FC_SLANT_ROMAN) != FC_SLANT_ROMAN) continue;
    bool is_mono = pattern_int(p, FC_SPACING, FC_PROPORTIONAL) >= FC_MONO;
    int weight = css_weight(p);
    int score = (is_mono == mono ? 0 : 1000) + std::abs(weight - (bold ? 700 : 400));
    ResolvedFont f{pattern_string(p, FC_FAMILY), pattern_string(p, FC_FILE),
                   pattern_int(p, FC_INDEX, 0) & 0xFFFF, "han", weight};
    auto key = std::make_tuple(score, f.family, f.file.string(), f.face_index);
    if (!best || key < best_key) {
      best = f;
      best_key = key;
    }
  }
  return best;
}

/// A font given by its file (book.yaml `fonts: {body: fonts/MyFont.otf}`).
std::optional<ResolvedFont> font_from_file(FcConfig* config, const std::filesystem::path& file, int face_index,
                                           Diagnostics& diagnostics) {
  auto face = fonts::FontFace::open(file, face_index);
  if (!face) {
    diagnostics.error({file.string()}, "cannot read font file (missing, unreadable, not an OpenType/TrueType "
                                       "font, or no face #" + std::to_string(face_index) + " in it)");
    return std::nullopt;
  }
  ResolvedFont font;
  font.file = file;
  font.face_index = face_index;
  int count = 0;
  fonts::FcPatternPtr query(
      FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.c_str()), face_index, nullptr, &count));
  if (query) {
    font.family = pattern_string(query.get(), FC_FAMILY);
    font.weight = css_weight(query.get());
  }
  if (font.family.empty()) font.family = file.stem().string();
  // Pango resolves families through fontconfig: make the file's family known to the
  // build's own configuration (never the process's default one).
  FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()));
  font.script = face->covers(U'中') ? "han" : "latin";
  return font;
}

/// How one role is built: its preferred font (family list tried in order) and its fallbacks.
struct RoleRecipe {
  FontRole role;
  bool bold;
  bool mono;
  std::string user_value;                 ///< book.yaml's family or file; empty for the default
  std::vector<std::string> cjk_families;  ///< the Noto CJK family for the variant, then others
  std::vector<std::string> latin_families;
};

const std::vector<std::string>& symbol_families() {
  static const std::vector<std::string> families{"DejaVu Sans", "Noto Sans Symbols",
                                                 "Noto Sans Symbols2", "Noto Sans Math"};
  return families;
}

const std::vector<std::string>& emoji_families() {
  static const std::vector<std::string> families{"Noto Color Emoji", "Noto Emoji", "Twemoji",
                                                 "Symbola"};
  return families;
}

/// Tracks whether a CJK font was found for any role, to report a missing one once.
struct ChainBuilder {
  FcConfig* config;  ///< null: the default configuration
  const std::filesystem::path& base_dir;
  Diagnostics& diagnostics;
  std::string variant;
  bool cjk_found = false;

  FontChain build(const RoleRecipe& recipe) {
    FontChain chain;
    chain.role = recipe.role;
    std::set<std::pair<std::string, int>> seen;
    auto add = [&](std::optional<ResolvedFont> f) {
      if (!f) return false;
      if (!seen.insert({f->file.string(), f->face_index}).second) return true;
      if (f->script == "han") cjk_found = true;
      chain.fonts.push_back(std::move(*f));
      return true;
    };
    auto first_of = [&](const std::vector<std::string>& families, const std::string& script) {
      for (const auto& family : families)
        if (add(find_family(config, family, recipe.bold, script))) return true;
      return false;
    };

    bool user_covers_han = false;
    if (!recipe.user_value.empty()) {
      std::optional<ResolvedFont> user;
      if (looks_like_path(recipe.user_value)) {
        auto [file, face_index] = split_face_index(recipe.user_value);
        if (file.is_relative() && !base_dir.empty()) file = base_dir / file;
        user = font_from_file(config, file, face_index, diagnostics);
      } else {
        user = find_family(config, recipe.user_value, recipe.bold, "latin");
        if (!user)
          diagnostics.warning({}, std::string("font family not installed: \"") + recipe.user_value +
                                      "\" (" + to_string(recipe.role) + " role); using the default");
        if (user) {
          auto face = fonts::FontFace::open(user->file, user->face_index);
          if (face && face->covers(U'中')) user->script = "han";
        }
      }
      if (user) user_covers_han = user->script == "han";
      add(std::move(user));
    }

    // Code keeps its Latin monospace first; Han inside code comes from the CJK mono.
    if (recipe.mono && chain.fonts.empty()) first_of(recipe.latin_families, "latin");
    if (!user_covers_han) {
      if (!first_of(recipe.cjk_families, "han"))
        add(find_language_font(config, fontconfig_language(variant), recipe.mono, recipe.bold));
    }
    if (!recipe.mono) first_of(recipe.latin_families, "latin");
    // Symbol fonts complement each other (arrows, dingbats, math): keep every one installed.
    for (const auto& family : symbol_families()) add(find_family(config, family, recipe.bold, "symbols"));
    first_of(emoji_families(), "emoji");
    return chain;
  }
};

}  // namespace

const char* to_string(FontRole role) {
  switch (role) {
    case FontRole::body: return "body";
    case FontRole::heading: return "heading";
    case FontRole::code: return "code";
  }
  return "body";
}

std::string cjk_variant_for_language(const std::string& language) {
  std::string l = lowercase(language);
  std::replace(l.begin(), l.end(), '_', '-');
  auto primary = l.substr(0, l.find('-'));
  auto has = [&](const char* subtag) {
    std::string s = std::string("-") + subtag;
    auto at = l.find(s);
    return at != std::string::npos && (at + s.size() == l.size() || l[at + s.size()] == '-');
  };
  if (primary == "ja") return "JP";
  if (primary == "ko") return "KR";
  if (primary == "zh" || primary == "yue" || primary == "cmn") {
    if (has("hans")) return "SC";
    if (has("hk") || has("mo")) return "HK";
    if (has("hant") || has("tw")) return "TC";
    if (primary == "yue") return "HK";
  }
  return "SC";
}

std::string FontChain::pango_families() const {
  // Pango takes each family once; two faces of one family (Regular and Bold) are one entry.
  std::set<std::string> seen;
  std::string out;
  for (const auto& f : fonts) {
    // Never name an emoji font: fontconfig aliases "Noto Color Emoji" to the generic
    // "emoji", which adds lang=und-zsye and color=true to the whole query (45/60-generic.conf),
    // and colour ranks above family, so the emoji font would sort first and draw every
    // character it has: digits, #, *, space, ↪. Pango already asks for the "emoji" family on
    // its own for runs with emoji presentation (UTS #51), and only for those.
    if (f.script == "emoji") continue;
    if (!seen.insert(f.family).second) continue;
    if (!out.empty()) out += ", ";
    out += f.family;
  }
  return out;
}

std::string FontChain::pango_families_latin_first() const {
  FontChain reordered = *this;
  std::stable_partition(reordered.fonts.begin(), reordered.fonts.end(),
                        [](const ResolvedFont& f) { return f.script == "latin"; });
  return reordered.pango_families();
}

const FontChain& FontSet::chain(FontRole role) const {
  switch (role) {
    case FontRole::heading: return heading;
    case FontRole::code: return code;
    case FontRole::body: break;
  }
  return body;
}

FontSet resolve_fonts(const FontOptions& options, const std::string& language, Diagnostics& diagnostics,
                      const std::filesystem::path& base_dir) {
  FcInit();
  FontSet set;
  // Font files of book.yaml go into a configuration of this build's own; with installed
  // fonts only, the default one is read and never changed.
  if (looks_like_path(options.body) || looks_like_path(options.heading) || looks_like_path(options.code)) {
    if (FcConfig* own = FcInitLoadConfigAndFonts()) set.fontconfig.reset(own, FcConfigDestroy);
  }
  set.cjk_variant = cjk_variant_for_language(language);
  const std::string& v = set.cjk_variant;
  // Other variants of the same family still have every common Han glyph: better than none.
  auto cjk = [&](const std::string& stem) {
    std::vector<std::string> families{stem + " " + v};
    for (const char* other : {"SC", "TC", "HK", "JP", "KR"})
      if (other != v) families.push_back(stem + " " + other);
    return families;
  };
  ChainBuilder builder{set.fontconfig.get(), base_dir, diagnostics, v};
  set.body = builder.build({FontRole::body, false, false, options.body, cjk("Noto Serif CJK"),
                            {"DejaVu Serif", "Noto Serif", "Liberation Serif"}});
  set.heading = builder.build({FontRole::heading, true, false, options.heading, cjk("Noto Sans CJK"),
                               {"DejaVu Sans", "Noto Sans", "Liberation Sans"}});
  set.code = builder.build({FontRole::code, false, true, options.code, cjk("Noto Sans Mono CJK"),
                            {"DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono"}});
  if (!builder.cjk_found && is_cjk_language(language))
    diagnostics.error({}, "no CJK font is installed, but the book's language is \"" + language +
                              "\": install the Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk)");
  settle_han_emphasis(set, options.emphasis, language);
  return set;
}

}  // namespace folio
