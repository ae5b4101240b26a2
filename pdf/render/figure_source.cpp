// Figure files and surfaces for the PDF.
#include "render/figure_source.hpp"

#include <cstdlib>
#include <cstring>

#include "base/atomic_file.hpp"
#include "folio/figures.hpp"

namespace folio::pdf {

std::optional<FigureFile> figure_file(const FigureAsset& asset, uint32_t max_w, uint32_t max_h,
                                      const FigureOptions& options, Diagnostics& diagnostics) {
  if (!asset.ok) return std::nullopt;
  std::optional<RenderedFigure> r = figure_for_pdf(asset, max_w, max_h, options, diagnostics);
  if (!r) return std::nullopt;
  if (r->format != ImageFormat::jpeg && r->format != ImageFormat::png) {
    diagnostics.warning(asset.first_use, "figure cannot be drawn in the PDF, shown as a placeholder: " + asset.source);
    return std::nullopt;
  }
  return FigureFile{r->file, r->format, r->width, r->height};
}

SurfacePtr figure_surface(const FigureFile& file, const std::string& unique_id) {
  SurfacePtr surface;
  if (file.format == ImageFormat::jpeg) {
    std::string bytes;
    if (!read_file(file.file, bytes) || file.width == 0 || file.height == 0) return nullptr;
    // The pixels are never read: cairo's PDF backend writes the JPEG stream (DCTDecode).
    surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(file.width),
                                             static_cast<int>(file.height)));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    auto* data = static_cast<unsigned char*>(std::malloc(bytes.size()));
    if (!data) return nullptr;
    std::memcpy(data, bytes.data(), bytes.size());
    cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, data, bytes.size(), std::free, data);
  } else if (file.format == ImageFormat::png) {
    surface.reset(cairo_image_surface_create_from_png(file.file.c_str()));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
  } else {
    return nullptr;
  }
  auto* id = static_cast<unsigned char*>(std::malloc(unique_id.size()));
  if (id) {
    std::memcpy(id, unique_id.data(), unique_id.size());
    cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_UNIQUE_ID, id, unique_id.size(), std::free, id);
  }
  return surface;
}

}  // namespace folio::pdf
