// Resolve: rewrite rules, schemes, post-relative, bundle and site-absolute paths, and the
// containment check that keeps `../../etc/passwd` and outward symlinks from being read.
#include "resolve.hpp"

#include <algorithm>
#include <cctype>

namespace folio::figures {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = char(std::tolower(uint8_t(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(uint8_t(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(uint8_t(s.back()))) s.remove_suffix(1);
  return s;
}

// The scheme of an absolute URL ("https"), lowercased; "" for paths.
std::string scheme_of(std::string_view s) {
  if (s.empty() || !std::isalpha(uint8_t(s[0]))) return "";
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return i == 1 ? "" : lower(s.substr(0, i));  // "C:" is a drive, not a scheme
    if (!std::isalnum(uint8_t(c)) && c != '+' && c != '-' && c != '.') return "";
  }
  return "";
}

fs::path canonical_or_lexical(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : c;
}

bool is_under(const fs::path& file, const fs::path& root) {
  auto rel = file.lexically_relative(root);
  if (rel.empty()) return false;
  auto first = *rel.begin();
  return first != ".." && !rel.is_absolute();
}

bool inside_allowed(const fs::path& candidate, const ResolveRoots& roots) {
  fs::path c = canonical_or_lexical(candidate);
  return std::any_of(roots.allowed.begin(), roots.allowed.end(),
                     [&](const fs::path& root) { return is_under(c, root); });
}

// The local path part of a figure source: no query or fragment, percent-decoded.
std::string path_part(std::string_view src) {
  size_t cut = src.find_first_of("?#");
  return percent_decode(src.substr(0, cut));
}

std::vector<std::string> headers_for(std::string_view url, const FigureOptions& options) {
  std::vector<std::string> out;
  std::string host = url_host(url);
  for (const auto& h : options.headers) {
    std::string want = lower(h.host);
    bool match = host == want || (host.size() > want.size() && host.ends_with("." + want));
    if (!match) continue;
    for (const auto& [name, value] : h.set) out.push_back(name + ": " + value);
  }
  return out;
}

ResolvedSource refused(std::string why, ResolvedSource::Kind kind = ResolvedSource::Kind::refused) {
  ResolvedSource r;
  r.kind = kind;
  r.reason = std::move(why);
  return r;
}

// Picks the first candidate that exists; a candidate outside the roots is refused (and
// never touched further), so the refusal wins over a later match.
ResolvedSource first_existing(const std::vector<fs::path>& candidates, const ResolveRoots& roots,
                              std::string_view src) {
  for (const auto& c : candidates) {
    if (!inside_allowed(c, roots))
      return refused("figure path leads outside the content folders: " + std::string(src));
    std::error_code ec;
    if (fs::is_regular_file(c, ec)) {
      ResolvedSource r;
      r.kind = ResolvedSource::Kind::local;
      r.file = canonical_or_lexical(c);
      return r;
    }
  }
  ResolvedSource r;
  r.kind = ResolvedSource::Kind::missing;
  r.reason = "figure not found: " + std::string(src);
  return r;
}

// Spaces, controls and non-ASCII bytes percent-encoded (Chinese file names are common in
// figure URLs, and a URL sent on the wire must be ASCII); everything else as written.
std::string encode_for_wire(std::string_view url) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (char c : url) {
    auto b = uint8_t(c);
    if (b <= 0x20 || b >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '|' || c == '}') {
      out += '%';
      out += hex[b >> 4];
      out += hex[b & 15];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += char(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string url_host(std::string_view url) {
  size_t start = url.find("://");
  if (start == std::string_view::npos) return "";
  start += 3;
  size_t end = url.find_first_of("/?#", start);
  std::string_view authority = url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (!authority.empty() && authority[0] == '[') {
    size_t close = authority.find(']');
    return lower(authority.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
  }
  if (size_t colon = authority.find(':'); colon != std::string_view::npos) authority = authority.substr(0, colon);
  return lower(authority);
}

ResolveRoots make_roots(const Collection& collection, const FigureOptions& options,
                        const fs::path& base_dir) {
  ResolveRoots roots;
  roots.base_dir = base_dir;
  auto absolute = [&](const fs::path& p) { return p.is_absolute() ? p : base_dir / p; };
  for (const auto& dir : options.static_dirs) roots.static_dirs.push_back(absolute(dir));
  for (const auto& root : collection.roots) {
    for (const auto& dir : root.static_dirs) roots.static_dirs.push_back(absolute(dir));
    roots.content_dirs.push_back(absolute(root.content_dir));
  }
  for (const auto& dir : roots.static_dirs) roots.allowed.push_back(canonical_or_lexical(dir));
  for (const auto& dir : roots.content_dirs) roots.allowed.push_back(canonical_or_lexical(dir));
  // A post named directly on the command line may sit outside every content folder.
  for (const auto& post : collection.posts)
    if (!post.content_dir.empty()) roots.allowed.push_back(canonical_or_lexical(absolute(post.content_dir)));
  for (const auto& rule : options.rewrite) {
    std::string s = scheme_of(rule.to);
    if (s.empty()) roots.allowed.push_back(canonical_or_lexical(absolute(rule.to)));
  }
  std::sort(roots.allowed.begin(), roots.allowed.end());
  roots.allowed.erase(std::unique(roots.allowed.begin(), roots.allowed.end()), roots.allowed.end());
  return roots;
}

ResolvedSource resolve_source(std::string_view written, const Post& post, const ResolveRoots& roots,
                              const FigureOptions& options) {
  std::string src(trim(written));
  if (src.empty()) {
    ResolvedSource r;
    r.reason = "figure without a source";
    return r;
  }
  if (src.starts_with("//")) src = "https:" + src;  // protocol-relative: take the secure one

  // Rewrite rules: the longest matching prefix wins, so a specific rule beats a general one.
  const FigureOptions::Rewrite* rule = nullptr;
  for (const auto& r : options.rewrite)
    if (!r.from.empty() && src.starts_with(r.from) && (!rule || r.from.size() > rule->from.size())) rule = &r;
  if (rule) {
    std::string rest = src.substr(rule->from.size());
    if (scheme_of(rule->to).empty()) {
      // A local mirror folder: the rest of the URL is a path below it.
      fs::path folder = fs::path(rule->to).is_absolute() ? fs::path(rule->to) : roots.base_dir / rule->to;
      std::string relative = path_part(rest);
      while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
      return first_existing({folder / relative}, roots, src);
    }
    src = rule->to + rest;
  }

  std::string scheme = scheme_of(src);
  if (scheme == "http" || scheme == "https") {
    ResolvedSource r;
    r.kind = ResolvedSource::Kind::remote;
    r.url = encode_for_wire(src);
    if (url_host(src).empty()) return refused("figure URL without a host: " + src, ResolvedSource::Kind::unsupported);
    r.headers = headers_for(src, options);
    return r;
  }
  if (!scheme.empty())
    return refused("figure scheme " + scheme + ": is not fetched (only http and https): " + src,
                   ResolvedSource::Kind::unsupported);

  std::string path = path_part(src);
  fs::path post_dir = post.file.parent_path();
  if (!post_dir.is_absolute()) post_dir = roots.base_dir / post_dir;
  std::vector<fs::path> candidates;
  if (path.front() == '/') {
    std::string rel = path.substr(path.find_first_not_of('/') == std::string::npos ? path.size()
                                                                                   : path.find_first_not_of('/'));
    for (const auto& dir : roots.static_dirs) candidates.push_back(dir / rel);
    for (const auto& dir : roots.content_dirs) candidates.push_back(dir / rel);
    // `/posts/my-slug/x.png`: a resource of this post's bundle under its published path,
    // whose last folder is the bundle's folder name or its slug.
    if (post.leaf_bundle) {
      std::string bundle = lower(post_dir.filename().string()), slug = lower(post.slug);
      for (size_t k = path.find('/', 1); k != std::string::npos; k = path.find('/', k + 1)) {
        std::string dir = lower(path.substr(0, k));
        std::string last = dir.substr(dir.rfind('/') + 1);
        if (last == bundle || (!slug.empty() && last == slug)) candidates.push_back(post_dir / path.substr(k + 1));
      }
    }
  } else {
    candidates.push_back(post_dir / path);
    // Hugo resolves a plain relative path against the page URL; a common result is a file
    // of static/ (`images/x.png` written for `/images/x.png`).
    if (!post.leaf_bundle)
      for (const auto& dir : roots.static_dirs) candidates.push_back(dir / path);
  }
  return first_existing(candidates, roots, written);
}

}  // namespace folio::figures
