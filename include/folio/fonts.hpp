// Fonts: roles (body, heading, code) resolved through fontconfig, coverage checks,
// and subset fonts for embedding.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "folio/export.hpp"
#include "folio/book.hpp"
#include "folio/config.hpp"
#include "folio/diagnostics.hpp"

// fontconfig's configuration type (FcConfig), declared here so that this header does not
// need fontconfig's.
struct _FcConfig;

namespace folio {
FOLIO_API_BEGIN

enum class FontRole { body, heading, code };

/// One font file of a role's chain.
struct ResolvedFont {
  std::string family;            ///< family name as fontconfig reports it
  std::filesystem::path file;
  int face_index = 0;            ///< face inside a TTC collection
  std::string script;            ///< what it is in the chain for: "latin", "han", "symbols", "emoji"
  int weight = 400;              ///< CSS weight of this face (headings resolve to bold faces, 700)
};

/// A role: its fallback chain, in order of preference.
struct FontChain {
  FontRole role = FontRole::body;
  std::vector<ResolvedFont> fonts;
  /// A Pango font family list for the chain ("Noto Serif CJK SC, DejaVu Serif").
  std::string pango_families() const;
  /// The same list with the chain's Latin fonts first, for quotes between Latin letters.
  std::string pango_families_latin_first() const;
};

struct FontSet {
  FontChain body, heading, code;
  /// The fontconfig configuration the chains were resolved in: a private one for this
  /// build when a role names a font file (the file is added to it, never to the process's
  /// default configuration, so another build in the same process cannot see it); null
  /// when every font is an installed one (the default configuration, read only). Writers
  /// that ask fontconfig again (Pango's font map) must use it.
  std::shared_ptr<_FcConfig> fontconfig;
  /// The CJK variant the language chose: "SC", "TC", "HK", "JP" or "KR".
  std::string cjk_variant = "SC";
  /// How Han emphasis is set on this machine: FontOptions::emphasis, except that `kai`
  /// becomes `dots` when no Kai face is installed (or the book is not Chinese).
  HanEmphasis emphasis = HanEmphasis::kai;
  /// The Kai face (楷体) for Han emphasis when `emphasis` is kai.
  std::optional<ResolvedFont> kai;
  const FontChain& chain(FontRole role) const;
};

/// "body", "heading", "code".
const char* to_string(FontRole role);

/// The CJK variant for a BCP 47 language: zh, zh-CN, zh-Hans, zh-SG → "SC"; zh-TW, zh-Hant → "TC";
/// zh-HK, zh-MO → "HK"; ja → "JP"; ko → "KR"; anything else → "SC".
std::string cjk_variant_for_language(const std::string& language);

/// Resolves the three roles for the book's language (zh-CN → SC, zh-TW → TC, ja → JP,
/// ko → KR). When the book needs CJK glyphs and none is installed, an error names the
/// Debian package to install.
///
/// Chains (defaults; a role set in FontOptions by family or file comes first instead):
///   body:    Noto Serif CJK <variant> (han), DejaVu Serif (latin), DejaVu Sans (symbols), emoji
///   heading: Noto Sans CJK <variant> Bold (han), DejaVu Sans Bold (latin), symbols, emoji
///   code:    DejaVu Sans Mono (latin), Noto Sans Mono CJK <variant> (han), symbols, emoji
/// Fonts that are not installed are left out. Relative font file paths are taken from
/// `base_dir` (book.yaml's folder); "file.ttc#2" picks face 2 of a collection (the form
/// `folio fonts` prints). A font given by file is added to fontconfig's
/// application fonts, so that Pango finds it by the family name the chain reports.
FontSet resolve_fonts(const FontOptions& options, const std::string& language, Diagnostics& diagnostics,
                      const std::filesystem::path& base_dir = {});

/// Settles FontSet::emphasis and FontSet::kai from book.yaml's choice (resolve_fonts calls
/// it): a Kai face of the CJK variant from fonts-arphic-ukai or fonts-arphic-gkai00mp, for
/// Chinese books only; dots where there is none.
void settle_han_emphasis(FontSet& set, HanEmphasis wanted, const std::string& language);

/// Reports each character no font of its role's chain covers, once, at its first place
/// (`content/posts/x.md:40:12: warning: no font covers U+1F9D1 (🧑)`). Headings and titles
/// are checked against the heading chain, code and math against the code chain. When the
/// missing character is CJK and the chain has no CJK font, an error names fonts-noto-cjk.
void check_coverage(const Book& book, const FontSet& fonts, Diagnostics& diagnostics);

/// A font to put into an EPUB.
///
/// CSS family names: each role's first font is "folio-body", "folio-heading" or "folio-code";
/// a later font of the chain is named by its 1-based chain position ("folio-code-2" is the
/// code chain's second font, the CJK mono). Only fonts the book needs are embedded, so the
/// numbers may skip. Use css_font_family() for a role's whole `font-family` value.
struct EmbeddedFont {
  FontRole role = FontRole::body;
  std::string family;      ///< CSS font-family name of the @font-face rule ("folio-body")
  std::string file_name;   ///< ASCII name beside the stylesheet ("fonts/body.otf", "fonts/code-2.otf")
  std::string media_type;  ///< "font/otf" or "font/ttf"
  std::string bytes;       ///< the (subset) font file
  std::string css;         ///< its @font-face rule, with a url relative to the stylesheet
  std::string licence_file_name;  ///< "fonts/body-licence.txt", beside the font
  std::string licence;     ///< the font's copyright, licence and licence URL (name IDs 0, 13, 14)
  std::string script;      ///< the chain entry's script ("latin", "han", "symbols")
  /// The Kai face for Han emphasis ("folio-emphasis"): in no role's css_font_family.
  bool han_emphasis = false;
};

/// The copyright, licence and licence URL a font file carries (OpenType name IDs 0, 13, 14,
/// English where there is a choice), one paragraph each; empty when it carries none.
std::string font_licence_text(const std::filesystem::path& file, int face_index);

/// The fonts an EPUB of this book embeds under options.epub.embed_fonts (subset: only
/// the characters the book uses), with their @font-face rules. `writer_text` is text the
/// writer adds itself (labels such as "目录", "注释"): its characters are kept in the body
/// and heading subsets too. Printable ASCII and common CJK punctuation are always kept.
/// The Latin font of the body and heading chains keeps ‘ ’ “ ” when the role shows them
/// (quotes between Latin letters take its glyphs). With fonts.emphasis settled to kai, the
/// Kai face is embedded as "folio-emphasis", subset to the Han runs of emphasis.
std::vector<EmbeddedFont> fonts_for_epub(const Book& book, const FontSet& fonts, Diagnostics& diagnostics,
                                         const std::string& writer_text = {});

/// The CSS `font-family` value for a role: its embedded families in chain order, then the
/// generic family ("\"folio-body\", \"folio-body-2\", serif"; sans-serif for headings,
/// monospace for code). Without embedded fonts for the role, just the generic family.
std::string css_font_family(FontRole role, const std::vector<EmbeddedFont>& fonts);

FOLIO_API_END
}  // namespace folio
