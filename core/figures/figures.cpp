// resolve_figures: every Figure and Image of the book resolved, fetched in one batch,
// checked, deduplicated by content, and indexed from the nodes; failures as warnings.
#include "folio/progress.hpp"
#include "folio/figures.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <algorithm>
#include <thread>
#include <unordered_map>

#include "base/atomic_file.hpp"
#include "base/hash.hpp"
#include "local_facts.hpp"
#include "cache.hpp"
#include "fetch.hpp"
#include "integrity.hpp"
#include "probe.hpp"
#include "resolve.hpp"
#include "task_pool.hpp"

namespace folio {

namespace fs = std::filesystem;
using namespace figures;

namespace {

// One place in the book that shows a figure.
struct Use {
  int* slot = nullptr;     ///< the node's `figure` index, filled at the end
  std::string src;         ///< as written
  SourceLocation where;
  size_t source = 0;       ///< index into the distinct sources
};

// One distinct thing figures point at (a local file, a URL, or a refusal), and its outcome.
struct Source {
  std::string key;         ///< "file:/abs/path", the URL, or "bad:<src>" for refusals
  ResolvedSource resolved;
  bool ok = false;
  bool refused = false;    ///< an error rather than a warning (a path leading outside)
  std::string failure;
  FigureAsset asset;       ///< when ok: everything but first_use
};

// A relative folder from book.yaml is beside it (base_dir); none is the shared cache.
fs::path effective_cache_dir(const BookConfig& config) {
  const fs::path& base = config.base_dir.empty() ? fs::current_path() : config.base_dir;
  const auto& wanted = config.figures.cache_dir;
  if (!wanted.empty()) return wanted.is_absolute() ? wanted : base / wanted;
  return default_cache_dir();
}

std::string describe_bytes(uint64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / (1024.0 * 1024.0));
  else std::snprintf(buf, sizeof buf, "%.0f kB", double(bytes) / 1024.0);
  return buf;
}

// Checks probed bytes; "" when they can be embedded.
std::string check_probe(const ImageProbe& probe, const FigureOptions& options, const std::string& content_type) {
  if (probe.format == ImageFormat::unknown) {
    std::string why = "not an image: " + probe.problem;
    if (!content_type.empty()) why += " (Content-Type: " + content_type + ")";
    return why;
  }
  uint64_t pixels = uint64_t(probe.width) * probe.height;
  if (pixels > options.max_pixels)
    return std::string(to_string(probe.format)) + " of " + std::to_string(probe.width) + "x" +
           std::to_string(probe.height) + " pixels is over the limit of " + std::to_string(options.max_pixels) +
           " pixels (a decompression bomb?); not decoded";
  return "";
}

void fill_asset(FigureAsset& a, const ImageProbe& probe, const fs::path& file, std::string_view bytes) {
  a.ok = true;
  a.format = probe.format;
  a.width = probe.width;
  a.height = probe.height;
  a.orientation = probe.orientation;
  a.file = file;
  a.size = bytes.size();
  a.digest = sha256_hex(bytes);
}

void resolve_local(Source& s, const FigureOptions& options) {
  const fs::path& file = s.resolved.file;
  s.asset.source = file.string();
  std::error_code ec;
  uint64_t size = fs::file_size(file, ec);
  if (ec) {
    s.failure = "cannot read " + file.string() + ": " + ec.message();
    return;
  }
  if (size > options.max_bytes) {
    s.failure = "too large (" + describe_bytes(size) + ", over the limit of " + describe_bytes(options.max_bytes) + ")";
    return;
  }
  // A rebuild finds what an earlier build learnt about an unchanged file.
  if (auto facts = recall_local_facts(options.cache_dir, file)) {
    s.failure = check_probe(facts->probe, options, "");
    if (!s.failure.empty()) return;
    s.asset.ok = true;
    s.asset.format = facts->probe.format;
    s.asset.width = facts->probe.width;
    s.asset.height = facts->probe.height;
    s.asset.orientation = facts->probe.orientation;
    s.asset.file = file;
    s.asset.size = facts->size;
    s.asset.digest = facts->digest;
    s.ok = true;
    return;
  }
  std::string bytes, error;
  if (!read_file(file, bytes, &error)) {
    s.failure = "cannot read " + file.string() + ": " + error;
    return;
  }
  ImageProbe probe = probe_image(bytes);
  s.failure = check_probe(probe, options, "");
  if (s.failure.empty()) s.failure = image_data_problem(bytes, probe.format);
  if (!s.failure.empty()) return;
  fill_asset(s.asset, probe, file, bytes);
  s.ok = true;
  remember_local_facts(options.cache_dir, file, {probe, s.asset.digest, s.asset.size});
}

void use_cache_entry(Source& s, const CacheEntry& e) {
  s.ok = true;
  s.failure.clear();
  s.asset.ok = true;
  s.asset.format = e.format;
  s.asset.width = e.width;
  s.asset.height = e.height;
  s.asset.orientation = e.orientation;
  s.asset.file = e.file;
  s.asset.size = e.size;
  s.asset.digest = e.digest;
}

// Turns one final download into the source's outcome: a checked cache entry, the old entry
// (a 304, or a failed refresh), or a failure (remembered in the cache when permanent).
void take_result(Source& s, FetchResult result, const std::optional<CacheEntry>& old, FigureCache& cache,
                 const FigureOptions& options, int64_t now, Diagnostics& diagnostics) {
  bool had_good = old && old->failure.empty();
  std::string failure;
  bool permanent = !result.transient;
  if (result.ok && result.not_modified && had_good) {
    CacheEntry entry = *old;
    entry.fetched_at = now;
    std::string error;
    cache.store_metadata(entry, error);  // only the fetch time changes; losing it costs nothing
    use_cache_entry(s, entry);
    return;
  }
  if (result.ok && !result.not_modified) {
    ImageProbe probe = probe_image(result.body);
    failure = check_probe(probe, options, result.content_type);
    if (failure.empty()) failure = image_data_problem(result.body, probe.format);
    if (failure.empty()) {
      CacheEntry entry;
      entry.url = s.resolved.url;
      entry.final_url = result.final_url;
      entry.content_type = result.content_type;
      entry.etag = result.etag;
      entry.last_modified = result.last_modified;
      entry.fetched_at = now;
      entry.format = probe.format;
      entry.width = probe.width;
      entry.height = probe.height;
      entry.orientation = probe.orientation;
      std::string error;
      if (cache.store(entry, result.body, error)) {
        use_cache_entry(s, entry);
        return;
      }
      failure = "cannot write the cache: " + error;
      permanent = false;
    }
  } else if (result.ok) {
    failure = "HTTP 304 for a request that was not conditional";
  } else {
    failure = result.error;
  }
  if (had_good) {
    // A failed refresh never loses what the cache held.
    diagnostics.note({}, "figure " + s.resolved.url + ": refresh failed (" + failure + "); using the cached copy");
    use_cache_entry(s, *old);
    return;
  }
  s.failure = failure;
  if (permanent) {
    CacheEntry negative;
    negative.url = s.resolved.url;
    negative.final_url = result.final_url;
    negative.content_type = result.content_type;
    negative.fetched_at = now;
    negative.failure = failure;
    std::string error;
    cache.store_metadata(negative, error);  // only saves a request next time
  }
}

}  // namespace

