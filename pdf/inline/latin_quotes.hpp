// Quotes and apostrophes by context: between Latin letters they take the Latin font's glyph.
#pragma once

#include <pango/pango.h>

#include <string>

namespace folio::pdf {

/// Sets `latin_families` on each quote between Latin letters (latin_quote_offsets, shared
/// with the EPUB writer). The role's family list puts the CJK font first so that quotes next
/// to Han keep their full-width CJK glyphs (clreq).
void add_latin_quote_attributes(const std::string& text, PangoAttrList* attrs, const std::string& latin_families);

}  // namespace folio::pdf
