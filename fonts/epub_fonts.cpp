// The fonts an EPUB embeds: per role, the chain's fonts the book needs, subset to the
// characters each one draws (or whole), with their @font-face rules.
#include <hb.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>

#include "base/artifact_cache.hpp"
#include "base/utf8.hpp"
#include "book_text.hpp"
#include "emoji.hpp"
#include "folio/fonts.hpp"
#include "font_face.hpp"
#include "subset.hpp"

namespace folio {

namespace {

const char* generic_family(FontRole role) {
  switch (role) {
    case FontRole::heading: return "sans-serif";
    case FontRole::code: return "monospace";
    case FontRole::body: break;
  }
  return "serif";
}

std::string font_face_rule(const std::string& family, const std::string& url, const char* media_type, int weight) {
  const char* format = std::string(media_type) == "font/otf" ? "opentype" : "truetype";
  return "@font-face {\n  font-family: \"" + family + "\";\n  src: url(\"" + url + "\") format(\"" + format +
         "\");\n  font-weight: " + std::to_string(weight) + ";\n  font-style: normal;\n}\n";
}


// The subset of one face is a pure function of the font file, the face, the characters and
// HarfBuzz: an unchanged book (or one post edited without new characters) reuses it.
std::string subset_key(const ResolvedFont& font, std::vector<char32_t> code_points) {
  struct stat st {};
  if (::stat(font.file.c_str(), &st) != 0) return {};
  std::sort(code_points.begin(), code_points.end());
  code_points.erase(std::unique(code_points.begin(), code_points.end()), code_points.end());
  std::string key = "font subset 1\n";
  add_key_field(key, "harfbuzz", hb_version_string());
  add_key_field(key, "file", font.file.string());
  add_key_field(key, "size", std::to_string(st.st_size));
  add_key_field(key, "mtime", std::to_string(int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec));
  add_key_field(key, "face", std::to_string(font.face_index));
  std::string points;
  for (char32_t c : code_points) points += std::to_string(uint32_t(c)) + ",";
  add_key_field(key, "code points", points);
  return key;
}

std::optional<std::string> cached_subset(const ResolvedFont& font, const fonts::FontFace& face,
                                         const std::vector<char32_t>& code_points, const ArtifactCache& cache) {
  const std::string key = cache.enabled() ? subset_key(font, code_points) : std::string();
  if (key.empty()) return fonts::subset_face(face, code_points);
  if (auto bytes = cache.find("font-subset", key)) return bytes;
  auto bytes = fonts::subset_face(face, code_points);
  if (bytes) cache.store("font-subset", key, *bytes);
  return bytes;
}

/// One face as the EPUB carries it: subset (or whole), its @font-face rule and licence.
/// `base` names its files ("body-2" → fonts/body-2.otf, fonts/body-2-licence.txt) and, with
/// "folio-" before it, its CSS family.
EmbeddedFont embed_face(const ResolvedFont& font, const fonts::FontFace& face, const std::vector<char32_t>& code_points,
                        EpubOptions::EmbedFonts mode, const std::string& base, const ArtifactCache& cache,
                        Diagnostics& diagnostics) {
  std::optional<std::string> bytes;
  if (mode == EpubOptions::EmbedFonts::subset) {
    bytes = cached_subset(font, face, code_points, cache);
    if (!bytes) diagnostics.warning({font.file.string()}, "could not subset font; embedding it whole");
  }
  if (!bytes) bytes = fonts::standalone_font_bytes(face);
  EmbeddedFont e;
  e.family = "folio-" + base;
  e.media_type = fonts::font_media_type(*bytes);
  e.file_name = "fonts/" + base + (e.media_type == "font/otf" ? ".otf" : ".ttf");
  e.bytes = std::move(*bytes);
  // OFL 1.1 asks that the licence travel with the font.
  e.licence_file_name = "fonts/" + base + "-licence.txt";
  e.licence = font_licence_text(font.file, font.face_index);
  if (e.licence.empty()) e.licence = font.family + ": the font file names no copyright or licence.\n";
  e.script = font.script;
  e.css = font_face_rule(e.family, e.file_name, e.media_type.c_str(), font.weight);
  return e;
}

/// The Kai face for Han emphasis, subset to the characters emphasis shows in it.
std::optional<EmbeddedFont> embed_emphasis_face(const ResolvedFont& kai, const std::vector<char32_t>& code_points,
                                                EpubOptions::EmbedFonts mode, const ArtifactCache& cache,
                                                Diagnostics& diagnostics) {
  auto face = fonts::FontFace::open(kai.file, kai.face_index);
  if (!face) return std::nullopt;
  EmbeddedFont e = embed_face(kai, *face, code_points, mode, "emphasis", cache, diagnostics);
  e.role = FontRole::body;
  e.han_emphasis = true;
  return e;
}

}  // namespace

std::string css_font_family(FontRole role, const std::vector<EmbeddedFont>& fonts) {
  std::string out;
  for (const auto& f : fonts) {
    if (f.role != role || f.han_emphasis) continue;
    out += "\"" + f.family + "\", ";
  }
  return out + generic_family(role);
}

std::vector<EmbeddedFont> fonts_for_epub(const Book& book, const FontSet& fonts, Diagnostics& diagnostics,
                                         const std::string& writer_text) {
  using Embed = EpubOptions::EmbedFonts;
  const Embed mode = book.config.epub.embed_fonts;
  if (mode == Embed::none) return {};
  fonts::BookText text = fonts::collect_book_text(book);
  // Subsets made by earlier builds, in the cache folder resolve_figures settled.
  const ArtifactCache cache = artifact_cache_for(book.config);
  std::vector<EmbeddedFont> out;
  for (FontRole role : {FontRole::body, FontRole::heading, FontRole::code}) {
    fonts::OpenedChain chain(fonts.chain(role));
    // Each character goes to the first font of the chain that has it, as a reader's
    // font-family fallback would pick it; the kept extras go to the first font with them.
    // Emoji are left to the reading system's emoji font, all of them (Emoji_Presentation
    // characters, and any character only ever followed by U+FE0F): none is embedded,
    // neither from an emoji font nor from a text font that happens to have a monochrome
    // glyph for it (DejaVu Sans has 😀). So the EPUB's bytes do not depend on whether the
    // build machine has an emoji font.
    std::vector<std::vector<char32_t>> assigned(chain.faces.size());
    auto assign = [&](char32_t c) {
      if (fonts::is_invisible(c) || fonts::is_emoji_presentation(c)) return;
      int i = chain.first_covering(c);
      if (i >= 0 && chain.chain->fonts[size_t(i)].script != "emoji") assigned[size_t(i)].push_back(c);
    };
    bool has_quotes = false;
    for (const auto& used : text.of(role)) {
      // ❤️ is an emoji, not DejaVu's monochrome ❤: like 😀, left to the reader's emoji font.
      if (!used.only_as_emoji) assign(used.code_point);
      has_quotes = has_quotes || (used.code_point >= 0x2018 && used.code_point <= 0x201D);
    }
    // Quotes between Latin letters are set in the chain's Latin font (epub/text_spans.hpp).
    if (has_quotes && role != FontRole::code)
      for (size_t i = 0; i < chain.faces.size(); ++i)
        if (chain.faces[i] && chain.chain->fonts[i].script == "latin") {
          for (char32_t q : {U'\u2018', U'\u2019', U'\u201C', U'\u201D'})
            if (chain.faces[i]->covers(q)) assigned[i].push_back(q);
          break;
        }
    if (role != FontRole::code) {
      for (size_t at = 0; at < writer_text.size();) assign(utf8::next(writer_text, at));
    }
    for (size_t i = 0; i < chain.faces.size(); ++i) {
      if (assigned[i].empty() || !chain.faces[i]) continue;  // the book needs nothing from it
      const ResolvedFont& font = chain.chain->fonts[i];
      std::vector<char32_t> code_points = assigned[i];
      if (i == 0 || font.script == "han")
        for (char32_t c : fonts::always_kept_code_points())
          if (chain.faces[i]->covers(c)) code_points.push_back(c);
      std::string base = to_string(role) + (i > 0 ? "-" + std::to_string(i + 1) : std::string());
      EmbeddedFont e = embed_face(font, *chain.faces[i], code_points, mode, base, cache, diagnostics);
      e.role = role;
      out.push_back(std::move(e));
    }
  }
  if (fonts.emphasis == HanEmphasis::kai && fonts.kai && !text.emphasis_han.empty())
    if (auto kai = embed_emphasis_face(*fonts.kai, text.emphasis_han, mode, cache, diagnostics)) out.push_back(std::move(*kai));
  return out;
}

}  // namespace folio
