// PostReader: the state of reading one post (options in force, diagnostics, markers).
#include "reading.hpp"

namespace folio::markdown {

PostReader::PostReader(const Post& p, const ReadContext& context, Diagnostics& d)
    : post(p),
      options(*context.options),
      site(context.site),
      diagnostics(d),
      lines(p.body, p.body_line) {
  emoji = options.emoji.value_or(site ? site->enable_emoji : false);
  if (!options.auto_id_type.empty()) auto_id_type = options.auto_id_type;
  else if (site && !site->auto_id_type.empty()) auto_id_type = site->auto_id_type;
}

SourceLocation PostReader::where(uint32_t origin) const {
  SourcePos p = pos(origin);
  return {post.display_path.empty() ? post.file.string() : post.display_path, p.line, p.column};
}

void PostReader::warn(uint32_t origin, std::string message) {
  diagnostics.warning(where(origin), std::move(message));
}

void PostReader::warn_at(SourcePos p, std::string message) {
  diagnostics.warning({post.display_path.empty() ? post.file.string() : post.display_path, p.line,
                       p.column},
                      std::move(message));
}

std::string marker(char kind, size_t index) {
  std::string m(kMarkerOpen);
  m += kind;
  m += std::to_string(index);
  m += kMarkerClose;
  return m;
}

bool parse_marker(std::string_view text, size_t& i, char& kind, size_t& index) {
  if (text.compare(i, kMarkerOpen.size(), kMarkerOpen) != 0) return false;
  size_t k = i + kMarkerOpen.size();
  if (k >= text.size()) return false;
  char kd = text[k++];
  size_t digits_start = k, value = 0;
  while (k < text.size() && text[k] >= '0' && text[k] <= '9') value = value * 10 + (text[k++] - '0');
  if (k == digits_start || text.compare(k, kMarkerClose.size(), kMarkerClose) != 0) return false;
  kind = kd;
  index = value;
  i = k + kMarkerClose.size();
  return true;
}

}  // namespace folio::markdown

namespace folio {

Document read_post(const Post& post, const ReadContext& context, Diagnostics& diagnostics) {
  using namespace markdown;
  MarkdownOptions defaults;
  ReadContext ctx = context;
  if (!ctx.options) ctx.options = &defaults;
  PostReader reader(post, ctx, diagnostics);
  MappedText text = limit_combining_marks(MappedText::identity(post.body), reader);
  text = expand_shortcodes(text, reader);
  text = preprocess(text, reader);
  Document doc;
  doc.source = post.display_path.empty() ? post.file.string() : post.display_path;
  doc.blocks = parse_blocks(text, reader);
  assign_heading_ids(doc.blocks, reader);
  normalize_headings(doc.blocks, post);
  resolve_footnotes(doc, reader);
  return doc;
}

}  // namespace folio
