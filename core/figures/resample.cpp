#include "resample.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace folio::figures {

namespace {

/// The source span each output index covers on one axis: source indices [first, first +
/// weights.size()) with the share of each (the shares of one output sum to 1).
struct Taps {
  std::vector<uint32_t> first;
  std::vector<uint32_t> offset;  ///< into weights; offset[i + 1] - offset[i] taps for output i
  std::vector<float> weights;
};

Taps taps_for(uint32_t source, uint32_t target) {
  Taps t;
  const double ratio = double(source) / target;
  t.first.reserve(target);
  t.offset.reserve(target + 1);
  t.offset.push_back(0);
  for (uint32_t i = 0; i < target; ++i) {
    const double from = i * ratio, to = std::min(double(source), (i + 1) * ratio);
    uint32_t s = uint32_t(from);
    t.first.push_back(s);
    for (; s < source && s < to; ++s) {
      const double covered = std::min(to, s + 1.0) - std::max(from, double(s));
      if (covered > 0) t.weights.push_back(float(covered / ratio));
      else t.weights.push_back(0.0f);
    }
    t.offset.push_back(uint32_t(t.weights.size()));
  }
  return t;
}

}  // namespace

SurfacePtr area_downscale(cairo_surface_t* source, uint32_t width, uint32_t height) {
  cairo_surface_flush(source);
  const cairo_format_t format = cairo_image_surface_get_format(source);
  const uint32_t sw = uint32_t(cairo_image_surface_get_width(source));
  const uint32_t sh = uint32_t(cairo_image_surface_get_height(source));
  SurfacePtr out(cairo_image_surface_create(format, int(width), int(height)));
  if (cairo_surface_status(out.get()) != CAIRO_STATUS_SUCCESS || width == 0 || height == 0) return out;
  const unsigned char* in = cairo_image_surface_get_data(source);
  const size_t in_stride = size_t(cairo_image_surface_get_stride(source));
  unsigned char* dst = cairo_image_surface_get_data(out.get());
  const size_t out_stride = size_t(cairo_image_surface_get_stride(out.get()));
  const Taps across = taps_for(sw, width), down = taps_for(sh, height);

  // Rows are reduced across first (into `row`), then added into the output rows they cover.
  std::vector<float> row(size_t(width) * 4), sum(size_t(width) * 4);
  for (uint32_t y = 0; y < height; ++y) {
    std::fill(sum.begin(), sum.end(), 0.0f);
    for (uint32_t k = down.offset[y]; k < down.offset[y + 1]; ++k) {
      const size_t source_row = down.first[y] + (k - down.offset[y]);
      const float wy = down.weights[k];
      if (wy == 0.0f) continue;
      const unsigned char* line = in + source_row * in_stride;
      for (uint32_t x = 0; x < width; ++x) {
        float p0 = 0, p1 = 0, p2 = 0, p3 = 0;
        const unsigned char* px = line + size_t(across.first[x]) * 4;
        for (uint32_t j = across.offset[x]; j < across.offset[x + 1]; ++j, px += 4) {
          const float wx = across.weights[j];
          p0 += wx * px[0], p1 += wx * px[1], p2 += wx * px[2], p3 += wx * px[3];
        }
        float* r = &row[size_t(x) * 4];
        r[0] = p0, r[1] = p1, r[2] = p2, r[3] = p3;
      }
      for (size_t i = 0; i < sum.size(); ++i) sum[i] += wy * row[i];
    }
    unsigned char* o = dst + y * out_stride;
    for (size_t i = 0; i < sum.size(); ++i) o[i] = uint8_t(std::clamp(std::lround(sum[i]), 0L, 255L));
    if (format == CAIRO_FORMAT_RGB24)
      for (uint32_t x = 0; x < width; ++x) o[size_t(x) * 4 + 3] = 255;
  }
  cairo_surface_mark_dirty(out.get());
  return out;
}

}  // namespace folio::figures
