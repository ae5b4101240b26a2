// Posts: front matter fields with Hugo's fallbacks, taxonomy terms, titles and permalinks.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <limits>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/atomic_file.hpp"
#include "base/utf8.hpp"
#include "frontmatter.hpp"
#include "post_reader.hpp"

namespace folio {

namespace fs = std::filesystem;

std::string normalize_term(std::string_view term) {
  // Hugo lowercases the term path and turns spaces into '-'; surrounding blanks are not part of it.
  while (!term.empty() && std::isspace(static_cast<unsigned char>(term.front()))) term.remove_prefix(1);
  while (!term.empty() && std::isspace(static_cast<unsigned char>(term.back()))) term.remove_suffix(1);
  std::string out;
  out.reserve(term.size());
  for (char c : term) {
    if (c >= 'A' && c <= 'Z') out += char(c - 'A' + 'a');
    else if (c == ' ' || c == '\t') out += '-';
    else out += c;
  }
  return out;
}

std::string Post::permalink() const {
  auto urlize = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c >= 'A' && c <= 'Z') out += char(c - 'A' + 'a');
      else if (c == ' ') out += '-';
      else out += c;
    }
    return out;
  };
  if (!url.empty()) {
    std::string u = url;
    if (u.find("://") == std::string::npos && u.front() != '/') u.insert(u.begin(), '/');
    return u;
  }
  // The folder the page lives in, and its own last segment.
  fs::path rel(rel_path);
  std::string dir, name;
  if (leaf_bundle) {
    dir = rel.parent_path().parent_path().generic_string();
    name = rel.parent_path().filename().string();
  } else {
    dir = rel.parent_path().generic_string();
    name = rel.stem().string();
  }
  if (!slug.empty()) {
    std::string_view s = slug;
    while (!s.empty() && s.front() == '-') s.remove_prefix(1);
    while (!s.empty() && s.back() == '-') s.remove_suffix(1);
    if (!s.empty()) name = std::string(s);
  }
  std::string out = "/";
  if (!dir.empty()) out += urlize(dir) + "/";
  out += urlize(name) + "/";
  return out;
}

namespace content {

namespace {

struct FieldReader {
  const ParsedData& data;
  const std::string& file;
  Diagnostics& diagnostics;
  const ZoneRules* zone = nullptr;  // for dates without a zone, when the site names one

  const Value* get(std::string_view key) const { return data.value.find(key); }

  SourceLocation where(std::string_view key) const {
    auto it = data.key_lines.find(std::string(key));
    return {file, it == data.key_lines.end() ? 0u : it->second, 0};
  }

  std::string text(std::string_view key) const {
    const Value* v = get(key);
    if (!v || v->is_null()) return {};
    if (auto s = v->scalar_text()) return *s;
    diagnostics.warning(where(key), "front matter: " + std::string(key) + ": expected text, got " + v->to_json());
    return {};
  }

  // cast.ToBool: "true", "1", "t" ... also count.
  std::optional<bool> boolean(std::string_view key) const {
    const Value* v = get(key);
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_bool()) return v->as_bool();
    if (v->is_int()) return v->as_int() != 0;
    if (v->is_string()) {
      const std::string& s = v->as_string();
      if (s == "1" || s == "t" || s == "T" || s == "true" || s == "TRUE" || s == "True") return true;
      if (s == "0" || s == "f" || s == "F" || s == "false" || s == "FALSE" || s == "False" || s.empty())
        return false;
    }
    diagnostics.warning(where(key), "front matter: " + std::string(key) + ": expected true or false, got " +
                                        v->to_json());
    return std::nullopt;
  }

