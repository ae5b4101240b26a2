// Scanning PATHS: site roots, content folders and files; leaf bundles, section pages; reading posts in parallel.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "folio/content.hpp"
#include "base/parallel_for.hpp"
#include "post_reader.hpp"
#include "safe_path.hpp"
#include "siteconfig.hpp"

namespace folio {

namespace fs = std::filesystem;
using content::PostSource;

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return s;
}

bool is_markdown(const fs::path& p) {
  std::string ext = lower(p.extension().string());
  return ext == ".md" || ext == ".markdown" || ext == ".mdown";
}

// `index.md`, `index.zh-cn.md`: the content file of a leaf bundle.
bool is_bundle_index(const fs::path& p) {
  if (!is_markdown(p)) return false;
  std::string stem = p.stem().string();
  return stem == "index" || stem.rfind("index.", 0) == 0;
}

bool is_section_index(const fs::path& p) {
  if (!is_markdown(p)) return false;
  std::string stem = p.stem().string();
  return stem == "_index" || stem.rfind("_index.", 0) == 0;
}

// Hugo ignores dot files, editor backups and lock files.
bool ignored_name(const std::string& name) {
  return name.empty() || name[0] == '.' || name[0] == '#' || name.back() == '~';
}

// Folders of a Hugo site that are never content, even when a bare folder is scanned.
bool non_content_folder(const std::string& name) {
  return name == "themes" || name == "archetypes" || name == "layouts" || name == "resources" ||
         name == "public" || name == "node_modules" || name == "assets" || name == "data" ||
         name == "i18n" || name == "static";
}

bool is_site_root(const fs::path& dir) {
  std::error_code ec;
  return !content::find_site_config(dir).empty() || fs::is_directory(dir / "content", ec);
}

// A file to read, and where its result goes.
struct ReadJob {
  size_t root = 0;
  PostSource source;
  bool section = false;
};

// Deeper than this is a symlink loop, not a blog.
constexpr int kMaxDepth = 32;

// Collects the files of one content folder, walking it in sorted order so the scan is deterministic.
void walk(const fs::path& dir, const ContentRoot& root, size_t root_index, int depth, std::vector<ReadJob>& jobs,
          Diagnostics& diagnostics) {
  const bool top = depth == 0;
  if (depth > kMaxDepth) {
    diagnostics.warning({content::display_path_of(dir)}, "folders nested too deep (a symlink loop?); not scanned");
    return;
  }
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
  if (ec) diagnostics.warning({content::display_path_of(dir)}, "cannot read the folder: " + ec.message());
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });

  // Posts and folders are read only if they lie inside the site: a symlink to /etc/passwd
  // or to a folder elsewhere is refused, as figures are; so are FIFOs, sockets and devices.
  const fs::path& boundary = root.site_root.empty() ? root.content_dir : root.site_root;
  std::erase_if(entries, [&](const fs::directory_entry& e) {
    if (ignored_name(e.path().filename().string())) return false;
    if (e.is_symlink(ec) && !content::resolves_inside(e.path(), boundary)) {
      diagnostics.warning({content::display_path_of(e.path())},
                          "a symlink that leads outside the site (" + content::display_path_of(boundary) +
                              "); not read");
      return true;
    }
    if (is_markdown(e.path()))
      if (std::string kind = content::special_file_kind(e.path()); !kind.empty()) {
        diagnostics.warning({content::display_path_of(e.path())}, "is " + kind + ", not a regular file; not read");
        return true;
      }
    return false;
  });

  auto job_for = [&](const fs::path& file, bool bundle, bool section) {
    ReadJob job;
    job.root = root_index;
    job.section = section;
    job.source.file = file;
    job.source.display_path = content::display_path_of(file);
    job.source.content_dir = root.content_dir;
    job.source.rel_path = file.lexically_relative(root.content_dir).generic_string();
    job.source.leaf_bundle = bundle;
    jobs.push_back(std::move(job));
  };

  // A folder with an index.md is a leaf bundle: the index is the page; everything else in
  // it (other Markdown files included) is a resource of that page.
  std::vector<fs::path> indexes;
  for (const auto& e : entries)
    if (e.is_regular_file(ec) && is_bundle_index(e.path()) && !ignored_name(e.path().filename().string()))
      indexes.push_back(e.path());
  if (!indexes.empty() && !top) {
    for (const auto& p : indexes) job_for(p, true, false);
    return;
  }

  for (const auto& e : entries) {
    std::string name = e.path().filename().string();
    if (ignored_name(name)) continue;
    if (e.is_directory(ec)) {
      if (top && root.site_root.empty() && non_content_folder(name)) continue;
      walk(e.path(), root, root_index, depth + 1, jobs, diagnostics);
    } else if (e.is_regular_file(ec) && is_markdown(e.path())) {
      if (is_section_index(e.path())) job_for(e.path(), false, true);
      else job_for(e.path(), false, false);
    }
  }
}

