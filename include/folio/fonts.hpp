// Fonts: roles (body, heading, code) resolved through fontconfig, coverage checks,
// and subset fonts for embedding.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "folio/book.hpp"
#include "folio/config.hpp"
#include "folio/diagnostics.hpp"

namespace folio {

enum class FontRole { body, heading, code };

/// One font file of a role's chain.
struct ResolvedFont {
  std::string family;            ///< family name as fontconfig reports it
  std::filesystem::path file;
  int face_index = 0;            ///< face inside a TTC collection
  std::string script;            ///< what it is in the chain for: "latin", "han", "symbols", "emoji"
};

/// A role: its fallback chain, in order of preference.
struct FontChain {
  FontRole role = FontRole::body;
  std::vector<ResolvedFont> fonts;
  /// A Pango font family list for the chain ("Noto Serif CJK SC, DejaVu Serif").
  std::string pango_families() const;
};

struct FontSet {
  FontChain body, heading, code;
  const FontChain& chain(FontRole role) const;
};

/// Resolves the three roles for the book's language (zh-CN → SC, zh-TW → TC, ja → JP,
/// ko → KR). When the book needs CJK glyphs and none is installed, an error names the
/// Debian package to install.
FontSet resolve_fonts(const FontOptions& options, const std::string& language, Diagnostics& diagnostics);

/// Reports each character no font of its role's chain covers, at its first place.
void check_coverage(const Book& book, const FontSet& fonts, Diagnostics& diagnostics);

/// A font to put into an EPUB.
struct EmbeddedFont {
  std::string file_name;   ///< ASCII name inside the archive ("fonts/body-serif.otf")
  std::string media_type;  ///< "font/otf" or "font/ttf"
  std::string bytes;       ///< the (subset) font file
  std::string css;         ///< its @font-face rule, with a url relative to the stylesheet
};

/// The fonts an EPUB of this book embeds under options.epub.embed_fonts (subset: only
/// the characters the book uses), with their @font-face rules.
std::vector<EmbeddedFont> fonts_for_epub(const Book& book, const FontSet& fonts, Diagnostics& diagnostics);

}  // namespace folio
