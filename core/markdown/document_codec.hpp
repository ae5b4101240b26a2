// DocumentCodec: a read post (its Document and the diagnostics reading it gave) as bytes
// and back, so that a rebuild takes unchanged posts from the cache instead of reading them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/diagnostics.hpp"
#include "folio/document.hpp"

namespace folio::markdown {

/// A post as reading left it.
struct ReadPost {
  Document document;
  std::vector<Diagnostic> diagnostics;  ///< in report order, replayed on a cache hit
};

/// Every field of every node, in a compact binary form (lengths before strings and lists).
std::string encode_read_post(const ReadPost& post);
/// The post encode_read_post wrote; nullopt for bytes it did not write (cut short,
/// damaged, another layout): never a partial Document.
std::optional<ReadPost> decode_read_post(std::string_view bytes);

}  // namespace folio::markdown
