// Reading a post through the artifact cache: a post whose bytes, front matter, site config
// and reading options are those of an earlier build is not read again.
#pragma once

#include "base/artifact_cache.hpp"
#include "folio/diagnostics.hpp"
#include "folio/document.hpp"
#include "folio/markdown.hpp"
#include "folio/post.hpp"

namespace folio::markdown {

/// read_post, or what it gave for the same inputs before (its Document, and its diagnostics
/// reported again). Without a cache folder, read_post itself.
Document read_post_cached(const Post& post, const ReadContext& context, const ArtifactCache& cache,
                          Diagnostics& diagnostics);

}  // namespace folio::markdown
