// Body headings under the chapter title: a first `# Title` repeating it is dropped, and
// levels are shifted so that the body's top level becomes 2.
#include <algorithm>

#include "reading.hpp"

namespace folio::markdown {
namespace {

std::string squash(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

}  // namespace

void normalize_headings(Blocks& blocks, const Post& post) {
  // A first block `# Title` equal to the post title repeats the chapter title.
  if (!blocks.empty())
    if (auto* h = std::get_if<Heading>(&blocks.front().node);
        h && h->level == 1 && squash(plain_text(h->children)) == squash(post.title))
      blocks.erase(blocks.begin());
  int top = 7;
  for (const auto& b : blocks)
    if (auto* h = std::get_if<Heading>(&b.node)) top = std::min(top, h->level);
  if (top >= 2 || top == 7) return;
  // `#` headings in the body: everything moves down one level (6 stays the floor).
  for_each_block(blocks, [&](Block& b) {
    if (auto* h = std::get_if<Heading>(&b.node)) h->level = std::min(6, h->level + (2 - top));
  });
}

}  // namespace folio::markdown
