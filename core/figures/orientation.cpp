// EXIF orientation: the APP1 "Exif" segment holds a TIFF header and IFD0, whose entry
// 0x0112 is the orientation. Only that one tag is read; nothing else of EXIF is trusted.
#include "orientation.hpp"

#include <cstdint>

namespace folio::figures {

namespace {

// Reads a TIFF structure in its own byte order; every read checks its bounds.
struct TiffReader {
  std::string_view data;
  bool little_endian = false;

  bool u16(size_t at, uint32_t& value) const {
    if (at > data.size() || data.size() - at < 2) return false;
    uint32_t a = uint8_t(data[at]), b = uint8_t(data[at + 1]);
    value = little_endian ? (a | (b << 8)) : ((a << 8) | b);
    return true;
  }
  bool u32(size_t at, uint32_t& value) const {
    uint32_t hi = 0, lo = 0;
    if (!u16(at, little_endian ? lo : hi) || !u16(at + 2, little_endian ? hi : lo)) return false;
    value = (hi << 16) | lo;
    return true;
  }
};

// The orientation in a TIFF block (the Exif segment after its "Exif\0\0" signature).
int tiff_orientation(std::string_view tiff) {
  if (tiff.size() < 8) return 1;
  TiffReader r{tiff};
  if (tiff.substr(0, 2) == "II") r.little_endian = true;
  else if (tiff.substr(0, 2) != "MM") return 1;
  uint32_t magic = 0, ifd0 = 0, count = 0;
  if (!r.u16(2, magic) || magic != 42 || !r.u32(4, ifd0) || !r.u16(ifd0, count)) return 1;
  for (uint32_t k = 0; k < count; ++k) {
    size_t entry = size_t(ifd0) + 2 + size_t(k) * 12;
    uint32_t tag = 0, type = 0, n = 0, value = 0;
    if (!r.u16(entry, tag) || !r.u16(entry + 2, type) || !r.u32(entry + 4, n)) return 1;
    if (tag != 0x0112) continue;
    // SHORT (3), one value, held in the first two bytes of the value field.
    if (type != 3 || n != 1 || !r.u16(entry + 8, value)) return 1;
    return value >= 1 && value <= 8 ? int(value) : 1;
  }
  return 1;
}

}  // namespace

int jpeg_exif_orientation(std::string_view b) {
  if (b.size() < 4 || uint8_t(b[0]) != 0xFF || uint8_t(b[1]) != 0xD8) return 1;
  size_t i = 2;
  // The Exif segment comes before the frame header; stop at the first one or at the scan.
  while (i + 4 <= b.size()) {
    if (uint8_t(b[i]) != 0xFF) return 1;
    uint8_t marker = uint8_t(b[i + 1]);
    if (marker == 0xFF) { ++i; continue; }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) { i += 2; continue; }
    if (marker == 0xDA || marker == 0xD9) return 1;
    size_t len = (size_t(uint8_t(b[i + 2])) << 8) | uint8_t(b[i + 3]);
    if (len < 2 || b.size() - (i + 2) < len) return 1;
    std::string_view body = b.substr(i + 4, len - 2);
    if (marker == 0xE1 && body.size() >= 6 && body.substr(0, 6) == std::string_view("Exif\0\0", 6))
      return tiff_orientation(body.substr(6));
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) return 1;
    i += 2 + len;
  }
  return 1;
}

bool orientation_swaps_axes(int orientation) { return orientation >= 5 && orientation <= 8; }

Surface apply_orientation(Surface stored, int orientation, std::string& error) {
  if (!stored || orientation <= 1 || orientation > 8) return stored;
  cairo_surface_flush(stored.get());
  const int w = cairo_image_surface_get_width(stored.get()), h = cairo_image_surface_get_height(stored.get());
  const bool swap = orientation_swaps_axes(orientation);
  const int out_w = swap ? h : w, out_h = swap ? w : h;
  Surface out(cairo_image_surface_create(cairo_image_surface_get_format(stored.get()), out_w, out_h));
  if (cairo_surface_status(out.get()) != CAIRO_STATUS_SUCCESS) {
    error = std::string("cannot allocate the upright image: ") + cairo_status_to_string(cairo_surface_status(out.get()));
    return nullptr;
  }
  // Both formats a decoder gives (RGB24, ARGB32) are 4 bytes a pixel: copy whole pixels.
  const auto* src = reinterpret_cast<const unsigned char*>(cairo_image_surface_get_data(stored.get()));
  auto* dst = cairo_image_surface_get_data(out.get());
  const size_t src_stride = size_t(cairo_image_surface_get_stride(stored.get()));
  const size_t dst_stride = size_t(cairo_image_surface_get_stride(out.get()));
  for (int y = 0; y < out_h; ++y) {
    auto* row = reinterpret_cast<uint32_t*>(dst + size_t(y) * dst_stride);
    for (int x = 0; x < out_w; ++x) {
      // The stored pixel that shows at (x, y) once the image is upright.
      int sx = x, sy = y;
      switch (orientation) {
        case 2: sx = w - 1 - x; break;                  // mirrored left-right
        case 3: sx = w - 1 - x, sy = h - 1 - y; break;  // upside down
        case 4: sy = h - 1 - y; break;                  // mirrored top-bottom
        case 5: sx = y, sy = x; break;                  // transposed
        case 6: sx = y, sy = h - 1 - x; break;          // to be turned 90 degrees clockwise
        case 7: sx = w - 1 - y, sy = h - 1 - x; break;  // transversed
        case 8: sx = w - 1 - y, sy = x; break;          // to be turned 90 degrees counter-clockwise
      }
      row[x] = reinterpret_cast<const uint32_t*>(src + size_t(sy) * src_stride)[sx];
    }
  }
  cairo_surface_mark_dirty(out.get());
  return out;
}

}  // namespace folio::figures
