// The build cache: input fingerprints and per-output records.
#include "folio/build_cache.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "base/atomic_file.hpp"
#include "base/hash.hpp"
#include "folio/version.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {


// A Hugo site's root: a folder (the given one or up to two above) with a site config.
std::optional<fs::path> site_root_of(fs::path dir) {
  static const char* configs[] = {"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
                                  "config.toml", "config.yaml", "config.yml", "config.json"};
  for (int up = 0; up < 3 && !dir.empty(); ++up) {
    std::error_code ec;
    for (const char* name : configs)
      if (fs::is_regular_file(dir / name, ec)) return dir;
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

struct Stamp {
  std::string path;
  int64_t size = 0;
  int64_t mtime_ns = 0;
};

bool stamp_of(const fs::path& file, Stamp& out) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return false;
  out.path = file.string();
  out.size = int64_t(st.st_size);
  out.mtime_ns = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

class InputWalker {
 public:
  explicit InputWalker(const std::vector<fs::path>& ignore) {
    for (const auto& p : ignore) ignore_.push_back(fs::absolute(p).lexically_normal());
  }

  void add(const fs::path& path) {
    if (path.empty()) return;
    fs::path p = fs::absolute(path).lexically_normal();
    // A root inside a folder already walked adds nothing.
    for (const auto& done : walked_)
      if (p == done || p.string().rfind(done.string() + "/", 0) == 0) return;
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      walked_.push_back(p);
      walk(p);
    } else {
      file(p);
    }
  }

  std::vector<Stamp> stamps() {
    std::sort(stamps_.begin(), stamps_.end(), [](const Stamp& a, const Stamp& b) { return a.path < b.path; });
    stamps_.erase(std::unique(stamps_.begin(), stamps_.end(), [](const Stamp& a, const Stamp& b) { return a.path == b.path; }),
                  stamps_.end());
    return stamps_;
  }

 private:
  bool ignored(const fs::path& p) const {
    for (const auto& i : ignore_)
      if (p == i) return true;
    return false;
  }
  void file(const fs::path& p) {
    if (ignored(p) || p.filename().string().find(".tmp-") != std::string::npos) return;
    Stamp s;
    if (stamp_of(p, s)) stamps_.push_back(std::move(s));
  }
  void walk(const fs::path& dir) {
    if (ignored(dir)) return;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code type_ec;
      if (it->is_directory(type_ec)) {
        if (!skipped_input_folder(p.filename().string())) walk(p);
      } else {
        file(p);
      }
    }
  }

  std::vector<fs::path> ignore_;
  std::vector<fs::path> walked_;
  std::vector<Stamp> stamps_;
};

