// Markdown reading: a post's body (Hugo-flavoured Markdown) into the Document model.
#pragma once

#include "folio/export.hpp"
#include "folio/book.hpp"
#include "folio/config.hpp"
#include "folio/content.hpp"
#include "folio/diagnostics.hpp"
#include "folio/document.hpp"

namespace folio {
FOLIO_API_BEGIN

/// What reading one post may consult besides its text.
struct ReadContext {
  const MarkdownOptions* options = nullptr;  ///< required
  const SiteConfig* site = nullptr;          ///< the post's site config, if it has one
};

/// Reads one post: shortcodes, Markdown (md4c + Hugo's extensions), raw HTML.
/// Heading ids are Hugo's (unique within the post); links keep their href unresolved.
Document read_post(const Post& post, const ReadContext& context, Diagnostics& diagnostics);

/// Reads every chapter of the plan (in parallel), then makes heading ids unique in the
/// book and resolves links between posts (LinkTarget). Figures are not resolved here.
/// A post read by an earlier build from the same bytes, front matter, site config and
/// options is taken from the cache folder (config.reuse_cache; its diagnostics are reported
/// again) instead of being read.
Book read_book(const BookConfig& config, const Collection& collection, const BookPlan& plan,
               Diagnostics& diagnostics);

FOLIO_API_END
}  // namespace folio
