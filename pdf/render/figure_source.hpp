// Figure sources for cairo: the file a figure is drawn from, downsampled for print, and
// the cairo surface made from it (JPEGs passed through as they are).
#pragma once

#include <optional>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"
#include "handles.hpp"

namespace folio::pdf {

/// The file to draw for an asset at most max_w x max_h pixels: figure_for_pdf's JPEG or
/// PNG, downsampled to the print resolution (and cached) by the figures module.
struct FigureFile {
  std::filesystem::path file;
  ImageFormat format = ImageFormat::unknown;
  uint32_t width = 0;
  uint32_t height = 0;
};
std::optional<FigureFile> figure_file(const FigureAsset& asset, uint32_t max_w, uint32_t max_h,
                                      const FigureOptions& options, Diagnostics& diagnostics);

/// A cairo surface for the file. A JPEG becomes a blank surface of its size carrying the
/// JPEG bytes as mime data, so cairo embeds them without decoding or re-encoding. The
/// surface carries a UNIQUE_ID so that the same image drawn twice is stored once.
/// `blank`, when given, is a cleared buffer of `blank_size` bytes that JPEG surfaces may
/// share (it must outlive the PDF surface); see blank_bytes_for.
SurfacePtr figure_surface(const FigureFile& file, const std::string& unique_id, unsigned char* blank = nullptr,
                          size_t blank_size = 0);

/// The UNIQUE_ID of a figure file: one per asset and size, so cairo stores it once.
std::string figure_unique_id(const FigureAsset& asset, const FigureFile& file);

/// Bytes of an RGB24 image of this size (what a shared blank buffer must hold).
size_t blank_bytes_for(uint32_t width, uint32_t height);

}  // namespace folio::pdf
