// gen_images: writes realistic test images: photo-like JPEGs (gradients and noise) and
// screenshot-like PNGs (flat regions, window chrome, text drawn with Pango).
//
//   folio_gen_images photo      OUT.jpg WIDTH HEIGHT SEED [QUALITY]
//   folio_gen_images screenshot OUT.png WIDTH HEIGHT SEED [CAPTION]
//
// The same arguments always give the same bytes (a seeded generator, no clock), so the
// examples and the benchmark corpora are reproducible.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

// jpeglib.h needs size_t and FILE declared before it.
#include <cairo.h>

#include "base/cairo_handles.hpp"
#include <jpeglib.h>
#include <pango/pangocairo.h>

namespace {

// SplitMix64: small, seedable and good enough for pixels; kept in a value, not a global.
struct Random {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return (next() >> 11) * (1.0 / 9007199254740992.0); }
  int range(int lo, int hi) { return lo + static_cast<int>(uniform() * (hi - lo + 1)); }
};

struct FileCloser {
  void operator()(FILE* f) const { if (f) std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;


// A colour blob: photos are a few soft light sources over a sky-to-ground gradient.
struct Blob {
  double x, y, radius, r, g, b;
};

// Writes a photo-like JPEG: a vertical gradient, soft coloured blobs, and per-pixel
// noise (sensor grain) so that the file is as large as a real photo of that size.
bool write_photo(const char* path, int width, int height, uint64_t seed, int quality) {
  Random rng{seed};
  const double sky[3] = {rng.uniform() * 80 + 120, rng.uniform() * 80 + 140, rng.uniform() * 60 + 190};
  const double ground[3] = {rng.uniform() * 90 + 40, rng.uniform() * 70 + 60, rng.uniform() * 50 + 30};
  std::vector<Blob> blobs(6 + rng.range(0, 6));
  for (auto& b : blobs) {
    b = {rng.uniform() * width, rng.uniform() * height, (0.08 + rng.uniform() * 0.3) * width,
         rng.uniform() * 255, rng.uniform() * 255, rng.uniform() * 255};
  }
  const double grain = 10 + rng.uniform() * 14;

  File out(std::fopen(path, "wb"));
  if (!out) {
    std::perror(path);
    return false;
  }
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr jerr{};
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_compress(&cinfo);
  jpeg_stdio_dest(&cinfo, out.get());
  cinfo.image_width = static_cast<JDIMENSION>(width);
  cinfo.image_height = static_cast<JDIMENSION>(height);
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);

  std::vector<unsigned char> row(static_cast<size_t>(width) * 3);
  for (int y = 0; y < height; ++y) {
    const double t = static_cast<double>(y) / height;
    for (int x = 0; x < width; ++x) {
      double c[3];
      for (int k = 0; k < 3; ++k) c[k] = sky[k] * (1 - t) + ground[k] * t;
      for (const auto& b : blobs) {
        const double dx = x - b.x, dy = y - b.y;
        const double w = std::exp(-(dx * dx + dy * dy) / (2 * b.radius * b.radius)) * 0.6;
        c[0] += (b.r - c[0]) * w;
        c[1] += (b.g - c[1]) * w;
        c[2] += (b.b - c[2]) * w;
      }
      const double n = (rng.uniform() - 0.5) * grain;
      for (int k = 0; k < 3; ++k) {
        const double v = c[k] + n + (rng.uniform() - 0.5) * grain * 0.5;
        row[static_cast<size_t>(x) * 3 + k] = static_cast<unsigned char>(std::clamp(v, 0.0, 255.0));
      }
    }
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  return true;
}

// Lines a terminal or an editor might show; mixed Chinese, English and Go as the posts are.
const char* const kScreenLines[] = {
    "$ go test -race ./...",
    "ok   example.com/meetup/sched   1.204s",
    "func (s *Server) Serve(ctx context.Context) error {",
    "    for req := range s.queue { go s.handle(ctx, req) }",
    "goroutine 18 [running]: main.worker(0xc000012345)",
    "内存分配 alloc_space 412.7MB  采样间隔 512KB",
    "flat  flat%   sum%        cum   cum%",
    "1.52s 30.40% 30.40%      1.98s 39.60%  runtime.mallocgc",
    "$ kubectl get pods -n meetup",
    "NAME            READY   STATUS    RESTARTS   AGE",
    "网关服务 延迟 p99 = 38ms   QPS 12,480",
    "BenchmarkEncode-8   2000000   612 ns/op   128 B/op",
    "// TODO: 这里需要加锁吗？",
    "select { case <-ctx.Done(): return ctx.Err() }",
};

void set_rgb(cairo_t* cr, Random& rng, double base, double spread) {
  cairo_set_source_rgb(cr, base + rng.uniform() * spread, base + rng.uniform() * spread,
                       base + rng.uniform() * spread);
}

// Writes a screenshot-like PNG: a window with a title bar, a sidebar, flat panels, and
// lines of text laid out by Pango (so CJK glyphs come from the system's fonts).
bool write_screenshot(const char* path, int width, int height, uint64_t seed, const std::string& caption) {
  Random rng{seed};
  folio::SurfacePtr surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  folio::CairoPtr cr(cairo_create(surface.get()));
  const bool dark = rng.uniform() < 0.5;

  // Desktop and window.
  set_rgb(cr.get(), rng, dark ? 0.12 : 0.85, 0.08);
  cairo_paint(cr.get());
  const double margin = std::max(8, width / 40);
  const double win_w = width - 2 * margin, win_h = height - 2 * margin;
  cairo_set_source_rgb(cr.get(), dark ? 0.16 : 0.98, dark ? 0.17 : 0.98, dark ? 0.19 : 0.97);
  cairo_rectangle(cr.get(), margin, margin, win_w, win_h);
  cairo_fill(cr.get());
  // Title bar with the three buttons.
  const double bar = std::max(18.0, height / 22.0);
  cairo_set_source_rgb(cr.get(), dark ? 0.24 : 0.90, dark ? 0.25 : 0.90, dark ? 0.27 : 0.91);
  cairo_rectangle(cr.get(), margin, margin, win_w, bar);
  cairo_fill(cr.get());
  const double button_rgb[3][3] = {{0.93, 0.36, 0.33}, {0.96, 0.75, 0.25}, {0.38, 0.78, 0.33}};
  for (int i = 0; i < 3; ++i) {
    cairo_set_source_rgb(cr.get(), button_rgb[i][0], button_rgb[i][1], button_rgb[i][2]);
    cairo_arc(cr.get(), margin + bar * (0.7 + i * 0.8), margin + bar / 2, bar * 0.22, 0, 2 * M_PI);
    cairo_fill(cr.get());
  }
  // Sidebar.
  const double side = win_w * (0.18 + rng.uniform() * 0.1);
  cairo_set_source_rgb(cr.get(), dark ? 0.20 : 0.94, dark ? 0.21 : 0.95, dark ? 0.23 : 0.96);
  cairo_rectangle(cr.get(), margin, margin + bar, side, win_h - bar);
  cairo_fill(cr.get());

  folio::LayoutPtr layout(pango_cairo_create_layout(cr.get()));
  const double font_px = std::clamp(height / 34.0, 9.0, 22.0);
  folio::FontDescPtr font(
      pango_font_description_from_string("Noto Sans Mono CJK SC"));
  pango_font_description_set_absolute_size(font.get(), font_px * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), font.get());

  // Sidebar entries: short file names.
  for (double y = margin + bar + font_px; y + font_px < margin + win_h; y += font_px * 1.9) {
    cairo_set_source_rgb(cr.get(), dark ? 0.65 : 0.35, dark ? 0.67 : 0.37, dark ? 0.70 : 0.40);
    cairo_move_to(cr.get(), margin + font_px, y);
    const int k = rng.range(0, 5);
    const char* const names[] = {"main.go", "server.go", "sched_test.go", "go.mod", "README.md", "压测.md"};
    pango_layout_set_text(layout.get(), names[k], -1);
    pango_cairo_show_layout(cr.get(), layout.get());
  }
  // Main panel: lines of text in a few colours, like syntax highlighting or a terminal.
  const size_t line_count = sizeof kScreenLines / sizeof kScreenLines[0];
  const double text_x = margin + side + font_px;
  double y = margin + bar + font_px * 0.8;
  if (!caption.empty()) {
    cairo_set_source_rgb(cr.get(), 0.20, 0.45, 0.85);
    cairo_move_to(cr.get(), text_x, y);
    pango_layout_set_text(layout.get(), caption.c_str(), -1);
    pango_cairo_show_layout(cr.get(), layout.get());
    y += font_px * 1.8;
  }
  for (; y + font_px < margin + win_h; y += font_px * 1.5) {
    const double hue = rng.uniform();
    if (hue < 0.15) {
      cairo_set_source_rgb(cr.get(), 0.80, 0.45, 0.20);
    } else if (hue < 0.3) {
      cairo_set_source_rgb(cr.get(), 0.35, 0.60, 0.30);
    } else {
      cairo_set_source_rgb(cr.get(), dark ? 0.85 : 0.15, dark ? 0.85 : 0.15, dark ? 0.85 : 0.18);
    }
    cairo_move_to(cr.get(), text_x + font_px * 2 * rng.range(0, 2), y);
    pango_layout_set_text(layout.get(), kScreenLines[rng.next() % line_count], -1);
    pango_cairo_show_layout(cr.get(), layout.get());
  }
  cairo_surface_flush(surface.get());
  if (cairo_surface_write_to_png(surface.get(), path) != CAIRO_STATUS_SUCCESS) {
    std::fprintf(stderr, "%s: cannot write PNG\n", path);
    return false;
  }
  return true;
}

int usage() {
  std::fprintf(stderr,
               "usage: folio_gen_images photo OUT.jpg WIDTH HEIGHT SEED [QUALITY]\n"
               "       folio_gen_images screenshot OUT.png WIDTH HEIGHT SEED [CAPTION]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) return usage();
  const std::string kind = argv[1];
  const int width = std::atoi(argv[3]);
  const int height = std::atoi(argv[4]);
  const uint64_t seed = std::strtoull(argv[5], nullptr, 10);
  if (width < 16 || height < 16 || width > 20000 || height > 20000) return usage();
  if (kind == "photo") {
    const int quality = argc > 6 ? std::clamp(std::atoi(argv[6]), 10, 100) : 90;
    return write_photo(argv[2], width, height, seed, quality) ? 0 : 1;
  }
  if (kind == "screenshot") {
    return write_screenshot(argv[2], width, height, seed, argc > 6 ? argv[6] : "") ? 0 : 1;
  }
  return usage();
}
