// libFuzzer: a whole post file (YAML, TOML or JSON front matter, then the body) read as a post.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/post_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  folio::content::PostSource source;
  source.file = "/fuzz/content/posts/a.md";
  source.display_path = "content/posts/a.md";
  source.content_dir = "/fuzz/content";
  source.rel_path = "posts/a.md";
  folio::Diagnostics sink;
  folio::content::read_post_text(source, std::string_view(reinterpret_cast<const char*>(data), size),
                                 folio::content::PostContext{nullptr, nullptr, nullptr}, sink);
  return 0;
}
