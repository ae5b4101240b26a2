// Convert: the file each writer embeds (figure_for_epub, figure_for_pdf), derived copies
// cached by content digest and size in <cache_dir>/derived/.
#include <cmath>
#include <filesystem>
#include <string>

#include "base/atomic_file.hpp"
#include "base/hash.hpp"
#include "folio/figures.hpp"
#include "jpeg_quality.hpp"
#include "orientation.hpp"
#include "raster.hpp"
#include "svg_sanitize.hpp"

namespace folio {

namespace fs = std::filesystem;
using figures::Surface;

namespace {

struct Size {
  uint32_t width = 0;
  uint32_t height = 0;
};

// Where derived copies live; a build without a configured cache uses the system's temp folder
// rather than writing into the content folders.
fs::path derived_dir(const FigureOptions& options) {
  fs::path base = options.cache_dir.empty() ? fs::temp_directory_path() / "folio-cache" : options.cache_dir;
  return base / "derived";
}

// The largest size inside max_w x max_h with the image's aspect ratio; 0 means no limit.
// Never larger than the image itself unless `enlarge` (vector images).
Size fit(uint32_t w, uint32_t h, uint32_t max_w, uint32_t max_h, bool enlarge) {
  double scale = enlarge ? 1e9 : 1.0;
  if (max_w > 0) scale = std::min(scale, double(max_w) / w);
  if (max_h > 0) scale = std::min(scale, double(max_h) / h);
  if (scale >= 1e9) scale = 1.0;
  if (!enlarge) scale = std::min(scale, 1.0);
  Size s{uint32_t(std::max(1L, std::lround(w * scale))), uint32_t(std::max(1L, std::lround(h * scale)))};
  if (max_w > 0) s.width = std::min(s.width, max_w);
  if (max_h > 0) s.height = std::min(s.height, max_h);
  return s;
}

// The size that keeps at most `pixels` pixels (0: no limit).
Size fit_pixels(uint32_t w, uint32_t h, uint64_t pixels) {
  if (pixels == 0 || uint64_t(w) * h <= pixels) return {w, h};
  double scale = std::sqrt(double(pixels) / (double(w) * h));
  return {uint32_t(std::max(1.0, std::floor(w * scale))), uint32_t(std::max(1.0, std::floor(h * scale)))};
}

struct Work {
  const FigureAsset& asset;
  const FigureOptions& options;
  Diagnostics& diagnostics;

  std::optional<RenderedFigure> fail(const std::string& why) const {
    diagnostics.warning(asset.first_use, "figure " + asset.source + ": " + why);
    return std::nullopt;
  }

  std::string digest() const {
    if (!asset.digest.empty()) return asset.digest;
    return sha256_file(asset.file).value_or("nodigest");
  }

  bool read(std::string& bytes) const { return read_file(asset.file, bytes); }

  fs::path derived(Size size, const char* ext) const {
    // "-upright" keeps a turned copy apart from a sideways one an older folio derived.
    return derived_dir(options) / (digest() + "-" + std::to_string(size.width) + "x" + std::to_string(size.height) +
                                   (asset.orientation > 1 ? "-upright." : ".") + ext);
  }

  // A JPEG whose EXIF orientation is not 1 is re-encoded upright for both writers: EPUB
  // reading systems disagree on honouring EXIF, and cairo embeds a JPEG's bytes as they are.
  bool embeddable_as_is(Size size) const {
    return size.width == asset.width && size.height == asset.height && asset.orientation <= 1;
  }

  bool prepare_dir(std::string& error) const {
    std::error_code ec;
    fs::create_directories(derived_dir(options), ec);
    if (ec) error = "cannot create " + derived_dir(options).string() + ": " + ec.message();
    return !ec;
  }

  // Decodes, scales to `size` and writes PNG or JPEG; reuses an earlier result.
  std::optional<RenderedFigure> raster(Size size, bool prefer_jpeg) const {
    fs::path png = derived(size, "png"), jpg = derived(size, "jpg");
    std::error_code ec;
    if (prefer_jpeg && fs::exists(jpg, ec)) return RenderedFigure{jpg, ImageFormat::jpeg, size.width, size.height};
    if (fs::exists(png, ec)) return RenderedFigure{png, ImageFormat::png, size.width, size.height};
    std::string bytes, error;
    if (!read(bytes)) return fail("cannot read " + asset.file.string());
    // The decoder works in stored pixels: the size hint is turned back for a quarter turn.
    bool turned = figures::orientation_swaps_axes(asset.orientation);
    Surface surface = figures::decode_raster(bytes, asset.format, turned ? size.height : size.width,
                                             turned ? size.width : size.height, error);
    if (surface) surface = figures::apply_orientation(std::move(surface), asset.orientation, error);
    if (!surface) return fail(error);
    if (uint32_t(cairo_image_surface_get_width(surface.get())) != size.width ||
        uint32_t(cairo_image_surface_get_height(surface.get())) != size.height)
      surface = figures::scale_surface(surface.get(), size.width, size.height);
    if (!prepare_dir(error)) return fail(error);
    // A photo stays JPEG; anything with transparency must be PNG.
    if (prefer_jpeg && !figures::has_transparency(surface.get())) {
      // A JPEG is saved again at its own quality; other formats at the configured one.
      const int quality = asset.format == ImageFormat::jpeg
                              ? figures::jpeg_quality(bytes).value_or(options.jpeg_quality)
                              : options.jpeg_quality;
      if (!figures::write_jpeg(surface.get(), jpg, quality, error)) return fail(error);
      return RenderedFigure{jpg, ImageFormat::jpeg, size.width, size.height};
    }
    if (!figures::write_png(surface.get(), png, error)) return fail(error);
    return RenderedFigure{png, ImageFormat::png, size.width, size.height};
  }