std::string escape_field(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string unescape_field(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out += n == 't' ? '\t' : n == 'n' ? '\n' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    fields.push_back(unescape_field(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace

bool skipped_input_folder(const std::string& name) {
  return name.empty() || name[0] == '.' || name == "public" || name == "resources" || name == "node_modules";
}

std::vector<fs::path> input_roots(const BookConfig& config) {
  std::vector<fs::path> roots;
  const fs::path base = config.base_dir.empty() ? fs::current_path() : config.base_dir;
  auto add = [&](const fs::path& p) {
    if (p.empty()) return;
    fs::path a = (p.is_absolute() ? p : base / p).lexically_normal();
    if (std::find(roots.begin(), roots.end(), a) == roots.end()) roots.push_back(a);
  };
  add(config.file);
  for (const auto& entry : config.content.empty() ? std::vector<std::string>{"."} : config.content) {
    fs::path p = fs::path(entry).is_absolute() ? fs::path(entry) : base / entry;
    std::error_code ec;
    fs::path dir = fs::is_directory(p, ec) ? p : p.parent_path();
    add(site_root_of(dir).value_or(dir));
    add(p);
  }
  for (const auto& d : config.figures.static_dirs) add(d);
  for (const auto& s : config.epub.stylesheets) add(s);
  add(config.meta.cover);
  for (const std::string* font : {&config.fonts.body, &config.fonts.heading, &config.fonts.code}) {
    std::error_code ec;
    if (!font->empty() && fs::is_regular_file(font->front() == '/' ? fs::path(*font) : base / *font, ec)) add(*font);
  }
  return roots;
}

BuildInputs fingerprint_inputs(const BookConfig& config, std::string_view options,
                               const std::vector<fs::path>& ignore) {
  InputWalker walker(ignore);
  for (const auto& root : input_roots(config)) walker.add(root);

  std::string text = std::string("folio ") + version() + "\n";
  text.append(options);
  text += "\n";
  BuildInputs inputs;
  for (const Stamp& s : walker.stamps()) {
    text += s.path + '\t' + std::to_string(s.size) + '\t' + std::to_string(s.mtime_ns) + '\n';
    ++inputs.files;
  }
  inputs.key = sha256_hex(text);
  return inputs;
}

int64_t selection_valid_until(const Collection& collection, int64_t now_unix) {
  int64_t until = std::numeric_limits<int64_t>::max();
  auto consider = [&](const std::optional<Date>& d) {
    if (d && d->unix_seconds > now_unix) until = std::min(until, d->unix_seconds);
  };
  for (const Post& p : collection.posts) {
    consider(p.date);
    consider(p.publish_date);
    consider(p.expiry_date);
  }
  return until;
}

BuildCache::BuildCache(fs::path cache_dir) : dir_(std::move(cache_dir) / "builds") {}

fs::path BuildCache::record_path(const std::string& name) const {
  return dir_ / (sha256_hex(name).substr(0, 32) + ".txt");
}

std::optional<BuildRecord> BuildCache::find(const std::string& name, const BuildInputs& inputs,
                                            int64_t now_unix) const {
  std::string text;
  if (!read_file(record_path(name), text)) return std::nullopt;
  BuildRecord record;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    auto f = split_tabs(line);
    if (f[0] == "key" && f.size() == 2) record.key = f[1];
    else if (f[0] == "valid_until" && f.size() == 2) record.valid_until = std::strtoll(f[1].c_str(), nullptr, 10);
    else if (f[0] == "output" && f.size() == 4) {
      record.output = f[1];
      record.output_size = std::strtoull(f[2].c_str(), nullptr, 10);
      record.output_mtime_ns = std::strtoll(f[3].c_str(), nullptr, 10);
    } else if (f[0] == "fact" && f.size() == 3) {
      record.facts[f[1]] = f[2];
    } else if (f[0] == "diagnostic" && f.size() == 6) {
      Diagnostic d;
      d.severity = f[1] == "error" ? Severity::error : f[1] == "note" ? Severity::note : Severity::warning;
      d.where.file = f[2];
      d.where.line = uint32_t(std::strtoul(f[3].c_str(), nullptr, 10));
      d.where.column = uint32_t(std::strtoul(f[4].c_str(), nullptr, 10));
      d.message = f[5];
      record.diagnostics.push_back(std::move(d));
    }
  }
  if (record.key != inputs.key || now_unix >= record.valid_until) return std::nullopt;
  Stamp out;
  if (record.output.empty() || !stamp_of(record.output, out) || uint64_t(out.size) != record.output_size || out.mtime_ns != record.output_mtime_ns)
    return std::nullopt;
  return record;
}

bool BuildCache::store(const std::string& name, BuildRecord record) const {
  Stamp out;
  record.output = fs::absolute(record.output).lexically_normal();
  if (!stamp_of(record.output, out)) return false;
  std::string text = "key\t" + record.key + "\n";
  text += "valid_until\t" + std::to_string(record.valid_until) + "\n";
  text += "output\t" + escape_field(record.output.string()) + "\t" + std::to_string(out.size) + "\t" + std::to_string(out.mtime_ns) + "\n";
  for (const auto& [name, value] : record.facts) text += "fact\t" + escape_field(name) + "\t" + escape_field(value) + "\n";
  for (const auto& d : record.diagnostics)
    text += std::string("diagnostic\t") + to_string(d.severity) + "\t" + escape_field(d.where.file) + "\t" +
            std::to_string(d.where.line) + "\t" + std::to_string(d.where.column) + "\t" + escape_field(d.message) + "\n";
  std::error_code ec;
  fs::create_directories(dir_, ec);
  return write_file_atomically(record_path(name), text);
}

void BuildCache::forget(const std::string& name) const {
  std::error_code ec;
  fs::remove(record_path(name), ec);
}

}  // namespace folio
