// Test images: cairo (PNG), libjpeg (JPEG), libwebp (WebP), a tiny GIF encoder, SVG text.
#include "samples.hpp"

#include <cairo.h>
#include <jpeglib.h>
#include <webp/encode.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace folio::test {

namespace {

// A gradient with a diagonal, so scaling has something to average.
void paint(unsigned char* px, int stride, uint32_t w, uint32_t h, bool alpha) {
  for (uint32_t y = 0; y < h; ++y)
    for (uint32_t x = 0; x < w; ++x) {
      unsigned char* p = px + size_t(y) * size_t(stride) + 4 * size_t(x);
      uint8_t a = alpha ? uint8_t(128 + (x * 127) / (w ? w : 1)) : 255;
      uint8_t r = uint8_t(x * 255 / (w ? w : 1)), g = uint8_t(y * 255 / (h ? h : 1)), b = x == y ? 255 : 40;
      p[0] = uint8_t(b * a / 255), p[1] = uint8_t(g * a / 255), p[2] = uint8_t(r * a / 255), p[3] = a;
    }
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void put_be32(std::string& s, uint32_t v) {
  for (int i = 3; i >= 0; --i) s += char((v >> (8 * i)) & 0xFF);
}
void put_le16(std::string& s, uint32_t v) {
  s += char(v & 0xFF);
  s += char((v >> 8) & 0xFF);
}

}  // namespace

std::string make_png(uint32_t width, uint32_t height, bool alpha) {
  cairo_surface_t* s =
      cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, int(width), int(height));
  cairo_surface_flush(s);
  paint(cairo_image_surface_get_data(s), cairo_image_surface_get_stride(s), width, height, alpha);
  cairo_surface_mark_dirty(s);
  std::string out;
  cairo_surface_write_to_png_stream(s, append, &out);
  cairo_surface_destroy(s);
  return out;
}

