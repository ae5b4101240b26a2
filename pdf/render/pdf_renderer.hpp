// Rendering: the laid-out book drawn page by page onto a cairo PDF surface, with
// running heads, page numbers, page labels, outline, links, destinations and metadata.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "folio/book.hpp"
#include "folio/diagnostics.hpp"
#include "flow/distribute.hpp"
#include "flow/item.hpp"
#include "pages/page_plan.hpp"
#include "render/figure_source.hpp"
#include "style.hpp"
#include "text_context.hpp"

namespace folio::pdf {

/// A chapter's flow and its pages.
struct ChapterLayout {
  ChapterFlow flow;
  std::vector<PageLayout> pages;
};

/// What the renderer draws.
struct RenderInput {
  const Book* book = nullptr;
  const Style* style = nullptr;
  std::vector<ChapterLayout>* chapters = nullptr;
  const ChapterLayout* toc = nullptr;  ///< null: no contents
  PagePlan plan;
  std::string creation_date;  ///< ISO 8601, empty: cairo's clock
  std::string creator;        ///< "folio <version>"
  /// Prepared figure files, one per Book::figures (see prepare_figures); null: prepared
  /// while drawing.
  const std::vector<std::optional<FigureFile>>* figures = nullptr;
  /// Filled with the Book::figures drawn as placeholders (when not null).
  std::set<int>* placeholders = nullptr;
};

/// Draws the book into `file`. False (with an error at `shown_as`, the path the user
/// named) when cairo fails or a write does (a full disk, an I/O error).
bool render_pdf(const RenderInput& input, const std::filesystem::path& file, const std::filesystem::path& shown_as,
                Diagnostics& diagnostics);

/// A URI as cairo's link attribute takes it: bytes outside printable ASCII, spaces,
/// quotes and backslashes percent-encoded.
std::string encode_uri(const std::string& uri);

/// A number in the "C" locale form cairo's attribute parser expects.
std::string attr_number(double v);

}  // namespace folio::pdf
