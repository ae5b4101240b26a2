// Test images generated in the test itself: JPEG, PNG, GIF, WebP and SVG bytes of a given size.
#pragma once

#include <cstdint>
#include <string>

namespace folio::test {

std::string make_png(uint32_t width, uint32_t height, bool alpha = false);
std::string make_jpeg(uint32_t width, uint32_t height, int quality = 85);
/// A two-frame GIF (the first frame red, the second blue), 4-colour palette.
std::string make_gif(uint32_t width, uint32_t height);
std::string make_webp(uint32_t width, uint32_t height, bool alpha = false);
std::string make_svg(uint32_t width, uint32_t height);
/// A photo as a camera stores it: width x height stored pixels, grey, with a red block in
/// the stored top-left corner and a green one in the stored top-right corner, and an Exif
/// APP1 segment whose IFD0 says `orientation` (TIFF in little- or big-endian order).
std::string make_oriented_jpeg(uint32_t width, uint32_t height, int orientation, bool little_endian = true);
/// A PNG signature and IHDR claiming width x height, with no pixel data behind it.
std::string make_png_header_only(uint32_t width, uint32_t height);

}  // namespace folio::test