  std::optional<std::string> sanitized_svg() const {
    std::string bytes, error;
    if (!read(bytes)) {
      fail("cannot read " + asset.file.string());
      return std::nullopt;
    }
    auto clean = figures::sanitize_svg(bytes, error);
    if (!clean) fail("SVG " + error);
    return clean;
  }

  bool checked() const {
    if (!asset.ok || asset.format == ImageFormat::unknown || asset.width == 0 || asset.height == 0)
      return false;
    return uint64_t(asset.width) * asset.height <= options.max_pixels;
  }
};

}  // namespace

std::optional<RenderedFigure> figure_for_epub(const FigureAsset& asset, const FigureOptions& options,
                                              Diagnostics& diagnostics) {
  Work work{asset, options, diagnostics};
  if (!work.checked()) return std::nullopt;
  RenderedFigure as_is{asset.file, asset.format, asset.width, asset.height};
  Size size = fit_pixels(asset.width, asset.height, options.downscale_pixels);
  switch (asset.format) {
    case ImageFormat::svg: {
      fs::path target = derived_dir(options) / (work.digest() + "-clean.svg");
      std::error_code ec;
      if (fs::exists(target, ec)) return RenderedFigure{target, ImageFormat::svg, asset.width, asset.height};
      auto clean = work.sanitized_svg();
      if (!clean) return std::nullopt;
      std::string error;
      if (!work.prepare_dir(error) || !write_file_atomically(target, *clean, &error)) return work.fail(error);
      return RenderedFigure{target, ImageFormat::svg, asset.width, asset.height};
    }
    case ImageFormat::webp:
      // Older EPUB readers cannot show WebP (it is not an EPUB core media type): an opaque
      // one becomes JPEG (a photo stays small), one with transparency PNG.
      return work.raster(size, true);
    case ImageFormat::jpeg:
      if (work.embeddable_as_is(size)) return as_is;
      return work.raster(size, true);
    case ImageFormat::png:
    case ImageFormat::gif:
      // A GIF is kept as it is (with its animation) unless it must shrink.
      if (size.width == asset.width && size.height == asset.height) return as_is;
      return work.raster(size, false);
    case ImageFormat::unknown: break;
  }
  return std::nullopt;
}

std::optional<RenderedFigure> figure_for_pdf(const FigureAsset& asset, uint32_t max_width,
                                             uint32_t max_height, const FigureOptions& options,
                                             Diagnostics& diagnostics) {
  Work work{asset, options, diagnostics};
  if (!work.checked()) return std::nullopt;
  switch (asset.format) {
    case ImageFormat::svg: {
      Size size = fit(asset.width, asset.height, max_width, max_height, true);
      fs::path target = work.derived(size, "png");
      std::error_code ec;
      if (fs::exists(target, ec)) return RenderedFigure{target, ImageFormat::png, size.width, size.height};
      auto clean = work.sanitized_svg();
      if (!clean) return std::nullopt;
      std::string error;
      Surface surface = figures::render_svg(*clean, size.width, size.height, error);
      if (!surface) return work.fail(error);
      if (!work.prepare_dir(error) || !figures::write_png(surface.get(), target, error)) return work.fail(error);
      return RenderedFigure{target, ImageFormat::png, size.width, size.height};
    }
    case ImageFormat::jpeg:
    case ImageFormat::png: {
      Size size = fit(asset.width, asset.height, max_width, max_height, false);
      if (work.embeddable_as_is(size)) return RenderedFigure{asset.file, asset.format, asset.width, asset.height};
      return work.raster(size, asset.format == ImageFormat::jpeg);
    }
    case ImageFormat::gif:
    case ImageFormat::webp: {
      // cairo embeds neither: the first frame (GIF) or the picture (WebP) becomes PNG or JPEG.
      Size size = fit(asset.width, asset.height, max_width, max_height, false);
      return work.raster(size, asset.format == ImageFormat::webp);
    }
    case ImageFormat::unknown: break;
  }
  return std::nullopt;
}

}  // namespace folio