  int integer(std::string_view key) const {
    const Value* v = get(key);
    if (!v || v->is_null()) return 0;
    // Only a finite value inside int's range converts: 1e300, .nan and inf would be
    // undefined behaviour in the cast.
    auto in_range = [](double d) {
      return std::isfinite(d) && d >= double(std::numeric_limits<int>::min()) &&
             d <= double(std::numeric_limits<int>::max());
    };
    const char* range = ": out of range (a whole number from -2147483648 to 2147483647), got ";
    if (v->is_int()) {
      if (in_range(double(v->as_int()))) return int(v->as_int());
      diagnostics.warning(where(key), "front matter: " + std::string(key) + range + v->to_json());
      return 0;
    }
    if (v->is_double()) {
      if (in_range(v->as_double())) return int(v->as_double());
      diagnostics.warning(where(key), "front matter: " + std::string(key) + range + v->to_json());
      return 0;
    }
    if (v->is_string()) {
      const std::string& s = v->as_string();
      char* end = nullptr;
      errno = 0;
      long long n = std::strtoll(s.c_str(), &end, 10);
      if (!s.empty() && end && *end == '\0' && errno == 0 && in_range(double(n))) return int(n);
    }
    diagnostics.warning(where(key), "front matter: " + std::string(key) + ": expected a number, got " +
                                        v->to_json());
    return 0;
  }

  // Taxonomy terms as Hugo reads them: a list, or one string that is one term (never split).
  std::vector<std::string> terms(std::string_view key) const {
    std::vector<std::string> out;
    const Value* v = get(key);
    if (!v || v->is_null()) return out;
    auto add = [&](const Value& item) {
      if (auto s = item.scalar_text()) {
        if (!s->empty()) out.push_back(*s);
      } else if (!item.is_null()) {
        diagnostics.warning(where(key), "front matter: " + std::string(key) + ": ignoring a term that is not text: " +
                                            item.to_json());
      }
    };
    if (v->is_list())
      for (const auto& item : v->as_list()) add(item);
    else
      add(*v);
    return out;
  }

  // The first of `keys` that holds a date; text that is not a date is a warning.
  std::optional<Date> date(std::initializer_list<std::string_view> keys, int32_t tz) const {
    for (auto key : keys) {
      const Value* v = get(key);
      if (!v || v->is_null()) continue;
      auto s = v->scalar_text();
      if (!s || s->empty()) continue;
      if (auto d = parse_date(*s, tz)) {
        if (zone && !d->has_zone) {
          // The wall-clock time in the site's zone, with the offset in force on that day.
          int64_t local = d->unix_seconds + int64_t(d->utc_offset_minutes) * 60;
          int32_t offset = zone->offset_for_local(local);
          d->unix_seconds = local - offset;
          d->utc_offset_minutes = offset / 60;
        }
        return d;
      }
      diagnostics.warning(where(key), "front matter: " + std::string(key) + ": not a date: " + *s);
    }
    return std::nullopt;
  }
};

// The first ATX (`# x`) or setext (`x` over `===`) heading outside fenced code.
std::string first_heading(std::string_view body) {
  std::string_view fence;
  std::string_view previous;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    std::string_view t = line;
    size_t indent = 0;
    while (indent < t.size() && indent < 4 && t[indent] == ' ') ++indent;
    t.remove_prefix(indent);
    if (!fence.empty()) {
      if (t.substr(0, fence.size()) == fence) fence = {};
      continue;
    }
    if (t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~") {
      fence = t.substr(0, 3);
      previous = {};
      continue;
    }
    if (indent < 4 && !t.empty() && t[0] == '#') {
      size_t level = 0;
      while (level < t.size() && t[level] == '#') ++level;
      if (level <= 6 && (level == t.size() || t[level] == ' ' || t[level] == '\t')) {
        std::string_view h = t.substr(level);
        while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.remove_prefix(1);
        while (!h.empty() && (h.back() == ' ' || h.back() == '#' || h.back() == '\t')) h.remove_suffix(1);
        if (!h.empty()) return std::string(h);
      }
    }
    if (indent < 4 && !t.empty() && t.find_first_not_of('=') == std::string_view::npos && !previous.empty()) {
      std::string_view h = previous;
      while (!h.empty() && h.front() == ' ') h.remove_prefix(1);
      while (!h.empty() && h.back() == ' ') h.remove_suffix(1);
      if (!h.empty()) return std::string(h);
    }
    previous = line;
  }
  return {};
}

