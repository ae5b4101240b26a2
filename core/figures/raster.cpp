// Raster: libjpeg, cairo's PNG loader, gdk-pixbuf (GIF) and libwebp into cairo surfaces, and back.
#include "raster.hpp"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <jpeglib.h>
#include <librsvg/rsvg.h>
#include <webp/decode.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include "base/atomic_file.hpp"
#include "resample.hpp"

namespace folio::figures {

namespace {

struct GErrorFree {
  void operator()(GError* e) const { g_error_free(e); }
};
using Cairo = CairoPtr;

Surface new_surface(cairo_format_t format, uint32_t width, uint32_t height, std::string& error) {
  Surface s(cairo_image_surface_create(format, int(width), int(height)));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) {
    error = std::string("cannot allocate the image: ") + cairo_status_to_string(cairo_surface_status(s.get()));
    return nullptr;
  }
  return s;
}

// libjpeg reports fatal errors through error_exit, which must not return: jump back.
struct JpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void jpeg_error_exit(j_common_ptr info) {
  auto* err = reinterpret_cast<JpegError*>(info->err);
  (*info->err->format_message)(info, err->message);
  std::longjmp(err->jump, 1);
}
void jpeg_silence(j_common_ptr, int) {}

// Only plain C objects live in this frame, so longjmp skips no destructor.
cairo_surface_t* decode_jpeg_raw(const unsigned char* data, size_t size, uint32_t hint_w,
                                 uint32_t hint_h, char* message) {
  jpeg_decompress_struct info;
  JpegError err;
  std::memset(&info, 0, sizeof info);
  info.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jpeg_error_exit;
  err.mgr.emit_message = jpeg_silence;
  err.message[0] = 0;
  cairo_surface_t* volatile surface = nullptr;
  unsigned char* volatile row = nullptr;
  if (setjmp(err.jump)) {
    std::snprintf(message, JMSG_LENGTH_MAX, "%s", err.message);
    jpeg_destroy_decompress(&info);
    if (surface) cairo_surface_destroy(surface);
    std::free(row);
    return nullptr;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data, (unsigned long)size);
  jpeg_save_markers(&info, JPEG_APP0 + 14, 0xFFFF);  // Adobe marker: inverted CMYK
  jpeg_read_header(&info, TRUE);
  bool cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
  info.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGRX;
  // The largest reduction in eighths (1/8 .. 8/8, which libjpeg-turbo does inside the
  // inverse DCT) that still leaves at least the asked size; the rest is resampled.
  info.scale_num = 8;
  info.scale_denom = 8;
  if (hint_w > 0 && hint_h > 0) {
    for (unsigned num = 1; num < 8; ++num) {
      info.scale_num = num;
      jpeg_calc_output_dimensions(&info);
      if (info.output_width >= hint_w && info.output_height >= hint_h) break;
      info.scale_num = 8;
    }
  }
  jpeg_start_decompress(&info);
  surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(info.output_width), int(info.output_height));
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    std::snprintf(message, JMSG_LENGTH_MAX, "cannot allocate the image");
    jpeg_destroy_decompress(&info);
    cairo_surface_destroy(surface);
    return nullptr;
  }
  unsigned char* pixels = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);
  row = static_cast<unsigned char*>(std::malloc(size_t(info.output_width) * 4));
  while (info.output_scanline < info.output_height) {
    unsigned char* out = pixels + size_t(info.output_scanline) * size_t(stride);
    if (!cmyk) {
      JSAMPROW rows[1] = {out};
      jpeg_read_scanlines(&info, rows, 1);
      continue;
    }
    JSAMPROW rows[1] = {row};
    jpeg_read_scanlines(&info, rows, 1);
    bool inverted = info.saw_Adobe_marker;
    for (JDIMENSION x = 0; x < info.output_width; ++x) {
      unsigned c = row[4 * x], m = row[4 * x + 1], y = row[4 * x + 2], k = row[4 * x + 3];
      if (!inverted) c = 255 - c, m = 255 - m, y = 255 - y, k = 255 - k;
      out[4 * x + 0] = uint8_t(y * k / 255);
      out[4 * x + 1] = uint8_t(m * k / 255);
      out[4 * x + 2] = uint8_t(c * k / 255);
      out[4 * x + 3] = 255;
    }
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  std::free(row);
  cairo_surface_mark_dirty(surface);
  return surface;
}