// The site around a content folder: what Hugo would read besides the posts.
void attach_site(ContentRoot& root, Diagnostics& diagnostics) {
  std::error_code ec;
  fs::path config_file = content::find_site_config(root.site_root);
  if (!config_file.empty()) root.site = content::load_site_config(config_file, diagnostics);
  std::vector<std::string> static_names;
  if (root.site)
    if (const Value* s = root.site->raw.find("staticDir")) {
      if (auto text = s->scalar_text()) static_names.push_back(*text);
      else if (s->is_list())
        for (const auto& item : s->as_list())
          if (auto t = item.scalar_text()) static_names.push_back(*t);
    }
  if (static_names.empty()) static_names.push_back("static");
  for (const auto& name : static_names) {
    fs::path dir = root.site_root / name;
    if (fs::is_directory(dir, ec)) root.static_dirs.push_back(dir);
  }
}

// What one PATH means: a site root, a content folder (maybe inside a site), or a file.
std::optional<ContentRoot> root_for(const fs::path& path, Diagnostics& diagnostics) {
  std::error_code ec;
  ContentRoot root;
  fs::path dir = fs::is_directory(path, ec) ? path : path.parent_path();
  if (fs::is_directory(path, ec) && is_site_root(path)) {
    root.site_root = path;
    attach_site(root, diagnostics);
    std::string content_name = "content";
    if (root.site)
      if (const Value* c = root.site->raw.find("contentDir"))
        if (auto t = c->scalar_text(); t && !t->empty()) content_name = *t;
    root.content_dir = path / content_name;
    return root;
  }
  // A folder inside a site's content/ (or a file in one) belongs to that site.
  for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
    if (p.filename() == "content" && is_site_root(p.parent_path())) {
      root.site_root = p.parent_path();
      root.content_dir = p;
      attach_site(root, diagnostics);
      return root;
    }
    if (p == p.parent_path()) break;
  }
  root.content_dir = dir;
  if (fs::is_directory(dir.parent_path() / "static", ec)) root.static_dirs.push_back(dir.parent_path() / "static");
  return root;
}

std::string mebibytes(uintmax_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", double(bytes) / (1 << 20));
  return text;
}

// A post over the budget is left out before it is read: the later passes take time and
// memory in proportion to it, and nothing should have a blog post of many megabytes.
bool within_post_budget(const content::PostSource& source, size_t budget, Diagnostics& diagnostics) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(source.file, ec);
  if (ec || size <= budget) return true;  // an unreadable file is reported when it is read
  diagnostics.warning({source.display_path}, "the post is " + mebibytes(size) + ", over the budget of " +
                                                 mebibytes(budget) + " (content.max_post_bytes in book.yaml); left out");
  return false;
}

}  // namespace

