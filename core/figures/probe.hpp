// Probe: an image's format and pixel size from its first bytes, without decoding it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "folio/book.hpp"

namespace folio::figures {

/// What the bytes are. format == unknown means "not an image we embed".
struct ImageProbe {
  ImageFormat format = ImageFormat::unknown;
  uint32_t width = 0;   ///< pixels as displayed (SVG: its intrinsic size in CSS pixels)
  uint32_t height = 0;
  /// A JPEG's EXIF orientation (1-8; 1: as stored). For 5-8 width and height are the
  /// stored ones swapped, as the image is seen upright.
  int orientation = 1;
  std::string problem;  ///< why it is not an image ("an HTML page", "truncated PNG header", ...)
};

/// Looks at the bytes only (never the name or a Content-Type). Reads headers, never pixels,
/// so a PNG claiming 100000x100000 costs nothing to probe.
ImageProbe probe_image(std::string_view bytes);

}  // namespace folio::figures
