// The key names everything read_post looks at: the post (file names, permalink, title,
// front matter, body), the reading options and the post's site config.
#include "read_cache.hpp"

#include <libxml/parser.h>

#include "document_codec.hpp"
#include "folio/content.hpp"

namespace folio::markdown {

namespace {

std::string read_key(const Post& post, const ReadContext& context) {
  std::string key = "read post 1\n";
  add_key_field(key, "libxml2", xmlParserVersion);  // raw HTML goes through its parser
  add_key_field(key, "file", post.file.string());
  add_key_field(key, "display path", post.display_path);
  add_key_field(key, "content dir", post.content_dir.string());
  add_key_field(key, "rel path", post.rel_path);
  add_key_field(key, "permalink", post.permalink());
  add_key_field(key, "title", post.title);
  add_key_field(key, "params", post.params.to_json());
  add_key_field(key, "body line", std::to_string(post.body_line));
  add_key_field(key, "body", post.body);
  MarkdownOptions defaults;
  const MarkdownOptions& options = context.options ? *context.options : defaults;
  add_key_field(key, "typographer", options.typographer ? "1" : "0");
  add_key_field(key, "emoji", options.emoji ? (*options.emoji ? "1" : "0") : "site");
  add_key_field(key, "math", options.math ? "1" : "0");
  add_key_field(key, "auto id type", options.auto_id_type);
  for (const auto& [from, to] : options.shortcode_map) add_key_field(key, "shortcode " + from, to);
  if (const SiteConfig* site = context.site) {
    add_key_field(key, "site", site->raw.to_json());
    add_key_field(key, "site base url", site->base_url);
    add_key_field(key, "site emoji", site->enable_emoji ? "1" : "0");
    add_key_field(key, "site auto id type", site->auto_id_type);
  } else {
    add_key_field(key, "site", "none");
  }
  return key;
}

void replay(const std::vector<Diagnostic>& list, Diagnostics& diagnostics) {
  for (const Diagnostic& d : list) diagnostics.report(d.severity, d.where, d.message);
}

}  // namespace

Document read_post_cached(const Post& post, const ReadContext& context, const ArtifactCache& cache,
                          Diagnostics& diagnostics) {
  if (!cache.enabled()) return read_post(post, context, diagnostics);
  const std::string key = read_key(post, context);
  if (auto bytes = cache.find("document", key))
    if (auto read = decode_read_post(*bytes)) {
      replay(read->diagnostics, diagnostics);
      return std::move(read->document);
    }
  // Read with a sink of its own, so that the entry holds exactly this post's diagnostics.
  Diagnostics own;
  ReadPost read;
  read.document = read_post(post, context, own);
  read.diagnostics = own.all();
  replay(read.diagnostics, diagnostics);
  cache.store("document", key, encode_read_post(read));
  return std::move(read.document);
}

}  // namespace folio::markdown
