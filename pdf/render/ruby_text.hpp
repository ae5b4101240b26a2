// Drawing a line's ruby: the bases with their readings in the text layer, the readings
// above them (see inline/ruby.hpp).
#pragma once

#include <pango/pangocairo.h>

#include <vector>

namespace folio::pdf {

/// The ruby bases of one line while Pango draws it: their glyphs are hidden from Pango's
/// renderer from construction to restore(), and draw() paints them and their readings.
class RubyLine {
 public:
  explicit RubyLine(PangoLayoutLine* line);
  RubyLine(const RubyLine&) = delete;
  RubyLine& operator=(const RubyLine&) = delete;
  ~RubyLine() { restore(); }

  /// Gives the hidden glyphs back to the line.
  void restore();

  /// Draws the bases and their readings, the line's baseline starting at (x, y).
  void draw(cairo_t* cr, double x, double y) const;

 private:
  /// The glyphs of one run that belong to one ruby base.
  struct Piece {
    PangoGlyphItem* run;
    int span;                           ///< index into the layout's RubyReadings::spans
    std::vector<int> glyphs;            ///< indices into the run's glyph string
    std::vector<PangoGlyph> ids;        ///< their glyphs, as Pango shaped them
    std::vector<double> xs;             ///< their origins from the line's origin, points
    int text_start = 0, text_end = 0;   ///< the bytes they show
  };
  PangoLayoutLine* line_;
  std::vector<Piece> pieces_;
  bool restored_ = false;
};

}  // namespace folio::pdf