Collection collect_posts(const BookConfig& config, Diagnostics& diagnostics) {
  Collection collection;
  std::vector<ReadJob> jobs;
  std::vector<std::string> content = config.content;
  if (content.empty()) content.push_back(".");

  for (const auto& entry : content) {
    fs::path path = fs::path(entry).is_absolute() ? fs::path(entry) : config.base_dir / entry;
    path = path.lexically_normal();
    if (path.has_filename() == false && path.has_parent_path()) path = path.parent_path();
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      diagnostics.error({content::display_path_of(path)}, "content folder not found");
      continue;
    }
    bool is_file = !fs::is_directory(path, ec);
    if (is_file && !is_markdown(path)) {
      diagnostics.error({content::display_path_of(path)}, "not a Markdown file (.md, .markdown, .mdown)");
      continue;
    }
    auto root = root_for(path, diagnostics);
    if (!root) continue;
    // The same content folder named twice is scanned once.
    size_t root_index = collection.roots.size();
    for (size_t k = 0; k < collection.roots.size(); ++k)
      if (collection.roots[k].content_dir == root->content_dir) root_index = k;
    if (root_index == collection.roots.size()) {
      if (!is_file && !fs::is_directory(root->content_dir, ec)) {
        diagnostics.error({content::display_path_of(root->content_dir)}, "content folder not found");
        continue;
      }
      collection.roots.push_back(std::move(*root));
    } else if (!is_file) {
      continue;
    }
    const ContentRoot& r = collection.roots[root_index];
    if (is_file) {
      ReadJob job;
      job.root = root_index;
      job.source.file = path;
      job.source.display_path = content::display_path_of(path);
      job.source.content_dir = r.content_dir;
      job.source.rel_path = path.lexically_relative(r.content_dir).generic_string();
      job.source.leaf_bundle = is_bundle_index(path);
      jobs.push_back(std::move(job));
    } else {
      walk(r.content_dir, r, root_index, 0, jobs, diagnostics);
    }
  }

  // Read every file, in parallel; diagnostics are kept per file and reported in scan order
  // so the output does not depend on thread timing.
  struct Result {
    std::optional<Post> post;
    std::optional<SectionPage> section;
    std::vector<Diagnostic> diagnostics;
  };
  std::vector<Result> results(jobs.size());
  // Each site's timeZone, read once, so dates without a zone get the offset of their day.
  std::vector<std::optional<content::ZoneRules>> zones(collection.roots.size());
  for (size_t k = 0; k < collection.roots.size(); ++k)
    if (const auto& site = collection.roots[k].site)
      if (const Value* tz = site->raw.find("timeZone"))
        if (auto name = tz->scalar_text()) zones[k] = content::load_zone(*name);
  std::vector<Value> cascades(jobs.size());  // per post job: what its sections cascade down

  // Runs `read` over the jobs of one kind, in parallel.
  auto read_all = [&](bool sections) {
    size_t count = size_t(std::count_if(jobs.begin(), jobs.end(), [&](const ReadJob& j) { return j.section == sections; }));
    parallel_for(jobs.size(), std::min<size_t>({cpu_threads(), 8, count / 32 + 1}), [&](size_t i) {
      const ReadJob& job = jobs[i];
      if (job.section != sections) return;
      Diagnostics local;
      if (!within_post_budget(job.source, config.max_post_bytes, local)) {
        results[i].diagnostics = local.all();
        return;
      }
      if (auto bytes = content::read_file_bytes(job.source.file, job.source.display_path, local)) {
        const ContentRoot& root = collection.roots[job.root];
        const SiteConfig* site = root.site ? &*root.site : nullptr;
        if (job.section) results[i].section = content::read_section_text(job.source, *bytes, local);
        else {
          content::PostContext context{site, zones[job.root] ? &*zones[job.root] : nullptr, &cascades[i]};
          results[i].post = content::read_post_text(job.source, *bytes, context, local);
        }
      }
      results[i].diagnostics = local.all();
    });
  };

  // Section pages first: their `cascade` applies to the posts below them, the nearest
  // section winning for a key.
  read_all(true);
  std::map<std::pair<size_t, std::string>, Value::Map> cascade_by_dir;
  for (size_t i = 0; i < jobs.size(); ++i)
    if (results[i].section)
      if (auto c = content::cascade_of(*results[i].section); !c.empty())
        cascade_by_dir[{jobs[i].root, results[i].section->rel_dir}] = std::move(c);
  if (!cascade_by_dir.empty())
    for (size_t i = 0; i < jobs.size(); ++i) {
      if (jobs[i].section) continue;
      Value::Map merged;
      fs::path dir = fs::path(jobs[i].source.rel_path).parent_path();
      if (jobs[i].source.leaf_bundle) dir = dir.parent_path();
      while (true) {
        auto it = cascade_by_dir.find({jobs[i].root, dir.generic_string()});
        if (it != cascade_by_dir.end())
          for (const auto& entry : it->second) {
            // Not a structured binding: clang 14 cannot capture one in the lambda.
            bool present = std::any_of(merged.begin(), merged.end(), [&](const auto& kv) { return kv.first == entry.first; });
            if (!present) merged.push_back(entry);
          }
        if (dir.empty()) break;
        dir = dir.parent_path();
      }
      cascades[i] = Value(std::move(merged));
    }
  read_all(false);

  // Posts whose paths collide (the same file reached through two PATHS) are kept once.
  std::set<fs::path> seen;
  for (auto& r : results) {
    for (auto& d : r.diagnostics) diagnostics.report(d.severity, std::move(d.where), std::move(d.message));
    if (r.section) collection.sections.push_back(std::move(*r.section));
    // Headless pages and `build: {render: never}` are not published, so they are no chapters.
    if (r.post && content::is_rendered(*r.post)) {
      if (seen.insert(r.post->file).second) collection.posts.push_back(std::move(*r.post));
    }
  }
  return collection;
}

}  // namespace folio
