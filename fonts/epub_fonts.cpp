// The fonts an EPUB embeds: per role, the chain's fonts the book needs, subset to the
// characters each one draws (or whole), with their @font-face rules.
#include <cstdio>

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

/// "folio-body" for the first font of the chain, "folio-body-2" for the second, ...
std::string css_family(FontRole role, size_t chain_index) {
  std::string name = std::string("folio-") + to_string(role);
  if (chain_index > 0) name += "-" + std::to_string(chain_index + 1);
  return name;
}

std::string font_face_rule(const std::string& family, const std::string& url, const char* media_type, int weight) {
  const char* format = std::string(media_type) == "font/otf" ? "opentype" : "truetype";
  return "@font-face {\n  font-family: \"" + family + "\";\n  src: url(\"" + url + "\") format(\"" + format +
         "\");\n  font-weight: " + std::to_string(weight) + ";\n  font-style: normal;\n}\n";
}

}  // namespace

std::string css_font_family(FontRole role, const std::vector<EmbeddedFont>& fonts) {
  std::string out;
  for (const auto& f : fonts) {
    if (f.role != role) continue;
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
  std::vector<EmbeddedFont> out;
  for (FontRole role : {FontRole::body, FontRole::heading, FontRole::code}) {
    fonts::OpenedChain chain(fonts.chain(role));
    // Each character goes to the first font of the chain that has it, as a reader's
    // font-family fallback would pick it; the kept extras go to the first font with them.
    // Emoji are left to the reading system's emoji font, all of them: none is embedded,
    // neither from an emoji font nor from a text font that happens to have a monochrome
    // glyph for it (DejaVu Sans has 😀). So the EPUB's bytes do not depend on whether the
    // build machine has an emoji font.
    std::vector<std::vector<char32_t>> assigned(chain.faces.size());
    auto assign = [&](char32_t c) {
      if (fonts::is_invisible(c) || fonts::is_emoji_presentation(c)) return;
      int i = chain.first_covering(c);
      if (i >= 0 && chain.chain->fonts[size_t(i)].script != "emoji") assigned[size_t(i)].push_back(c);
    };
    for (const auto& used : text.of(role)) assign(used.code_point);
    if (role != FontRole::code) {
      for (size_t at = 0; at < writer_text.size();) assign(utf8::next(writer_text, at));
    }
    for (size_t i = 0; i < chain.faces.size(); ++i) {
      if (assigned[i].empty() || !chain.faces[i]) continue;  // the book needs nothing from it
      const ResolvedFont& font = chain.chain->fonts[i];
      const fonts::FontFace& face = *chain.faces[i];
      std::optional<std::string> bytes;
      if (mode == Embed::subset) {
        std::vector<char32_t> code_points = assigned[i];
        if (i == 0 || font.script == "han")
          for (char32_t c : fonts::always_kept_code_points())
            if (face.covers(c)) code_points.push_back(c);
        bytes = fonts::subset_face(face, code_points);
        if (!bytes)
          diagnostics.warning({font.file.string()}, "could not subset font; embedding it whole");
      }
      if (!bytes) bytes = fonts::standalone_font_bytes(face);
      EmbeddedFont e;
      e.role = role;
      e.family = css_family(role, i);
      e.media_type = fonts::font_media_type(*bytes);
      std::string base = to_string(role) + (i > 0 ? "-" + std::to_string(i + 1) : std::string());
      e.file_name = "fonts/" + base + (e.media_type == "font/otf" ? ".otf" : ".ttf");
      e.bytes = std::move(*bytes);
      e.css = font_face_rule(e.family, e.file_name, e.media_type.c_str(), font.weight);
      // OFL 1.1 asks that the licence travel with the font.
      e.licence_file_name = "fonts/" + base + "-licence.txt";
      e.licence = font_licence_text(font.file, font.face_index);
      if (e.licence.empty()) e.licence = font.family + ": the font file names no copyright or licence.\n";
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace folio
