// read_book: chapters read in parallel, heading ids made unique in the book, and links
// between posts (relative .md paths, permalinks, aliases, site URLs, ref) resolved.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "folio/progress.hpp"
#include "base/parallel_for.hpp"
#include "base/uri.hpp"
#include "read_cache.hpp"
#include "reading.hpp"

namespace folio {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// `a/b/../c/./d` → `a/c/d` (no leading slash kept; the caller adds one if it needs it).
std::string normalize_path(std::string_view path) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    std::string part(path.substr(i, slash - i));
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

/// A permalink as a lookup key: lowercased, leading and trailing slash.
std::string permalink_key(std::string_view path) {
  std::string p = normalize_path(lower(std::string(path)));
  if (p.size() >= 10 && p.compare(p.size() - 10, 10, "index.html") == 0) p.resize(p.size() - 10);
  p = normalize_path(p);
  return p.empty() ? "/" : "/" + p + "/";
}

/// A content path as a lookup key: without extension, `index` bundles by their folder.
std::string content_key(std::string_view path) {
  std::string p = normalize_path(path);
  for (std::string_view ext : {".md", ".markdown", ".mdown"})
    if (p.size() > ext.size() && p.compare(p.size() - ext.size(), ext.size(), ext) == 0) {
      p.resize(p.size() - ext.size());
      break;
    }
  // `index.zh-cn` and `index` name the bundle folder.
  auto slash = p.rfind('/');
  std::string last = p.substr(slash == std::string::npos ? 0 : slash + 1);
  if (last == "index" || last.rfind("index.", 0) == 0 || last == "_index")
    p = slash == std::string::npos ? "" : p.substr(0, slash);
  return lower(p);
}

bool has_scheme(std::string_view href) {
  size_t colon = href.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i)
    if (!std::isalnum(static_cast<unsigned char>(href[i])) && href[i] != '+' && href[i] != '-' &&
        href[i] != '.')
      return false;
  return true;
}

bool ends_with_md(std::string_view p) {
  for (std::string_view ext : {".md", ".markdown", ".mdown"})
    if (p.size() > ext.size() && p.compare(p.size() - ext.size(), ext.size(), ext) == 0) return true;
  return false;
}

/// Every post of the collection by the names links may use for it.
struct PostIndex {
  std::map<std::string, const Post*> by_permalink;
  std::map<std::string, const Post*> by_content;   // rel_path without extension
  std::map<std::string, const Post*> by_name;      // last segment of content_key, unique only
  std::set<std::string> ambiguous_names;
  std::set<std::string> sections;

  explicit PostIndex(const Collection& c) {
    for (const auto& p : c.posts) {
      std::string link = p.permalink();
      if (!has_scheme(link)) by_permalink.emplace(permalink_key(link), &p);
      for (const auto& alias : p.aliases) by_permalink.emplace(permalink_key(alias), &p);
      std::string key = content_key(p.rel_path);
      by_content.emplace(key, &p);
      std::string name = key.substr(key.rfind('/') == std::string::npos ? 0 : key.rfind('/') + 1);
      if (!by_name.emplace(name, &p).second) ambiguous_names.insert(name);
      if (!p.section.empty()) sections.insert(lower(p.section));
    }
    for (const auto& n : ambiguous_names) by_name.erase(n);
  }
};

void make_ids_unique(Book& book) {
  std::unordered_set<std::string> used;
  // The next suffix to try per base id: many posts share headings such as "总结".
  std::unordered_map<std::string, int> next_suffix;
  for (auto& chapter : book.chapters) {
    for_each_block(chapter.document.blocks, [&](Block& b) {
      auto* h = std::get_if<Heading>(&b.node);
      if (!h) return;
      std::string base = h->post_id.empty() ? h->id : h->post_id;
      std::string id = base;
      if (used.count(id)) {
        int& n = next_suffix[base];
        do id = base + "-" + std::to_string(++n);
        while (used.count(id));
      }
      used.insert(id);
      h->id = id;
    });
  }
}