namespace {
// BGRX pixels as a JPEG at `quality`; `app1` (an Exif block), when given, is the file's
// first segment, as a camera writes it (no JFIF header then).
std::string encode_jpeg(const std::vector<unsigned char>& px, uint32_t width, uint32_t height, int quality,
                        const std::string& app1) {
  jpeg_compress_struct info;
  jpeg_error_mgr err;
  info.err = jpeg_std_error(&err);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = width;
  info.image_height = height;
  info.input_components = 4;
  info.in_color_space = JCS_EXT_BGRX;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, quality, TRUE);
  if (!app1.empty()) info.write_JFIF_header = FALSE;
  jpeg_start_compress(&info, TRUE);
  if (!app1.empty())
    jpeg_write_marker(&info, JPEG_APP0 + 1, reinterpret_cast<const JOCTET*>(app1.data()), unsigned(app1.size()));
  while (info.next_scanline < info.image_height) {
    JSAMPROW row[1] = {const_cast<unsigned char*>(px.data()) + size_t(info.next_scanline) * width * 4};
    jpeg_write_scanlines(&info, row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  std::string out(reinterpret_cast<char*>(buffer), size);
  std::free(buffer);
  return out;
}
}  // namespace

std::string make_jpeg(uint32_t width, uint32_t height, int quality) {
  std::vector<unsigned char> px(size_t(width) * height * 4);
  paint(px.data(), int(width * 4), width, height, false);
  return encode_jpeg(px, width, height, quality, {});
}

namespace {
// An Exif block: signature, TIFF header, IFD0 with a Make entry (ASCII, out of line) and the
// Orientation entry (SHORT), as cameras write them.
std::string exif_block(int orientation, bool le) {
  auto u16 = [le](std::string& s, uint32_t v) {
    if (le) s += char(v & 0xFF), s += char(v >> 8);
    else s += char(v >> 8), s += char(v & 0xFF);
  };
  auto u32 = [&u16, le](std::string& s, uint32_t v) {
    if (le) u16(s, v & 0xFFFF), u16(s, v >> 16);
    else u16(s, v >> 16), u16(s, v & 0xFFFF);
  };
  std::string t = le ? "II" : "MM";
  u16(t, 42);
  u32(t, 8);    // IFD0 right after the header
  u16(t, 2);    // two entries
  u16(t, 0x010F), u16(t, 2), u32(t, 6), u32(t, 8 + 2 + 2 * 12 + 4);  // Make, "folio\0" after the IFD
  u16(t, 0x0112), u16(t, 3), u32(t, 1), u16(t, uint32_t(orientation)), u16(t, 0);
  u32(t, 0);    // no next IFD
  t += std::string("folio\0", 6);
  return std::string("Exif\0\0", 6) + t;
}
}  // namespace

std::string make_oriented_jpeg(uint32_t width, uint32_t height, int orientation, bool little_endian) {
  std::vector<unsigned char> px(size_t(width) * height * 4);
  uint32_t block = std::min(width, height) / 4;
  for (uint32_t y = 0; y < height; ++y)
    for (uint32_t x = 0; x < width; ++x) {
      unsigned char* p = px.data() + (size_t(y) * width + x) * 4;
      bool top = y < block, left = x < block, right = x >= width - block;
      uint8_t r = 128, g = 128, b = 128;
      if (top && left) r = 255, g = 0, b = 0;
      else if (top && right) r = 0, g = 255, b = 0;
      p[0] = b, p[1] = g, p[2] = r, p[3] = 255;
    }
  return encode_jpeg(px, width, height, 90, exif_block(orientation, little_endian));
}

std::string make_gif(uint32_t width, uint32_t height) {
  std::string g = "GIF89a";
  put_le16(g, width);
  put_le16(g, height);
  g += char(0x81);  // global colour table, 4 entries
  g += '\0';
  g += '\0';
  const unsigned char palette[12] = {255, 0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0};
  g.append(reinterpret_cast<const char*>(palette), 12);
  // Netscape loop extension, so it is a real animation.
  g += "\x21\xFF\x0BNETSCAPE2.0\x03\x01";
  g += std::string("\0\0\0", 3);
  for (int frame = 0; frame < 2; ++frame) {
    g += "\x21\xF9\x04";
    g += char(0x04);
    put_le16(g, 10);
    g += '\0';
    g += '\0';
    g += ',';
    put_le16(g, 0);
    put_le16(g, 0);
    put_le16(g, width);
    put_le16(g, height);
    g += '\0';
    g += char(2);  // LZW minimum code size
    // "Uncompressed" LZW: a clear code before every two pixels keeps codes 3 bits wide.
    std::string data;
    uint32_t acc = 0;
    int bits = 0;
    auto emit = [&](uint32_t code) {
      acc |= code << bits;
      bits += 3;
      while (bits >= 8) {
        data += char(acc & 0xFF);
        acc >>= 8;
        bits -= 8;
      }
    };
    uint32_t pixels = width * height;
    for (uint32_t i = 0; i < pixels; ++i) {
      if (i % 2 == 0) emit(4);
      emit(uint32_t(frame));  // colour 0 red, 1 blue
    }
    emit(5);
    if (bits > 0) data += char(acc & 0xFF);
    for (size_t at = 0; at < data.size(); at += 255) {
      size_t n = std::min<size_t>(255, data.size() - at);
      g += char(n);
      g += data.substr(at, n);
    }
    g += '\0';
  }
  g += ';';
  return g;
}

std::string make_webp(uint32_t width, uint32_t height, bool alpha) {
  std::vector<unsigned char> px(size_t(width) * height * 4);
  paint(px.data(), int(width * 4), width, height, false);
  // paint() wrote B,G,R,A; WebP wants BGRA too.
  if (alpha)
    for (size_t i = 0; i < px.size(); i += 4) px[i + 3] = 100;
  uint8_t* out = nullptr;
  size_t size = WebPEncodeBGRA(px.data(), int(width), int(height), int(width * 4), 80, &out);
  std::string bytes(reinterpret_cast<char*>(out), size);
  WebPFree(out);
  return bytes;
}

std::string make_svg(uint32_t width, uint32_t height) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" "
                "height=\"%u\" viewBox=\"0 0 %u %u\"><rect x=\"0\" y=\"0\" width=\"%u\" height=\"%u\" "
                "fill=\"#3a7\"/><circle cx=\"10\" cy=\"10\" r=\"5\" fill=\"red\"/></svg>\n",
                width, height, width, height, width / 2, height);
  return buf;
}

std::string make_png_header_only(uint32_t width, uint32_t height) {
  std::string p("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr = "IHDR";
  put_be32(ihdr, width);
  put_be32(ihdr, height);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);
  put_be32(p, 13);
  p += ihdr;
  put_be32(p, uint32_t(crc32(0, reinterpret_cast<const Bytef*>(ihdr.data()), uInt(ihdr.size()))));
  // A tiny IDAT that would inflate to far more than it is: the bomb.
  std::string idat = "IDAT";
  idat += std::string("\x78\x9c\x03\x00\x00\x00\x00\x01", 8);
  put_be32(p, 8);
  p += idat;
  put_be32(p, uint32_t(crc32(0, reinterpret_cast<const Bytef*>(idat.data()), uInt(idat.size()))));
  return p;
}

}  // namespace folio::test
