// Hugo shortcodes, expanded in a pass before md4c (also inside code fences, as Hugo does).
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "reading.hpp"

namespace folio::markdown {
namespace {

struct Argument {
  std::string key;  ///< empty for a positional argument
  std::string value;
};

/// One `{{< ... >}}` / `{{% ... %}}` tag as written.
struct Tag {
  size_t begin = 0, end = 0;  ///< byte range in the input
  char delimiter = '<';
  bool closing = false;
  bool self_closing = false;
  bool escaped = false;        ///< `{{</* x */>}}`: printed literally
  std::string literal;         ///< what an escaped tag prints
  std::string name;
  std::vector<Argument> args;

  const std::string* named(std::string_view key) const {
    for (const auto& a : args)
      if (a.key == key) return &a.value;
    return nullptr;
  }
  std::string get(std::string_view key, size_t position = std::string::npos) const {
    if (auto* v = named(key)) return *v;
    if (position != std::string::npos) {
      size_t n = 0;
      for (const auto& a : args)
        if (a.key.empty() && n++ == position) return a.value;
    }
    return {};
  }
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool starts_tag(std::string_view s, size_t i) {
  return s.compare(i, 3, "{{<") == 0 || s.compare(i, 3, "{{%") == 0;
}

/// Reads the tag starting at s[i] ("{{<" or "{{%"). False when it never closes.
bool lex_tag(std::string_view s, size_t i, Tag& tag) {
  tag = Tag{};
  tag.begin = i;
  tag.delimiter = s[i + 2];
  const std::string closer = std::string(1, tag.delimiter == '<' ? '>' : '%') + "}}";
  size_t j = i + 3;
  while (j < s.size() && is_space(s[j])) ++j;
  if (s.compare(j, 2, "/*") == 0) {
    size_t end_comment = s.find("*/", j + 2);
    if (end_comment == std::string_view::npos) return false;
    size_t k = end_comment + 2;
    while (k < s.size() && is_space(s[k])) ++k;
    if (s.compare(k, 3, closer) != 0) return false;
    tag.escaped = true;
    tag.literal = "{{" + std::string(1, tag.delimiter) +
                  std::string(s.substr(j + 2, end_comment - j - 2)) + closer;
    tag.end = k + 3;
    return true;
  }
  if (j < s.size() && s[j] == '/') {
    tag.closing = true;
    ++j;
    while (j < s.size() && is_space(s[j])) ++j;
  }
  size_t name_start = j;
  while (j < s.size() && !is_space(s[j]) && s.compare(j, 3, closer) != 0 &&
         s.compare(j, 4, "/" + closer) != 0)
    ++j;
  tag.name = std::string(s.substr(name_start, j - name_start));
  if (tag.name.empty()) return false;
  // Arguments: bare, "quoted" (with \" escapes) or `raw` (may span lines); key=value.
  auto read_value = [&](size_t& k, std::string& out) -> bool {
    if (k >= s.size()) return false;
    if (s[k] == '"') {
      for (++k; k < s.size() && s[k] != '"'; ++k) {
        if (s[k] == '\\' && k + 1 < s.size()) ++k;
        out += s[k];
      }
      if (k >= s.size()) return false;
      ++k;
      return true;
    }
    if (s[k] == '`') {
      size_t close = s.find('`', k + 1);
      if (close == std::string_view::npos) return false;
      out = std::string(s.substr(k + 1, close - k - 1));
      k = close + 1;
      return true;
    }
    while (k < s.size() && !is_space(s[k]) && s[k] != '=' && s.compare(k, 3, closer) != 0 &&
           s.compare(k, 4, "/" + closer) != 0)
      out += s[k++];
    return true;
  };
  while (true) {
    while (j < s.size() && is_space(s[j])) ++j;
    if (j >= s.size()) return false;
    if (s.compare(j, 3, closer) == 0) {
      tag.end = j + 3;
      return true;
    }
    if (s.compare(j, 4, "/" + closer) == 0) {
      tag.self_closing = true;
      tag.end = j + 4;
      return true;
    }
    if (starts_tag(s, j)) return false;  // a new tag before this one closed
    Argument arg;
    size_t before = j;
    if (!read_value(j, arg.value)) return false;
    if (j < s.size() && s[j] == '=') {
      arg.key = std::move(arg.value);
      arg.value.clear();
      ++j;
      if (!read_value(j, arg.value)) return false;
    }
    if (j == before) ++j;  // a stray character: never loop in place
    tag.args.push_back(std::move(arg));
  }
}

/// The closing tag of every paired shortcode in `s`, found in one pass: tags of one name
/// are matched as brackets (nesting of the same name counted). Searching forward from
/// each opening tag instead made 50k unclosed `highlight`s or 12k nested `details`
/// quadratic.
class ClosingTags {
 public:
  explicit ClosingTags(std::string_view s) {
    struct NameState {
      std::vector<size_t> open;  // where the opening tags not yet closed begin
      size_t end = 0;            // a tag of this name starting before here lies inside the last one
    };
    std::unordered_map<std::string, NameState> names;
    for (size_t i = s.find("{{"); i != std::string_view::npos; i = s.find("{{", i + 2)) {
      if (!starts_tag(s, i)) continue;
      Tag t;
      if (!lex_tag(s, i, t) || t.escaped) continue;
      NameState& state = names[t.name];
      if (i < state.end) continue;
      state.end = t.end;
      if (t.closing) {
        if (state.open.empty()) continue;
        closing_of_.emplace(state.open.back(), std::move(t));
        state.open.pop_back();
      } else if (!t.self_closing) {
        state.open.push_back(t.begin);
      }
    }
  }