Surface decode_webp(std::string_view bytes, std::string& error) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  WebPBitstreamFeatures features;
  if (WebPGetFeatures(data, bytes.size(), &features) != VP8_STATUS_OK) {
    error = "corrupt WebP";
    return nullptr;
  }
  if (features.has_animation) {
    error = "animated WebP is not supported";
    return nullptr;
  }
  Surface s = new_surface(features.has_alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                          uint32_t(features.width), uint32_t(features.height), error);
  if (!s) return nullptr;
  unsigned char* pixels = cairo_image_surface_get_data(s.get());
  int stride = cairo_image_surface_get_stride(s.get());
  cairo_surface_flush(s.get());
  // cairo's ARGB32 is B,G,R,A in memory on little-endian machines, premultiplied.
  if (!WebPDecodeBGRAInto(data, bytes.size(), pixels, size_t(stride) * size_t(features.height), stride)) {
    error = "corrupt WebP data";
    return nullptr;
  }
  if (features.has_alpha) {
    for (int y = 0; y < features.height; ++y) {
      unsigned char* p = pixels + size_t(y) * size_t(stride);
      for (int x = 0; x < features.width; ++x, p += 4) {
        unsigned a = p[3];
        p[0] = uint8_t(p[0] * a / 255), p[1] = uint8_t(p[1] * a / 255), p[2] = uint8_t(p[2] * a / 255);
      }
    }
  }
  cairo_surface_mark_dirty(s.get());
  return s;
}

// GIF through gdk-pixbuf's loader (librsvg already brings gdk-pixbuf): the static image it
// gives for an animation is the first frame.
Surface decode_gif(std::string_view bytes, std::string& error) {
  GError* raw_error = nullptr;
  std::unique_ptr<GdkPixbufLoader, GObjectUnref> loader(
      gdk_pixbuf_loader_new_with_type("gif", &raw_error));
  std::unique_ptr<GError, GErrorFree> owned_error(raw_error);
  if (!loader) {
    error = std::string("no GIF decoder: ") + (raw_error ? raw_error->message : "?");
    return nullptr;
  }
  bool ok = gdk_pixbuf_loader_write(loader.get(), reinterpret_cast<const guchar*>(bytes.data()),
                                    bytes.size(), &raw_error);
  owned_error.reset(raw_error);
  raw_error = nullptr;
  ok = gdk_pixbuf_loader_close(loader.get(), ok ? &raw_error : nullptr) && ok;
  if (raw_error) owned_error.reset(raw_error);
  GdkPixbuf* pixbuf = gdk_pixbuf_loader_get_pixbuf(loader.get());  // owned by the loader
  if (!pixbuf) {
    error = std::string("corrupt GIF") + (owned_error ? std::string(": ") + owned_error->message : "");
    return nullptr;
  }
  int w = gdk_pixbuf_get_width(pixbuf), h = gdk_pixbuf_get_height(pixbuf);
  int channels = gdk_pixbuf_get_n_channels(pixbuf);
  bool alpha = gdk_pixbuf_get_has_alpha(pixbuf);
  int in_stride = gdk_pixbuf_get_rowstride(pixbuf);
  const guchar* in = gdk_pixbuf_read_pixels(pixbuf);
  Surface s = new_surface(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, uint32_t(w), uint32_t(h), error);
  if (!s) return nullptr;
  cairo_surface_flush(s.get());
  unsigned char* out = cairo_image_surface_get_data(s.get());
  int stride = cairo_image_surface_get_stride(s.get());
  for (int y = 0; y < h; ++y) {
    const guchar* src = in + size_t(y) * size_t(in_stride);
    unsigned char* dst = out + size_t(y) * size_t(stride);
    for (int x = 0; x < w; ++x, src += channels, dst += 4) {
      unsigned a = alpha ? src[3] : 255;
      dst[0] = uint8_t(src[2] * a / 255), dst[1] = uint8_t(src[1] * a / 255);
      dst[2] = uint8_t(src[0] * a / 255), dst[3] = uint8_t(a);
    }
  }
  cairo_surface_mark_dirty(s.get());
  return s;
}

struct ReadCursor {
  std::string_view bytes;
  size_t at = 0;
};

cairo_status_t read_from_memory(void* closure, unsigned char* data, unsigned int length) {
  auto* c = static_cast<ReadCursor*>(closure);
  if (c->bytes.size() - c->at < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, c->bytes.data() + c->at, length);
  c->at += length;
  return CAIRO_STATUS_SUCCESS;
}

Surface decode_png(std::string_view bytes, std::string& error) {
  ReadCursor cursor{bytes};
  Surface s(cairo_image_surface_create_from_png_stream(read_from_memory, &cursor));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) {
    error = std::string("corrupt PNG: ") + cairo_status_to_string(cairo_surface_status(s.get()));
    return nullptr;
  }
  return s;
}

}  // namespace

Surface decode_raster(std::string_view bytes, ImageFormat format, uint32_t hint_width,
                      uint32_t hint_height, std::string& error) {
  switch (format) {
    case ImageFormat::jpeg: {
      char message[JMSG_LENGTH_MAX] = "";
      Surface s(decode_jpeg_raw(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                                hint_width, hint_height, message));
      if (!s) error = std::string("corrupt JPEG: ") + message;
      return s;
    }
    case ImageFormat::png: return decode_png(bytes, error);
    case ImageFormat::gif: return decode_gif(bytes, error);
    case ImageFormat::webp: return decode_webp(bytes, error);
    default: break;
  }
  error = std::string("not a raster format: ") + to_string(format);
  return nullptr;
}

