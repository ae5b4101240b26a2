// Figure files and surfaces for the PDF.
#include "render/figure_source.hpp"

#include <cstdio>
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

namespace {

/// The file's bytes in a malloc'd block (cairo frees mime data with free()).
unsigned char* read_malloced(const std::filesystem::path& file, size_t& size) {
  FILE* in = std::fopen(file.c_str(), "rb");
  if (!in) return nullptr;
  std::fseek(in, 0, SEEK_END);
  long length = std::ftell(in);
  std::fseek(in, 0, SEEK_SET);
  unsigned char* data = length > 0 ? static_cast<unsigned char*>(std::malloc(length)) : nullptr;
  if (data && std::fread(data, 1, length, in) != static_cast<size_t>(length)) {
    std::free(data);
    data = nullptr;
  }
  std::fclose(in);
  size = data ? static_cast<size_t>(length) : 0;
  return data;
}

}  // namespace

std::string figure_unique_id(const FigureAsset& asset, const FigureFile& file) {
  return (asset.digest.empty() ? asset.source : asset.digest) + "@" + std::to_string(file.width) + "x" +
         std::to_string(file.height);
}

size_t blank_bytes_for(uint32_t width, uint32_t height) {
  return static_cast<size_t>(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, static_cast<int>(width))) * height;
}

SurfacePtr figure_surface(const FigureFile& file, const std::string& unique_id, unsigned char* blank,
                          size_t blank_size) {
  SurfacePtr surface;
  if (file.format == ImageFormat::jpeg) {
    if (file.width == 0 || file.height == 0) return nullptr;
    size_t size = 0;
    unsigned char* data = read_malloced(file.file, size);
    if (!data) return nullptr;
    // The pixels are never read: cairo's PDF backend writes the JPEG stream (DCTDecode).
    // A shared blank buffer spares clearing megabytes of memory per figure.
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, static_cast<int>(file.width));
    if (blank && blank_size >= blank_bytes_for(file.width, file.height))
      surface.reset(cairo_image_surface_create_for_data(blank, CAIRO_FORMAT_RGB24, static_cast<int>(file.width),
                                                        static_cast<int>(file.height), stride));
    else
      surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(file.width),
                                               static_cast<int>(file.height)));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      std::free(data);
      return nullptr;
    }
    cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, data, size, std::free, data);
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
