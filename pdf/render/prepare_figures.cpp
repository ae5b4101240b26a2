// Parallel figure preparation (figure_for_pdf is safe to call from several threads).
#include "render/prepare_figures.hpp"

#include <algorithm>
#include <cmath>

#include "base/parallel_for.hpp"
#include "flow/drawables.hpp"

namespace folio::pdf {

std::vector<std::optional<FigureFile>> prepare_figures(const Book& book, const std::vector<ChapterLayout>& chapters,
                                                       const Style& style, Diagnostics& diagnostics, int threads) {
  // The largest size each figure is placed at, in points.
  std::vector<std::pair<double, double>> placed(book.figures.size(), {0.0, 0.0});
  for (const ChapterLayout& c : chapters)
    for (const FlowItem& item : c.flow.items)
      if (auto* f = dynamic_cast<const FigureDrawable*>(item.drawable.get()))
        if (f->figure >= 0 && size_t(f->figure) < placed.size()) {
          placed[f->figure].first = std::max(placed[f->figure].first, f->width);
          placed[f->figure].second = std::max(placed[f->figure].second, f->height);
        }
  std::vector<std::optional<FigureFile>> out(book.figures.size());
  auto px = [&](double pt) { return static_cast<uint32_t>(std::ceil(pt / 72.0 * style.image_dpi)); };
  parallel_for(placed.size(), size_t(std::max(threads, 1)), [&](size_t i) {
    if (placed[i].first <= 0) return;
    out[i] = figure_file(book.figures[i], px(placed[i].first), px(placed[i].second), book.config.figures,
                         diagnostics);
  });
  return out;
}

}  // namespace folio::pdf