Surface render_svg(std::string_view bytes, uint32_t width, uint32_t height, std::string& error) {
  GError* raw_error = nullptr;
  std::unique_ptr<RsvgHandle, GObjectUnref> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &raw_error));
  std::unique_ptr<GError, GErrorFree> owned_error(raw_error);
  if (!handle) {
    error = std::string("cannot read the SVG: ") + (raw_error ? raw_error->message : "?");
    return nullptr;
  }
  Surface s = new_surface(CAIRO_FORMAT_ARGB32, width, height, error);
  if (!s) return nullptr;
  Cairo cr(cairo_create(s.get()));
  RsvgRectangle viewport{0, 0, double(width), double(height)};
  raw_error = nullptr;
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &raw_error)) {
    owned_error.reset(raw_error);
    error = std::string("cannot draw the SVG: ") + (raw_error ? raw_error->message : "?");
    return nullptr;
  }
  cairo_surface_flush(s.get());
  return s;
}

Surface scale_surface(cairo_surface_t* source, uint32_t width, uint32_t height) {
  int sw = cairo_image_surface_get_width(source), sh = cairo_image_surface_get_height(source);
  const cairo_format_t format = cairo_image_surface_get_format(source);
  if ((format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24) && width <= uint32_t(sw) &&
      height <= uint32_t(sh))
    return area_downscale(source, width, height);
  // Enlarging (or an unusual format): cairo's filter.
  Surface out(cairo_image_surface_create(cairo_image_surface_get_format(source), int(width), int(height)));
  Cairo cr(cairo_create(out.get()));
  cairo_scale(cr.get(), double(width) / sw, double(height) / sh);
  cairo_set_source_surface(cr.get(), source, 0, 0);
  // GOOD downscales with a box filter over all covered pixels (no aliasing), unlike BILINEAR.
  cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
  cairo_pattern_set_extend(cairo_get_source(cr.get()), CAIRO_EXTEND_PAD);
  cairo_set_operator(cr.get(), CAIRO_OPERATOR_SOURCE);
  cairo_paint(cr.get());
  cairo_surface_flush(out.get());
  return out;
}

bool has_transparency(cairo_surface_t* surface) {
  if (cairo_image_surface_get_format(surface) != CAIRO_FORMAT_ARGB32) return false;
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
  int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (data[size_t(y) * size_t(stride) + 4 * size_t(x) + 3] != 255) return true;
  return false;
}

bool write_png(cairo_surface_t* surface, const std::filesystem::path& target, std::string& error) {
  AtomicFile file(target);
  cairo_status_t st = cairo_surface_write_to_png(surface, file.temp_path().c_str());
  if (st != CAIRO_STATUS_SUCCESS) {
    error = std::string("cannot write ") + target.string() + ": " + cairo_status_to_string(st);
    return false;
  }
  return file.commit(&error);
}

namespace {
bool encode_jpeg_raw(const unsigned char* pixels, int stride, int width, int height, int quality,
                     std::FILE* out, char* message) {
  jpeg_compress_struct info;
  JpegError err;
  std::memset(&info, 0, sizeof info);
  info.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jpeg_error_exit;
  err.message[0] = 0;
  if (setjmp(err.jump)) {
    std::snprintf(message, JMSG_LENGTH_MAX, "%s", err.message);
    jpeg_destroy_compress(&info);
    return false;
  }
  jpeg_create_compress(&info);
  jpeg_stdio_dest(&info, out);
  info.image_width = JDIMENSION(width);
  info.image_height = JDIMENSION(height);
  info.input_components = 4;
  info.in_color_space = JCS_EXT_BGRX;  // cairo's RGB24 layout in memory
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, quality, TRUE);
  info.optimize_coding = TRUE;
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    JSAMPROW row[1] = {const_cast<unsigned char*>(pixels) + size_t(info.next_scanline) * size_t(stride)};
    jpeg_write_scanlines(&info, row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  return true;
}

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
}  // namespace

bool write_jpeg(cairo_surface_t* surface, const std::filesystem::path& target, int quality,
                std::string& error) {
  cairo_surface_flush(surface);
  AtomicFile file(target);
  {
    std::unique_ptr<std::FILE, FileClose> out(std::fopen(file.temp_path().c_str(), "wb"));
    if (!out) {
      error = "cannot write " + target.string() + ": " + std::strerror(errno);
      return false;
    }
    char message[JMSG_LENGTH_MAX] = "";
    // JPEG has no alpha; an ARGB32 surface is premultiplied, which equals compositing on black,
    // so callers only send opaque images here.
    if (!encode_jpeg_raw(cairo_image_surface_get_data(surface), cairo_image_surface_get_stride(surface),
                         cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface),
                         quality < 1 ? 1 : quality > 100 ? 100 : quality, out.get(), message)) {
      error = std::string("cannot encode JPEG: ") + message;
      return false;
    }
    if (std::fflush(out.get()) != 0) {
      error = "cannot write " + target.string() + ": " + std::strerror(errno);
      return false;
    }
  }
  return file.commit(&error);
}

}  // namespace folio::figures
