// Ruby (base text with a reading) in a PDF paragraph: the base stays in the line, its
// reading is set above it at half size, centred, and the line grows to make room.
#pragma once

#include <string>
#include <vector>

#include "inline/paragraph.hpp"

namespace folio::pdf {

/// The readings of a laid-out paragraph. Kept on its PangoLayout, so that whatever draws
/// the layout (a body line, a heading, a table cell) draws them too.
struct RubyReadings {
  std::vector<RubySpan> spans;
  double size = 5;          ///< the readings' font size, points
  double baseline = 0;      ///< the readings' baseline above the base's baseline, points
};

/// Appends a Ruby: its base text, unbreakable, with its reading recorded for layout.
void append_ruby(const Ruby& ruby, const InlineSettings& settings, InlineText& out);

/// After `layout` has `text` and its attributes: a base narrower than its reading gets
/// letter spacing to the reading's width, so that readings never run into each other.
void widen_ruby_bases(PangoLayout* layout, InlineText& text, double size);

/// Keeps the readings of `spans` on `layout`, for the renderer (see ruby_readings).
void keep_ruby_readings(PangoLayout* layout, const std::vector<RubySpan>& spans, double size);

/// The readings kept on a layout, or null when it has none.
const RubyReadings* ruby_readings(PangoLayout* layout);

/// The room a line of `layout` needs above its baseline for its readings (0: none).
double ruby_room_above(PangoLayout* layout, int line_start, int line_length);

/// A one-line layout of a reading in the base layout's font at the readings' size.
/// The caller unrefs it.
PangoLayout* new_reading_layout(PangoLayout* base_layout, const std::string& reading, double size);

}  // namespace folio::pdf
