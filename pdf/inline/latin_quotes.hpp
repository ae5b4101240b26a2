// Quotes and apostrophes by context: between Latin letters they take the Latin font's glyph.
#pragma once

#include <pango/pango.h>

#include <string>

namespace folio::pdf {

/// Sets `latin_families` on each ‘ ’ “ ” whose nearest letters on both sides (spaces skipped)
/// are Latin letters or digits: "API’s", "Go’s “generics”". The role's family list puts the
/// CJK font first so that quotes next to Han keep their full-width CJK glyphs (clreq); in
/// Latin text that glyph would stand a half-em apart.
void add_latin_quote_attributes(const std::string& text, PangoAttrList* attrs, const std::string& latin_families);

}  // namespace folio::pdf
