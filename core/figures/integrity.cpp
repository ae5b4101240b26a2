// Integrity checks of image bytes (see integrity.hpp).
#include "integrity.hpp"

#include <webp/decode.h>
#include <zlib.h>

#include <array>
#include <cstdint>
#include <vector>

namespace folio::figures {

namespace {

uint32_t be32(std::string_view b, size_t at) {
  return uint32_t(uint8_t(b[at])) << 24 | uint32_t(uint8_t(b[at + 1])) << 16 | uint32_t(uint8_t(b[at + 2])) << 8 |
         uint32_t(uint8_t(b[at + 3]));
}

// Bytes of one filtered row of `width` pixels, filter byte included.
uint64_t png_row_bytes(uint64_t width, int channels, int depth) { return 1 + (width * channels * depth + 7) / 8; }

// What the IDAT stream inflates to: every row of every pass (Adam7 when interlaced).
uint64_t png_data_size(uint32_t width, uint32_t height, int channels, int depth, bool interlaced) {
  if (!interlaced) return uint64_t(height) * png_row_bytes(width, channels, depth);
  static constexpr std::array<std::array<int, 4>, 7> passes{{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
                                                              {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}};
  uint64_t total = 0;
  for (const auto& [x0, y0, dx, dy] : passes) {
    uint64_t w = width > uint32_t(x0) ? (width - x0 + dx - 1) / dx : 0;
    uint64_t h = height > uint32_t(y0) ? (height - y0 + dy - 1) / dy : 0;
    if (w && h) total += h * png_row_bytes(w, channels, depth);
  }
  return total;
}

std::string png_problem(std::string_view b) {
  if (b.size() < 33 || b.compare(12, 4, "IHDR") != 0) return "a truncated PNG";
  const uint32_t width = be32(b, 16), height = be32(b, 20);
  const int depth = uint8_t(b[24]), color = uint8_t(b[25]);
  const bool interlaced = b[28] != 0;
  int channels = 0;
  switch (color) {
    case 0: channels = 1; break;
    case 2: channels = 3; break;
    case 3: channels = 1; break;
    case 4: channels = 2; break;
    case 6: channels = 4; break;
    default: return "a PNG of an unknown colour type";
  }
  const uint64_t want = png_data_size(width, height, channels, depth, interlaced);

  z_stream z{};
  if (inflateInit(&z) != Z_OK) return "";  // out of memory: do not blame the image
  std::vector<unsigned char> scratch(64 * 1024);
  uint64_t got = 0;
  int status = Z_OK;
  bool idat = false, cut = true;  // cut: the bytes end before IEND
  size_t at = 8;
  while (at + 12 <= b.size() && status == Z_OK) {
    const uint32_t length = be32(b, at);
    if (length > b.size() - at - 12) break;  // a chunk cut off
    std::string_view type = b.substr(at + 4, 4);
    if (type == "IEND") {
      cut = false;
      break;
    }
    if (type == "IDAT") {
      idat = true;
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(b.data() + at + 8));
      z.avail_in = length;
      while (z.avail_in > 0 && status == Z_OK) {
        z.next_out = scratch.data();
        z.avail_out = uInt(scratch.size());
        status = inflate(&z, Z_NO_FLUSH);
        got += scratch.size() - z.avail_out;
        if (status == Z_BUF_ERROR) status = Z_OK;  // needs the next chunk
        if (got > want) break;                     // more rows than the header says: fine, stop
      }
    }
    at += 12 + size_t(length);
  }
  // Drain what the last chunk left in zlib's window.
  while (status == Z_OK && got < want) {
    z.next_out = scratch.data();
    z.avail_out = uInt(scratch.size());
    z.avail_in = 0;
    status = inflate(&z, Z_SYNC_FLUSH);
    uint64_t more = scratch.size() - z.avail_out;
    got += more;
    if (more == 0) break;
  }
  inflateEnd(&z);
  if (!idat && !cut) return "a PNG without image data";
  if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) return "the PNG's image data is corrupt";
  if (got < want) return "the PNG's image data is cut short";
  return "";
}

std::string jpeg_problem(std::string_view b) {
  size_t at = 2;  // after SOI
  bool frame = false;
  while (at + 4 <= b.size()) {
    if (uint8_t(b[at]) != 0xFF) return "a JPEG with a damaged header";
    const uint8_t marker = uint8_t(b[at + 1]);
    if (marker == 0xFF) { ++at; continue; }  // fill byte
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { at += 2; continue; }
    if (marker == 0xD9) break;  // EOI before any scan
    const size_t length = (size_t(uint8_t(b[at + 2])) << 8) | uint8_t(b[at + 3]);
    if (length < 2) return "a JPEG with a damaged header";
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) frame = true;
    if (marker == 0xDA) {
      if (!frame) return "a JPEG scan without a frame header";
      return at + 2 + length < b.size() ? "" : "a JPEG cut off at its image data";
    }
    at += 2 + length;
  }
  return "a JPEG without image data";
}

// Skips GIF data sub-blocks from `at`; false when the data ends first.
bool skip_sub_blocks(std::string_view b, size_t& at) {
  while (at < b.size()) {
    const size_t n = uint8_t(b[at]);
    ++at;
    if (n == 0) return true;
    at += n;
  }
  return false;
}

std::string gif_problem(std::string_view b) {
  if (b.size() < 13) return "a truncated GIF";
  size_t at = 13;
  if (uint8_t(b[10]) & 0x80) at += 3u << ((uint8_t(b[10]) & 7) + 1);
  while (at < b.size()) {
    const uint8_t kind = uint8_t(b[at]);
    if (kind == 0x3B) break;  // trailer
    if (kind == 0x21) {
      at += 2;
      if (!skip_sub_blocks(b, at)) return "a truncated GIF";
    } else if (kind == 0x2C) {
      if (at + 10 > b.size()) return "a truncated GIF";
      const uint8_t flags = uint8_t(b[at + 9]);
      at += 10;
      if (flags & 0x80) at += 3u << ((flags & 7) + 1);
      at += 1;  // LZW minimum code size
      return skip_sub_blocks(b, at) ? "" : "a truncated GIF";
    } else {
      return "a GIF with a damaged block";
    }
  }
  return "a GIF without an image";
}

std::string webp_problem(std::string_view b) {
  auto data = reinterpret_cast<const uint8_t*>(b.data());
  WebPBitstreamFeatures features;
  if (WebPGetFeatures(data, b.size(), &features) != VP8_STATUS_OK) return "a WebP with a damaged header";
  if (features.has_animation) return "";  // frames are checked by the reader
  int width = 0, height = 0;
  uint8_t* pixels = WebPDecodeRGBA(data, b.size(), &width, &height);
  if (!pixels) return "the WebP's image data is corrupt";
  WebPFree(pixels);
  return "";
}

}  // namespace

std::string image_data_problem(std::string_view bytes, ImageFormat format) {
  switch (format) {
    case ImageFormat::png: return png_problem(bytes);
    case ImageFormat::jpeg: return jpeg_problem(bytes);
    case ImageFormat::gif: return gif_problem(bytes);
    case ImageFormat::webp: return webp_problem(bytes);
    case ImageFormat::svg:
    case ImageFormat::unknown: return "";
  }
  return "";
}

}  // namespace folio::figures