// Invalid UTF-8 is reported at its place (a few per file) and replaced with U+FFFD.
std::string checked_utf8(std::string_view bytes, const std::string& file, Diagnostics& diagnostics) {
  size_t first = utf8::find_invalid(bytes);
  if (first == std::string_view::npos) return std::string(bytes);
  constexpr int kReported = 3;
  int reported = 0, more = 0;
  size_t offset = 0;
  std::string_view rest = bytes;
  uint32_t line = 1;
  size_t line_start = 0, counted = 0;
  while (true) {
    size_t at = utf8::find_invalid(rest);
    if (at == std::string_view::npos) break;
    size_t abs = offset + at;
    for (; counted < abs; ++counted)
      if (bytes[counted] == '\n') ++line, line_start = counted + 1;
    if (reported < kReported) {
      diagnostics.warning({file, line, uint32_t(abs - line_start + 1)}, "invalid UTF-8; replaced with U+FFFD");
      ++reported;
    } else {
      ++more;
    }
    offset = abs + 1;
    rest = bytes.substr(offset);
  }
  if (more > 0)
    diagnostics.warning({file, 0, 0}, std::to_string(more) + " more invalid UTF-8 sequences replaced");
  return utf8::sanitize(bytes);
}

struct ReadFrontMatter {
  std::string text;   // the file, checked and normalized; the views below point into it
  FrontMatterSplit split;
  ParsedData data;
};

// Shared by posts and section pages: decoding, splitting, parsing.
std::optional<ReadFrontMatter> read_front_matter(const PostSource& source, std::string_view bytes,
                                                 Diagnostics& diagnostics) {
  ReadFrontMatter r;
  r.text = normalize_newlines(checked_utf8(bytes, source.display_path, diagnostics));
  r.split = split_front_matter(r.text);
  if (r.split.unterminated) {
    diagnostics.warning({source.display_path, r.split.open_line, 1},
                        "front matter is not closed; post left out");
    return std::nullopt;
  }
  ParseReport report{source.display_path, Severity::warning, "front matter"};
  auto data = parse_front_matter(r.split, report, diagnostics);
  if (!data) {
    diagnostics.warning({source.display_path, r.split.open_line, 1}, "post left out: its front matter cannot be read");
    return std::nullopt;
  }
  r.data = std::move(*data);
  return r;
}

std::string file_title(const PostSource& source) {
  fs::path rel(source.rel_path);
  if (source.leaf_bundle && rel.has_parent_path()) return rel.parent_path().filename().string();
  return rel.stem().string();
}

}  // namespace

