// Resample: area-average downscaling of cairo image surfaces. Each output pixel is the mean
// of the source area it covers, weighted by overlap: no aliasing at any ratio, and one pass
// over the source (pixman's GOOD filter builds a wide convolution per pixel instead, which
// made a 12-megapixel photo take seconds).
#pragma once

#include <cairo.h>

#include <cstdint>

#include "base/cairo_handles.hpp"

namespace folio::figures {

/// A `width` x `height` copy of `source`, which must be ARGB32 or RGB24 and at least that
/// large on both axes. Premultiplied alpha averages correctly as it is.
SurfacePtr area_downscale(cairo_surface_t* source, uint32_t width, uint32_t height);

}  // namespace folio::figures
