// Figures: resolve every image a post shows, fetch remote ones (cached), check them,
// and give each writer a file it can embed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "folio/export.hpp"
#include "folio/book.hpp"
#include "folio/content.hpp"
#include "folio/diagnostics.hpp"

namespace folio {
FOLIO_API_BEGIN

/// What resolve_figures did.
struct FigureReport {
  size_t embedded = 0;   ///< distinct figures that can be embedded
  size_t failed = 0;     ///< distinct figures that failed (placeholders)
  size_t requests = 0;   ///< HTTP requests sent
  uint64_t bytes = 0;    ///< bytes downloaded
};

/// Resolves every Figure and Image node of the book (local paths, static/ folders,
/// rewrites, remote URLs through the cache), probes the bytes, and fills book.figures
/// and each node's `figure` index. Failures are warnings at the node's place.
FigureReport resolve_figures(Book& book, const Collection& collection, Diagnostics& diagnostics);

/// Where figures are cached when book.yaml and the caller name no folder: one cache for
/// every book, as pip's and go's are, never a folder inside the content:
/// $XDG_CACHE_HOME/folio, else ~/.cache/folio, else <temp>/folio-cache.
std::filesystem::path default_cache_dir();

/// A file a writer embeds as it is.
struct RenderedFigure {
  std::filesystem::path file;
  ImageFormat format = ImageFormat::unknown;
  uint32_t width = 0;
  uint32_t height = 0;
};

/// For EPUB: JPEG, PNG and GIF as they are (downscaled when options.downscale_pixels asks),
/// SVG sanitized (no script, no external reference), WebP converted to PNG.
std::optional<RenderedFigure> figure_for_epub(const FigureAsset& asset, const FigureOptions& options,
                                              Diagnostics& diagnostics);

/// For PDF: a JPEG or PNG of at most max_width x max_height pixels (downsampled, never
/// enlarged; a JPEG small enough is returned as it is), GIF's first frame, SVG drawn with
/// librsvg. Cached by content hash and size, so a rebuild does no work.
std::optional<RenderedFigure> figure_for_pdf(const FigureAsset& asset, uint32_t max_width,
                                             uint32_t max_height, const FigureOptions& options,
                                             Diagnostics& diagnostics);

FOLIO_API_END
}  // namespace folio