std::optional<Post> read_post_text(const PostSource& source, std::string_view bytes, const PostContext& context,
                                   Diagnostics& diagnostics) {
  const SiteConfig* site = context.site;
  const Value* cascade = context.cascade;
  auto read = read_front_matter(source, bytes, diagnostics);
  if (!read) return std::nullopt;
  if (cascade && cascade->is_map())
    for (const auto& [key, value] : cascade->as_map())
      if (!read->data.value.find(key)) read->data.value.as_map().emplace_back(key, value);
  FieldReader f{read->data, source.display_path, diagnostics, context.zone};
  int32_t tz = site ? site->time_zone_offset_minutes : 0;

  Post post;
  post.file = source.file;
  post.display_path = source.display_path;
  post.content_dir = source.content_dir;
  post.rel_path = source.rel_path;
  size_t slash = source.rel_path.find('/');
  if (slash != std::string::npos) post.section = source.rel_path.substr(0, slash);
  post.leaf_bundle = source.leaf_bundle;
  post.front_matter = read->split.format;

  post.title = f.text("title");
  post.title_from_front_matter = !post.title.empty();
  post.date = f.date({"date", "publishdate", "pubdate", "published", "lastmod", "modified"}, tz);
  post.publish_date = f.date({"publishdate", "pubdate", "published", "date"}, tz);
  post.lastmod = f.date({"lastmod", "modified", "date", "publishdate", "pubdate", "published"}, tz);
  post.expiry_date = f.date({"expirydate", "unpublishdate"}, tz);
  post.draft = f.boolean("draft").value_or(false);
  post.weight = f.integer("weight");

  // Taxonomies: the site's (default tags and categories), plus series which themes read anyway.
  std::vector<std::string> plurals = {"tags", "categories"};
  if (site && !site->taxonomies.empty()) {
    plurals.clear();
    for (const auto& [singular, plural] : site->taxonomies) plurals.push_back(normalize_term(plural));
  }
  for (const auto& plural : plurals) post.taxonomies[plural] = f.terms(plural);
  auto taxonomy = [&](const std::string& plural) {
    auto it = post.taxonomies.find(plural);
    return it != post.taxonomies.end() ? it->second : f.terms(plural);
  };
  post.tags = taxonomy("tags");
  post.categories = taxonomy("categories");
  post.series = taxonomy("series");

  // author: a string, a map with a name, or a list; authors: a list or a string.
  auto add_author = [&](const Value& v) {
    if (auto s = v.scalar_text()) {
      if (!s->empty()) post.authors.push_back(*s);
    } else if (const Value* name = v.find("name")) {
      if (auto s = name->scalar_text(); s && !s->empty()) post.authors.push_back(*s);
    }
  };
  for (const char* key : {"author", "authors"}) {
    const Value* v = f.get(key);
    if (!v) continue;
    if (v->is_list())
      for (const auto& item : v->as_list()) add_author(item);
    else
      add_author(*v);
  }

  post.slug = f.text("slug");
  post.url = f.text("url");
  post.aliases = f.terms("aliases");
  post.summary = f.text("summary");
  post.description = f.text("description");
  if (post.description.empty()) post.description = post.summary;
  post.images = f.terms("images");
  if (const Value* toc = f.get("toc")) {
    if (toc->is_map()) {
      if (const Value* enable = toc->find("enable"); enable && enable->is_bool()) post.toc = enable->as_bool();
    } else {
      post.toc = f.boolean("toc");
    }
  }
  post.params = std::move(read->data.value);

  post.body = std::string(read->split.body);
  post.body_line = read->split.body_line;
  // The text is valid UTF-8 by now: every byte that is not a continuation byte starts a character.
  post.char_count = size_t(std::count_if(post.body.begin(), post.body.end(),
                                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  if (post.title.empty()) post.title = first_heading(post.body);
  if (post.title.empty()) post.title = file_title(source);
  return post;
}

Value::Map cascade_of(const SectionPage& section) {
  Value::Map out;
  const Value* cascade = section.params.find("cascade");
  auto add = [&](const Value& map) {
    if (!map.is_map() || map.find("_target") || map.find("target")) return;
    for (const auto& [key, value] : map.as_map()) {
      std::string k = key;  // lowercased, as top-level front matter keys are
      for (char& c : k)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
      bool present = false;
      for (const auto& [existing, ignored] : out) present = present || existing == k;
      if (!present) out.emplace_back(std::move(k), value);
    }
  };
  if (!cascade) return out;
  if (cascade->is_list())
    for (const auto& entry : cascade->as_list()) add(entry);
  else
    add(*cascade);
  return out;
}

bool is_rendered(const Post& post) {
  if (const Value* headless = post.params.find("headless"); headless && headless->is_bool() && headless->as_bool())
    return false;
  for (const char* key : {"build", "_build"})
    if (const Value* build = post.params.find(key))
      if (const Value* render = build->find("render")) {
        if (render->is_bool() && !render->as_bool()) return false;
        if (render->is_string() && (render->as_string() == "never" || render->as_string() == "false")) return false;
      }
  return true;
}

std::optional<SectionPage> read_section_text(const PostSource& source, std::string_view bytes,
                                             Diagnostics& diagnostics) {
  auto read = read_front_matter(source, bytes, diagnostics);
  if (!read) return std::nullopt;
  FieldReader f{read->data, source.display_path, diagnostics, nullptr};
  SectionPage page;
  page.file = source.file;
  page.rel_dir = fs::path(source.rel_path).parent_path().generic_string();
  page.title = f.text("title");
  if (page.title.empty()) page.title = first_heading(read->split.body);
  page.params = std::move(read->data.value);
  return page;
}

std::optional<std::string> read_file_bytes(const fs::path& file, const std::string& display_path,
                                           Diagnostics& diagnostics) {
  std::string bytes, error;
  if (!read_file(file, bytes, &error)) {
    diagnostics.error({display_path}, "cannot read the file: " + error);
    return std::nullopt;
  }
  return bytes;
}

std::string display_path_of(const fs::path& path) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  if (!cwd.empty()) {
    fs::path rel = abs.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  }
  return path.generic_string();
}

}  // namespace content
}  // namespace folio
