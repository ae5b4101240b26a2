// EXIF orientation: how a camera says its JPEG must be turned to be seen upright, and
// turning the decoded pixels accordingly, so both writers embed an upright image.
#pragma once

#include <string_view>

#include "raster.hpp"

namespace folio::figures {

/// The Orientation tag (1-8, TIFF 6.0 / EXIF 2.3 numbering) of the Exif block in a JPEG's
/// APP1 segment, read with every offset bounds-checked. 1 (as stored) when there is no Exif
/// block, no such tag, or anything in the way is malformed.
int jpeg_exif_orientation(std::string_view jpeg_bytes);

/// True for the orientations (5-8) that turn the image a quarter: its displayed width is
/// its stored height.
bool orientation_swaps_axes(int orientation);

/// A copy of `stored` turned and mirrored as `orientation` says, so that it is upright.
/// Orientation 1 or an invalid value returns `stored` itself. Null (and `error`) when the
/// new surface cannot be allocated.
Surface apply_orientation(Surface stored, int orientation, std::string& error);

}  // namespace folio::figures
