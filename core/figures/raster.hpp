// Raster: decoding figures into cairo image surfaces, scaling them, and encoding PNG/JPEG.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "base/cairo_handles.hpp"
#include "folio/book.hpp"

namespace folio::figures {

/// An owned cairo image surface (ARGB32 with alpha, RGB24 without).
using Surface = SurfacePtr;

/// Decodes JPEG, PNG, GIF (first frame) or WebP bytes. For JPEG, `hint_width`/`hint_height`
/// (0: none) let libjpeg decode at a reduced scale that is still at least that large.
/// Null with `error` set on failure.
Surface decode_raster(std::string_view bytes, ImageFormat format, uint32_t hint_width,
                      uint32_t hint_height, std::string& error);

/// Draws SVG bytes with librsvg at exactly width x height pixels. External references are
/// not loaded (no base file is given). Null with `error` set on failure.
Surface render_svg(std::string_view bytes, uint32_t width, uint32_t height, std::string& error);

/// A copy of `source` resampled to width x height (an area-average downscale; enlarging
/// goes through cairo's filter).
Surface scale_surface(cairo_surface_t* source, uint32_t width, uint32_t height);

/// True when any pixel is not fully opaque.
bool has_transparency(cairo_surface_t* surface);

/// PNG / JPEG encoding straight to `target`, written atomically.
bool write_png(cairo_surface_t* surface, const std::filesystem::path& target, std::string& error);
bool write_jpeg(cairo_surface_t* surface, const std::filesystem::path& target, int quality,
                std::string& error);

}  // namespace folio::figures
