// libFuzzer: a post's Markdown (shortcodes and raw HTML included) into the Document.
#include <cstddef>
#include <cstdint>
#include <string>

#include "folio/markdown.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  folio::Post post;
  post.file = post.display_path = "content/posts/a.md";
  post.rel_path = "posts/a.md";
  post.section = "posts";
  post.title = "fuzz";
  post.body.assign(reinterpret_cast<const char*>(data), size);
  folio::MarkdownOptions options;
  options.math = size % 2 == 0;  // both dialects
  folio::ReadContext context{&options, nullptr};
  folio::Diagnostics sink;
  folio::read_post(post, context, sink);
  return 0;
}