class LinkResolver {
 public:
  LinkResolver(Book& book, const Collection& collection, Diagnostics& d)
      : book_(book), index_(collection), diagnostics_(d) {
    base_url_ = book.config.meta.base_url;
    for (const auto& root : collection.roots)
      if (base_url_.empty() && root.site) base_url_ = root.site->base_url;
    while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
    for (size_t i = 0; i < book.chapters.size(); ++i) {
      chapter_of_[book.chapters[i].post.rel_path] = static_cast<int>(i);
      auto& ids = ids_[static_cast<int>(i)];
      for_each_block(book.chapters[i].document.blocks, [&](const Block& b) {
        if (auto* h = std::get_if<Heading>(&b.node)) ids.emplace(h->post_id, h->id);
      });
    }
  }

  void run() {
    for (size_t i = 0; i < book_.chapters.size(); ++i) {
      Chapter& ch = book_.chapters[i];
      for_each_inline(ch.document, [&](Inline& in) {
        if (auto* link = std::get_if<Link>(&in.node)) {
          resolve(*link, static_cast<int>(i), ch, in.pos);
          as_uri(*link, ch, in.pos);
        }
      });
    }
  }

 private:
  /// The fragment as the target chapter names it now (ids were made unique in the book).
  std::string fragment_in(int chapter, const std::string& fragment) {
    if (fragment.empty()) return {};
    auto& ids = ids_[chapter];
    auto it = ids.find(percent_decode(fragment));
    return it != ids.end() ? it->second : percent_decode(fragment);
  }

  void point_at(Link& link, const Post& target, const std::string& fragment) {
    auto it = chapter_of_.find(target.rel_path);
    if (it != chapter_of_.end()) {
      link.target.chapter = it->second;
      link.target.fragment = fragment_in(it->second, fragment);
      link.target.url.clear();
    } else {
      // Not in the book: its page on the site.
      std::string permalink = target.permalink();
      link.target.chapter = -1;
      link.target.url = has_scheme(permalink) ? permalink : base_url_ + permalink;
      if (!fragment.empty()) link.target.url += "#" + fragment;
    }
  }

  /// Every URL a writer puts out is an RFC 3986 URI; one that cannot be is no link.
  void as_uri(Link& link, const Chapter& ch, SourcePos pos) {
    if (link.target.internal() || link.target.url.empty()) return;
    if (auto uri = to_uri(link.target.url)) {
      link.target.url = std::move(*uri);
      return;
    }
    diagnostics_.warning(ch.document.at(pos), "link is not a valid URL, kept as text: " + link.target.url);
    link.target.url.clear();
    link.href.clear();
  }

