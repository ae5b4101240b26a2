// CJK paragraph typography on Pango layouts: clreq line-breaking rules, Han–Latin gaps,
// punctuation compression (as attributes before wrapping) and justification (after it).
#pragma once

#include <pango/pango.h>

#include <string>

namespace folio::pdf {

/// How the CJK passes treat one paragraph.
struct CjkSettings {
  /// Gap between a Han character and an adjacent Latin letter or digit, in em of the
  /// paragraph's font size (clreq §3.2.2: a quarter em). 0 turns the gap off.
  double latin_gap_em = 0.25;
  /// Compress two adjacent full-width marks (。」 ，“ ）（) to 1.5 em with the font's
  /// `halt` feature on one of them.
  bool compress_punctuation = true;
};

/// Adds attributes (never changes the text) to `attrs`, the attribute list of a paragraph
/// whose UTF-8 text is `text`:
/// - PANGO_ATTR_ALLOW_BREAKS=false where Pango 1.50 would break against clreq (a line
///   starting with · — ～ ⸺ …, or a full-width mark after a space; a line ending with ／;
///   a paragraph's last line holding a single ideograph);
/// - PANGO_ATTR_LETTER_SPACING on a Han character next to a Latin letter or digit, so
///   that line breaking counts the gap; justify_cjk_lines() then moves the gap to the
///   side where the Latin neighbour is;
/// - PANGO_ATTR_FONT_FEATURES "halt" for adjacent full-width punctuation.
/// `font_size_pt` is the paragraph's body size (the em of the gap). Call it before the
/// layout wraps (before pango_layout_set_attributes / the first query of lines).
void apply_cjk_attributes(const std::string& text, PangoAttrList* attrs, double font_size_pt,
                          const CjkSettings& settings);

/// After Pango has wrapped `layout` at `width_pango` (Pango units), justifies every line
/// except a paragraph's last and lines ending in a forced break, by widening glyphs in
/// place, never inside Latin words or inline code (runs with insert-hyphens off). It also
/// places the Han–Latin gaps of apply_cjk_attributes() on the correct side on every line
/// (the last one too) and drops them at line edges. Expects no pango_layout_set_justify(),
/// left-to-right text; the indent set on the layout is honoured. Do not change the layout
/// afterwards: that would lay it out again and undo this; call it once per layout. Lines
/// that overflow the width are left as they are. With width_pango <= 0 it only places the
/// Han–Latin gaps: do that for layouts that are not justified (headings, centred or ragged
/// text), else each gap is split half before and half after its Han character.
/// Slack order (clreq and JLReq "Line Adjustment"): the gaps between CJK characters to
/// +0.095 em (past 0.1 em pdftotext reads a space between two Han characters), word
/// spaces to 1.5x, Han–Latin gaps (autospace, or a space typed next to Han) to 1/2 em,
/// then: a line of CJK text only spreads all its slack evenly over every CJK gap, a line
/// of Latin words the rest evenly over its spaces, and a line mixing both stretches its
/// word spaces to 2x and leaves the rest at its end (no hole, no space read between Han
/// characters). Gaps where the font changes (bold,
/// italic) take slack only in that last case: pdftotext reads 0.05 em there as a space.
void justify_cjk_lines(PangoLayout* layout, int width_pango);

/// How much a wrapped line of `justify_cjk_lines` can stretch with no gap past its limit
/// (CJK gaps +0.095 em, word spaces 1.5x, Han–Latin gaps 1/2 em), in Pango units: a line
/// with more slack than that is loose, and worth wrapping differently.
int justify_room(PangoLayoutLine* line);

/// False for characters that clreq (basic and strict) and JLReq forbid at the start of a
/// line: closing brackets and quotes, pause and stop marks, connectors, interpuncts,
/// ellipses and dashes, iteration marks, small kana, ...
bool may_start_line(char32_t c);

/// False for characters that may not end a line: opening brackets and quotes, and the
/// full-width solidus (GB style).
bool may_end_line(char32_t c);

}  // namespace folio::pdf