  /// The tag that closes the paired shortcode `open`, if any.
  std::optional<Tag> find(const Tag& open) const {
    auto it = closing_of_.find(open.begin);
    if (it == closing_of_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::unordered_map<size_t, Tag> closing_of_;  // opening tag's begin -> its closing tag
};

std::string percent_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ') out += "%20";
    else out += c;
  }
  return out;
}

Inline text_inline(std::string s, SourcePos pos) { return Inline{Text{std::move(s)}, pos}; }

/// A caption or summary argument: Markdown, as Hugo renders it.
Inlines markdown_inlines(const std::string& s, uint32_t origin, PostReader& reader) {
  MappedText text;
  text.insert(s, origin);
  Blocks blocks = parse_blocks(text, reader);
  if (blocks.size() == 1)
    if (auto* p = std::get_if<Paragraph>(&blocks[0].node)) return std::move(p->children);
  return {text_inline(s, reader.pos(origin))};
}

/// gist/youtube/tweet/x/vimeo/instagram: a link with a note, as a book cannot play them.
std::optional<Block> embed_block(const std::string& name, const Tag& tag, SourcePos pos) {
  std::string note, url;
  if (name == "youtube") {
    std::string id = tag.get("id", 0);
    note = "YouTube video: ";
    url = "https://www.youtube.com/watch?v=" + id;
  } else if (name == "vimeo") {
    note = "Vimeo video: ";
    url = "https://vimeo.com/" + tag.get("id", 0);
  } else if (name == "gist") {
    note = "Gist: ";
    url = "https://gist.github.com/" + tag.get("user", 0) + "/" + tag.get("id", 1);
    std::string file = tag.get("file", 2);
    if (!file.empty()) url += "#file-" + file;
  } else if (name == "tweet" || name == "twitter" || name == "x") {
    note = "Post on X: ";
    std::string user = tag.get("user");
    std::string id = tag.get("id", 0);
    if (user.empty() && tag.args.size() >= 2 && tag.args[0].key.empty()) {
      user = tag.get("", 0);
      id = tag.get("", 1);
    }
    url = user.empty() ? "https://x.com/i/status/" + id : "https://x.com/" + user + "/status/" + id;
  } else if (name == "instagram") {
    note = "Instagram post: ";
    url = "https://www.instagram.com/p/" + tag.get("id", 0) + "/";
  } else {
    return std::nullopt;
  }
  Paragraph p;
  p.children.push_back(text_inline(note, pos));
  Link link;
  link.href = url;
  link.target.url = url;
  link.children.push_back(text_inline(url, pos));
  p.children.push_back(Inline{std::move(link), pos});
  return Block{std::move(p), pos};
}

std::optional<std::string> param_value(const Tag& tag, const PostReader& reader) {
  std::string key = tag.get("name", 0);
  // Dotted keys walk into maps, as Hugo's param does.
  auto lookup = [&](const Value& root) -> std::optional<std::string> {
    const Value* v = &root;
    size_t start = 0;
    while (v && start <= key.size()) {
      size_t dot = key.find('.', start);
      v = v->find(key.substr(start, dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    if (v) return v->scalar_text();
    return std::nullopt;
  };
  if (reader.post.params.is_map())
    if (auto s = lookup(reader.post.params)) return s;
  if (reader.site && reader.site->raw.is_map())
    if (const Value* params = reader.site->raw.find("params"))
      if (auto s = lookup(*params)) return s;
  return std::nullopt;
}

bool alone_on_line(std::string_view s, const Tag& tag) {
  size_t line_start = s.rfind('\n', tag.begin == 0 ? 0 : tag.begin - 1);
  line_start = (line_start == std::string_view::npos || tag.begin == 0) ? 0 : line_start + 1;
  if (tag.begin > 0 && s[tag.begin - 1] == '\n') line_start = tag.begin;
  for (size_t k = line_start; k < tag.begin; ++k)
    if (!is_space(s[k])) return false;
  for (size_t k = tag.end; k < s.size() && s[k] != '\n'; ++k)
    if (!is_space(s[k])) return false;
  return true;
}

/// What an open paired shortcode does when its closing tag comes.
struct OpenShortcode {
  std::string name;
  char close_kind = 0;  ///< 'C' closes a division; 0 prints nothing
  size_t division = 0;
};

}  // namespace

MappedText expand_shortcodes(const MappedText& in, PostReader& reader) {
  const std::string_view s = in.text;
  if (s.find("{{") == std::string_view::npos) return in;
  MappedText out;
  out.text.reserve(s.size());
  out.origin.reserve(s.size() + 1);
  FenceTracker fence;
  const ClosingTags closings(s);
  std::vector<OpenShortcode> open;
  size_t copied = 0;  // input copied to out up to here
  size_t line_start = 0;
  fence.line(s.substr(0, s.find('\n')));
  auto flush = [&](size_t upto) {
    out.append(in, copied, upto);
    copied = upto;
  };
  auto block_insert = [&](const std::string& m, const Tag& tag) {
    if (alone_on_line(s, tag)) {
      std::string indent;
      for (size_t k = line_start; k < tag.begin && (s[k] == ' ' || s[k] == '\t'); ++k) indent += s[k];
      out.insert("\n\n" + indent + m + "\n\n", in.at(tag.begin));
    } else {
      out.insert(m, in.at(tag.begin));
    }
  };

  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '\n') {
      ++i;
      line_start = i;
      fence.line(s.substr(i, s.find('\n', i) - i));
      continue;
    }
    if (s[i] != '{' || !starts_tag(s, i)) {
      ++i;
      continue;
    }
    Tag tag;
    const uint32_t origin = in.at(i);
    const SourcePos pos = reader.pos(origin);
    if (!lex_tag(s, i, tag)) {
      reader.warn(origin, "unterminated shortcode: '" +
                              std::string(s.substr(i, std::min<size_t>(20, s.find('\n', i) - i))) +
                              "' is kept as text");
      i += 3;
      continue;
    }
    flush(i);
    copied = tag.end;
    if (tag.escaped) {
      out.insert(tag.literal, origin);
      i = tag.end;
      continue;
    }
    auto mapped = reader.options.shortcode_map.find(tag.name);
    const std::string name = mapped != reader.options.shortcode_map.end() ? mapped->second : tag.name;
    if (tag.closing) {
      auto it = std::find_if(open.rbegin(), open.rend(),
                             [&](const OpenShortcode& o) { return o.name == tag.name; });
      if (it == open.rend()) {
        reader.warn(origin, "closing shortcode '/" + tag.name + "' has no opening tag");
      } else {
        OpenShortcode o = *it;
        open.erase(std::next(it).base(), open.end());
        if (o.close_kind == 'C') block_insert(marker('C', o.division), tag);
      }
      i = tag.end;
      continue;
    }
    std::optional<Tag> closing;
    if (!tag.self_closing) closing = closings.find(tag);
    const bool paired = closing.has_value();
    auto keep_inner = [&] {
      if (paired) open.push_back({tag.name, 0, 0});
    };
    i = tag.end;

    if (name == "ref" || name == "relref") {
      out.insert(percent_spaces(tag.get("path", 0)), origin);
      continue;
    }
    if (name == "param") {
      auto v = param_value(tag, reader);
      if (!v) reader.warn(origin, "shortcode param: no parameter '" + tag.get("name", 0) + "'");
      out.insert(v.value_or(""), origin);
      continue;
    }
    if (name == "comment") {
      if (paired) i = copied = closing->end;
      continue;
    }
    if (name == "highlight") {
      if (!paired) {
        reader.warn(origin, "unterminated shortcode 'highlight': no {{< /highlight >}}");
        continue;
      }
      size_t code_begin = tag.end;
      if (code_begin < s.size() && s[code_begin] == '\r') ++code_begin;
      if (code_begin < s.size() && s[code_begin] == '\n') ++code_begin;
      std::string_view code = s.substr(code_begin, closing->begin - code_begin);
      size_t longest = 0, run = 0;
      for (char c : code) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
      }
      std::string fence_text(std::max<size_t>(3, longest + 1), '`');
      // Hugo's options ("linenos=table,hl_lines=2 4-5") ride on the fence as attributes.
      std::string options = tag.get("options", 1);
      std::erase(options, '`');
      std::erase(options, '\n');
      if (!options.empty()) options = " {" + options + "}";
      out.insert("\n" + fence_text + tag.get("lang", 0) + options + "\n", origin);
      out.append(in, code_begin, closing->begin);
      if (!code.empty() && code.back() != '\n') out.insert("\n", in.at(closing->begin));
      out.insert(fence_text + "\n", in.at(closing->begin));
      i = copied = closing->end;
      continue;
    }
    if (fence.open()) {
      keep_inner();  // inside code only text-producing shortcodes print something
      continue;
    }
    if (name == "figure") {
      Figure f;
      f.src = tag.get("src", 0);
      f.alt = tag.get("alt");
      f.title = tag.get("title");
      f.link = tag.get("link");
      std::string caption = tag.get("caption");
      if (!caption.empty()) f.caption = markdown_inlines(caption, origin, reader);
      if (f.src.empty()) reader.warn(origin, "shortcode figure has no src");
      reader.insertions.blocks.push_back(Block{std::move(f), pos});
      block_insert(marker('B', reader.insertions.blocks.size() - 1), tag);
      keep_inner();
      continue;
    }
    if (name == "details") {
      Division d;
      d.kind = "details";
      std::string summary = tag.get("summary", 0);
      if (summary.empty()) summary = tag.get("title");
      if (!summary.empty()) d.title = markdown_inlines(summary, origin, reader);
      reader.insertions.divisions.push_back(std::move(d));
      size_t index = reader.insertions.divisions.size() - 1;
      block_insert(marker('O', index), tag);
      if (paired) open.push_back({tag.name, 'C', index});
      else reader.warn(origin, "unterminated shortcode '" + tag.name + "': no closing tag");
      continue;
    }
    if (auto block = embed_block(name, tag, pos)) {
      reader.insertions.blocks.push_back(std::move(*block));
      block_insert(marker('B', reader.insertions.blocks.size() - 1), tag);
      keep_inner();
      continue;
    }
    reader.warn(origin, "unknown shortcode '" + tag.name + "'" +
                            (paired ? ": its inner content is kept" : ": dropped"));
    keep_inner();
  }
  flush(s.size());
  return out;
}

}  // namespace folio::markdown