FigureReport resolve_figures(Book& book, const Collection& collection, Diagnostics& diagnostics) {
  FigureReport report;
  FigureOptions& options = book.config.figures;
  options.cache_dir = effective_cache_dir(book.config);  // the writers' derived copies go here too
  const fs::path base = book.config.base_dir.empty() ? fs::current_path() : book.config.base_dir;
  ResolveRoots roots = make_roots(collection, options, base);

  // 1. Every place a figure is shown, and the distinct sources they point at.
  std::vector<Use> uses;
  std::vector<Source> sources;
  std::unordered_map<std::string, size_t> source_index;
  for (Chapter& chapter : book.chapters) {
    Document& doc = chapter.document;
    auto add = [&](int& slot, const std::string& src, SourcePos pos) {
      Use use{&slot, src, doc.at(pos), 0};
      ResolvedSource r = resolve_source(src, chapter.post, roots, options);
      std::string key;
      switch (r.kind) {
        case ResolvedSource::Kind::local: key = "file:" + r.file.string(); break;
        case ResolvedSource::Kind::remote: key = r.url; break;
        default: key = "bad:" + chapter.post.file.parent_path().string() + "|" + src; break;
      }
      auto [it, fresh] = source_index.emplace(key, sources.size());
      if (fresh) {
        Source s;
        s.key = key;
        s.resolved = std::move(r);
        sources.push_back(std::move(s));
      }
      use.source = it->second;
      uses.push_back(std::move(use));
    };
    auto on_block = [&](Block& block) {
      if (auto* f = std::get_if<Figure>(&block.node)) add(f->figure, f->src, block.pos);
    };
    for_each_block(doc.blocks, on_block);
    for (auto& note : doc.footnotes) for_each_block(note.children, on_block);
    for_each_inline(doc, [&](Inline& in) {
      if (auto* img = std::get_if<Image>(&in.node)) add(img->figure, img->src, in.pos);
    });
  }

  // 2. Local files (read, hashed and probed on the workers) and refusals; remote ones from
  //    the cache where it can.
  FigureCache cache(options.cache_dir);
  const int64_t now = int64_t(std::time(nullptr));
  cache.sweep(now);
  TaskPool workers(8);  // mostly waiting on disks (reads, fsync), not on a core
  std::vector<FetchRequest> requests;
  std::vector<size_t> request_source;
  std::vector<std::optional<CacheEntry>> cached(sources.size());
  for (size_t i = 0; i < sources.size(); ++i) {
    Source& s = sources[i];
    switch (s.resolved.kind) {
      case ResolvedSource::Kind::local:
        workers.submit([&s, &options] { resolve_local(s, options); });
        break;
      case ResolvedSource::Kind::missing:
      case ResolvedSource::Kind::unsupported: s.failure = s.resolved.reason; break;
      case ResolvedSource::Kind::refused:
        s.failure = s.resolved.reason;
        s.refused = true;
        break;
      case ResolvedSource::Kind::remote: {
        s.asset.source = s.resolved.url;
        cached[i] = cache.lookup(s.resolved.url);
        const auto& entry = cached[i];
        if (entry && (!options.refresh || options.offline)) {
          if (entry->failure.empty()) use_cache_entry(s, *entry);
          else s.failure = entry->failure + " (cached; --refresh tries again)";
          break;
        }
        if (options.offline) {
          s.failure = "not in the cache (offline)";
          break;
        }
        FetchRequest request;
        request.url = s.resolved.url;
        request.headers = s.resolved.headers;
        if (entry && entry->failure.empty()) {
          request.if_none_match = entry->etag;
          request.if_modified_since = entry->last_modified;
        }
        requests.push_back(std::move(request));
        request_source.push_back(i);
        break;
      }
    }
  }

  // 3. All downloads in one batch; each result is checked and stored by a worker while the
  //    others still download (the cache's writes are fsynced, and they add up).
  FetchStats stats;
  fetch_all(
      requests, options, stats,
      [&](size_t done, size_t total, uint64_t bytes, size_t failed) {
        report_progress(diagnostics, ProgressEvent{Stage::figures, done, total, bytes, failed, 0});
      },
      [&](size_t r, FetchResult& result) {
        size_t i = request_source[r];
        workers.submit([&, i, result = std::move(result)]() mutable {
          take_result(sources[i], std::move(result), cached[i], cache, options, now, diagnostics);
        });
      });
  workers.wait();
  report_progress(diagnostics, ProgressEvent{Stage::figures, sources.size(), sources.size(), stats.bytes, 0, 0});
  report.requests = stats.requests;
  report.bytes = stats.bytes;

  // 4. Assets: identical bytes once; each failed source its own placeholder.
  std::unordered_map<std::string, int> by_digest;
  std::vector<int> asset_of(sources.size(), -1);
  for (const Use& use : uses) {
    Source& s = sources[use.source];
    if (asset_of[use.source] < 0) {
      std::string identity = s.ok ? "digest:" + s.asset.digest : "source:" + s.key;
      auto [it, fresh] = by_digest.emplace(identity, int(book.figures.size()));
      if (fresh) {
        FigureAsset asset = s.asset;
        asset.ok = s.ok;
        if (!s.ok) {
          asset.failure = s.failure;
          if (asset.source.empty()) asset.source = use.src;
        }
        asset.first_use = use.where;
        book.figures.push_back(std::move(asset));
        (s.ok ? report.embedded : report.failed) += 1;
      }
      asset_of[use.source] = it->second;
    }
    *use.slot = asset_of[use.source];
    if (!s.ok) {
      bool remote = s.resolved.kind == ResolvedSource::Kind::remote;
      std::string message = remote ? "figure not embedded: " + s.resolved.url + ": " + s.failure
                            : s.resolved.kind == ResolvedSource::Kind::local ? "figure not embedded: " + use.src + ": " + s.failure
                                                                            : s.failure;
      if (s.refused) diagnostics.error(use.where, message);
      else diagnostics.warning(use.where, message);
    }
  }
  if (!uses.empty())
    diagnostics.note({}, "figures: " + std::to_string(report.embedded) + " embedded, " +
                             std::to_string(report.failed) + " failed");
  return report;
}

fs::path default_cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg && fs::path(xdg).is_absolute()) return fs::path(xdg) / "folio";
  const char* home = std::getenv("HOME");
  if (home && *home) return fs::path(home) / ".cache" / "folio";
  return fs::temp_directory_path() / "folio-cache";
}

}  // namespace folio
