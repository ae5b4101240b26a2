// Figure preparation before rendering: every placed figure downsampled to the print
// resolution at its largest placed size, on several threads (cairo then only embeds).
#pragma once

#include <optional>
#include <vector>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"
#include "render/figure_source.hpp"
#include "render/pdf_renderer.hpp"
#include "style.hpp"

namespace folio::pdf {

/// One entry per Book::figures; nullopt for figures not placed or not usable.
std::vector<std::optional<FigureFile>> prepare_figures(const Book& book, const std::vector<ChapterLayout>& chapters,
                                                       const Style& style, Diagnostics& diagnostics, int threads);

}  // namespace folio::pdf