  void resolve(Link& link, int chapter, const Chapter& ch, SourcePos pos) {
    std::string href = link.href;
    if (href.empty()) return;
    std::string fragment;
    if (auto hash = href.find('#'); hash != std::string::npos) {
      fragment = href.substr(hash + 1);
      href.resize(hash);
    }
    if (href.empty()) {  // `#anchor` in the same post
      link.target.chapter = chapter;
      link.target.fragment = fragment_in(chapter, fragment);
      return;
    }
    if (auto q = href.find('?'); q != std::string::npos && !has_scheme(href)) href.resize(q);
    std::string site_path;  // a path on the site, when the link is one
    if (has_scheme(href)) {
      std::string lowered = lower(href);
      std::string base = lower(base_url_);
      auto strip_scheme = [](std::string s) {
        auto k = s.find("://");
        return k == std::string::npos ? s : s.substr(k + 3);
      };
      std::string h = strip_scheme(lowered), b = strip_scheme(base);
      if (b.empty() || h.rfind(b, 0) != 0 || (h.size() > b.size() && h[b.size()] != '/')) {
        link.target.url = link.href;  // an external link
        return;
      }
      site_path = href.substr(href.size() - (h.size() - b.size()));
      if (site_path.empty()) site_path = "/";
    }
    href = percent_decode(href);
    const Post* target = nullptr;
    bool post_like = false;
    if (!site_path.empty() || href[0] == '/') {
      std::string path = site_path.empty() ? href : percent_decode(site_path);
      auto it = index_.by_permalink.find(permalink_key(path));
      if (it != index_.by_permalink.end()) target = it->second;
      if (!target) {  // `ref "/blog/post"`: a content path from the content root
        auto c = index_.by_content.find(content_key(path));
        if (c != index_.by_content.end()) target = c->second;
      }
      std::string first = normalize_path(lower(path));
      first = first.substr(0, first.find('/'));
      std::string last = path.substr(path.find_last_of('/') + 1);
      post_like = ends_with_md(path) ||
                  (index_.sections.count(first) && last.find('.') == std::string::npos);
    } else {
      // Relative: a content path beside this post, or a permalink relative to its page.
      std::string dir = ch.post.rel_path.substr(0, ch.post.rel_path.rfind('/') + 1);
      if (ch.post.rel_path.find('/') == std::string::npos) dir.clear();
      auto c = index_.by_content.find(content_key(dir + href));
      if (c != index_.by_content.end()) target = c->second;
      if (!target) {
        auto r = index_.by_content.find(content_key(href));  // ref "post.md" from the root
        if (r != index_.by_content.end()) target = r->second;
      }
      if (!target) {
        auto p = index_.by_permalink.find(permalink_key(ch.post.permalink() + "/" + href));
        if (p != index_.by_permalink.end()) target = p->second;
      }
      std::string last = href.substr(href.find_last_of('/') == std::string::npos ? 0 : href.find_last_of('/') + 1);
      // `ref "name"` finds a post by its file name wherever it is, as Hugo's ref does.
      if (!target && (ends_with_md(href) || (!last.empty() && last.find('.') == std::string::npos))) {
        auto n = index_.by_name.find(content_key(href.substr(href.find_last_of('/') + 1)));
        if (n != index_.by_name.end()) target = n->second;
      }
      post_like = ends_with_md(href);
    }
    if (target) {
      point_at(link, *target, fragment);
      return;
    }
    if (post_like)
      diagnostics_.warning(ch.document.at(pos),
                           "link to a post that does not exist among the posts read: " + link.href);
    link.target.url = !site_path.empty() ? link.href
                      : (href[0] == '/' && !base_url_.empty()) ? base_url_ + link.href
                                                               : link.href;
  }

  Book& book_;
  PostIndex index_;
  Diagnostics& diagnostics_;
  std::string base_url_;
  std::map<std::string, int> chapter_of_;
  std::map<int, std::map<std::string, std::string>> ids_;
};

const SiteConfig* site_of(const Collection& c, const Post& p) {
  for (const auto& root : c.roots)
    if (root.content_dir == p.content_dir && root.site) return &*root.site;
  return nullptr;
}

}  // namespace

Book read_book(const BookConfig& config, const Collection& collection, const BookPlan& plan,
               Diagnostics& diagnostics) {
  Book book;
  book.config = config;
  for (const auto& title : plan.parts) book.parts.push_back(Part{title});
  book.chapters.resize(plan.chapters.size());
  // Chapters are independent: read them on a few workers, each taking the next one.
  std::atomic<size_t> done{0};
  markdown::prepare_html_parser();
  // Posts read by an earlier build with the same inputs come from the cache folder, when
  // the caller settled one (an absolute figures.cache_dir, as `folio build` does).
  const ArtifactCache cache = artifact_cache_for(config);
  parallel_for(plan.chapters.size(), std::clamp<size_t>(cpu_threads(), 2, 8), [&](size_t i) {
    if (build_cancelled(diagnostics)) return;
    const Post& post = *plan.chapters[i].post;
    ReadContext context{&config.markdown, site_of(collection, post)};
    Chapter& ch = book.chapters[i];
    ch.document = markdown::read_post_cached(post, context, cache, diagnostics);
    ch.post = post;
    ch.post.body.clear();
    // The title is shown by every writer (headings, running heads, contents, outline):
    // curly quotes and dashes once here, as in the text.
    if (config.markdown.typographer) ch.post.title = markdown::typographer(ch.post.title, 0);
    ch.part = plan.chapters[i].part;
    report_progress(diagnostics, ProgressEvent{Stage::reading, ++done, plan.chapters.size(), 0, 0, 0});
  });
  // A cancelled build left chapters unread: no half-read book goes further.
  if (build_cancelled(diagnostics)) {
    book.chapters.clear();
    return book;
  }
  make_ids_unique(book);
  LinkResolver(book, collection, diagnostics).run();
  return book;
}

}  // namespace folio
