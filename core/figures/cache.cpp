// FigureCache: <dir>/remote/<ab>/<sha256(url)>.meta ("key: value" lines) beside
// <sha256(url)>-<digest prefix>.<ext> holding the bytes.
#include "cache.hpp"

#include <sys/stat.h>

#include <set>
#include <sstream>
#include <vector>

#include "base/atomic_file.hpp"
#include "base/hash.hpp"
#include "base/temp_files.hpp"
#include "probe.hpp"

namespace folio::figures {

namespace fs = std::filesystem;

namespace {

ImageFormat format_from_name(const std::string& s) {
  for (ImageFormat f : {ImageFormat::jpeg, ImageFormat::png, ImageFormat::gif, ImageFormat::webp, ImageFormat::svg})
    if (s == to_string(f)) return f;
  return ImageFormat::unknown;
}

const char* extension(ImageFormat f) {
  switch (f) {
    case ImageFormat::jpeg: return ".jpg";
    case ImageFormat::png: return ".png";
    case ImageFormat::gif: return ".gif";
    case ImageFormat::webp: return ".webp";
    case ImageFormat::svg: return ".svg";
    case ImageFormat::unknown: break;
  }
  return ".bin";
}

// Header values never hold line breaks that matter; drop any so one value stays one line.
std::string one_line(std::string s) {
  for (auto& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string serialize(const CacheEntry& e) {
  std::ostringstream out;
  out << "url: " << one_line(e.url) << "\n"
      << "final_url: " << one_line(e.final_url) << "\n"
      << "content_type: " << one_line(e.content_type) << "\n"
      << "etag: " << one_line(e.etag) << "\n"
      << "last_modified: " << one_line(e.last_modified) << "\n"
      << "fetched_at: " << e.fetched_at << "\n"
      << "failure: " << one_line(e.failure) << "\n"
      << "digest: " << e.digest << "\n"
      << "size: " << e.size << "\n"
      << "format: " << (e.format == ImageFormat::unknown ? "" : to_string(e.format)) << "\n"
      << "width: " << e.width << "\n"
      << "height: " << e.height << "\n"
      << "orientation: " << e.orientation << "\n"
      << "file: " << e.file.filename().string() << "\n";
  return out.str();
}

}  // namespace

fs::path FigureCache::meta_path(const std::string& url) const {
  std::string key = sha256_hex(url);
  return dir_ / "remote" / key.substr(0, 2) / (key + ".meta");
}

std::optional<CacheEntry> FigureCache::lookup(const std::string& url) const {
  fs::path meta = meta_path(url);
  std::string text;
  if (!read_file(meta, text)) return std::nullopt;
  CacheEntry e;
  std::string file_name;
  bool has_orientation = false;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    size_t colon = line.find(": ");
    std::string key = line.substr(0, colon == std::string::npos ? line.size() : colon);
    std::string value = colon == std::string::npos ? "" : line.substr(colon + 2);
    if (key == "url") e.url = value;
    else if (key == "final_url") e.final_url = value;
    else if (key == "content_type") e.content_type = value;
    else if (key == "etag") e.etag = value;
    else if (key == "last_modified") e.last_modified = value;
    else if (key == "fetched_at") e.fetched_at = std::strtoll(value.c_str(), nullptr, 10);
    else if (key == "failure") e.failure = value;
    else if (key == "digest") e.digest = value;
    else if (key == "size") e.size = std::strtoull(value.c_str(), nullptr, 10);
    else if (key == "format") e.format = format_from_name(value);
    else if (key == "width") e.width = uint32_t(std::strtoul(value.c_str(), nullptr, 10));
    else if (key == "height") e.height = uint32_t(std::strtoul(value.c_str(), nullptr, 10));
    else if (key == "orientation") {
      e.orientation = int(std::strtol(value.c_str(), nullptr, 10));
      has_orientation = e.orientation >= 1 && e.orientation <= 8;
    } else if (key == "file") file_name = value;
  }
  // Two URLs never share a metadata file unless their hashes collide: check anyway.
  if (e.url != url) return std::nullopt;
  if (!e.failure.empty()) return e;
  if (file_name.empty() || file_name.find('/') != std::string::npos || e.digest.empty()) return std::nullopt;
  e.file = meta.parent_path() / file_name;
  std::error_code ec;
  if (fs::file_size(e.file, ec) != e.size || ec) return std::nullopt;
  if (!has_orientation) {
    // Written before orientation was recorded: the stored size may be the sideways one.
    std::string bytes;
    if (!read_file(e.file, bytes)) return std::nullopt;
    ImageProbe probe = probe_image(bytes);
    if (probe.format != e.format) return std::nullopt;
    e.width = probe.width, e.height = probe.height, e.orientation = probe.orientation;
  }
  return e;
}

bool FigureCache::store(CacheEntry& entry, std::string_view bytes, std::string& error) {
  fs::path meta = meta_path(entry.url);
  std::error_code ec;
  fs::create_directories(meta.parent_path(), ec);
  if (ec) {
    error = "cannot create " + meta.parent_path().string() + ": " + ec.message();
    return false;
  }
  std::optional<CacheEntry> old = lookup(entry.url);
  entry.size = bytes.size();
  if (entry.digest.empty()) entry.digest = sha256_hex(bytes);
  std::string stem = meta.stem().string();
  entry.file = meta.parent_path() / (stem + "-" + entry.digest.substr(0, 16) + extension(entry.format));
  entry.failure.clear();
  if (!write_file_atomically(entry.file, bytes, &error)) return false;
  if (!write_file_atomically(meta, serialize(entry), &error)) return false;
  // The old bytes are orphaned now; their modification time says since when, for sweep().
  if (old && !old->file.empty() && old->file != entry.file)
    fs::last_write_time(old->file, fs::file_time_type::clock::now(), ec);
  return true;
}

bool FigureCache::store_metadata(const CacheEntry& entry, std::string& error) {
  fs::path meta = meta_path(entry.url);
  std::error_code ec;
  fs::create_directories(meta.parent_path(), ec);
  if (ec) {
    error = "cannot create " + meta.parent_path().string() + ": " + ec.message();
    return false;
  }
  return write_file_atomically(meta, serialize(entry), &error);
}

}  // namespace folio::figures

namespace folio::figures {

size_t FigureCache::sweep(int64_t now, int64_t grace_seconds) const {
  size_t removed = remove_stale_temp_files(dir_ / "derived");
  std::error_code ec;
  for (fs::directory_iterator shard(dir_ / "remote", ec), end; !ec && shard != end; shard.increment(ec)) {
    if (!shard->is_directory(ec)) continue;
    removed += remove_stale_temp_files(shard->path());
    // Bytes the metadata files of this shard point at (a URL's bytes live in its own shard).
    std::set<std::string> wanted;
    std::vector<fs::path> bytes;
    std::error_code it_ec;
    for (fs::directory_iterator f(shard->path(), it_ec), fend; !it_ec && f != fend; f.increment(it_ec)) {
      std::string name = f->path().filename().string();
      if (name.find(".tmp-") != std::string::npos) continue;
      if (f->path().extension() != ".meta") {
        bytes.push_back(f->path());
        continue;
      }
      std::string text;
      if (!read_file(f->path(), text)) continue;
      size_t at = text.find("\nfile: ");
      if (at == std::string::npos) continue;
      size_t start = at + 7, stop = text.find('\n', start);
      wanted.insert(text.substr(start, stop == std::string::npos ? std::string::npos : stop - start));
    }
    for (const fs::path& file : bytes) {
      if (wanted.count(file.filename().string())) continue;
      struct stat st {};
      // store() touches bytes it orphans, so this is the time since they were last wanted.
      if (::stat(file.c_str(), &st) != 0 || now - int64_t(st.st_mtime) < grace_seconds) continue;
      std::error_code rm;
      if (fs::remove(file, rm)) ++removed;
    }
  }
  return removed;
}

}  // namespace folio::figures
