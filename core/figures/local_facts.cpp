// Local figure facts: <cache>/local/<sha256(path) prefix>.txt, one line:
// "size mtime_ns format width height digest orientation".
#include "local_facts.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <sstream>

#include "base/atomic_file.hpp"
#include "base/hash.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {

bool stat_of(const fs::path& file, uint64_t& size, int64_t& mtime_ns) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return false;
  size = uint64_t(st.st_size);
  mtime_ns = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

fs::path record_of(const fs::path& cache_dir, const fs::path& file) {
  return cache_dir / "local" / (sha256_hex(fs::absolute(file).lexically_normal().string()).substr(0, 32) + ".txt");
}

}  // namespace

std::optional<LocalFacts> recall_local_facts(const fs::path& cache_dir, const fs::path& file) {
  if (cache_dir.empty()) return std::nullopt;
  uint64_t size = 0;
  int64_t mtime = 0;
  std::string text;
  if (!stat_of(file, size, mtime) || !read_file(record_of(cache_dir, file), text)) return std::nullopt;
  std::istringstream in(text);
  uint64_t rec_size = 0;
  int64_t rec_mtime = 0;
  int format = 0;
  LocalFacts facts;
  // A record without the orientation (from an older folio) is read again from the image.
  if (!(in >> rec_size >> rec_mtime >> format >> facts.probe.width >> facts.probe.height >> facts.digest >>
        facts.probe.orientation))
    return std::nullopt;
  if (facts.probe.orientation < 1 || facts.probe.orientation > 8) return std::nullopt;
  // Size and nanosecond mtime both unchanged: the same bytes (as make and git assume).
  if (rec_size != size || rec_mtime != mtime || facts.digest.size() != 64) return std::nullopt;
  if (format <= int(ImageFormat::unknown) || format > int(ImageFormat::svg)) return std::nullopt;
  facts.probe.format = ImageFormat(format);
  facts.size = size;
  return facts;
}

void remember_local_facts(const fs::path& cache_dir, const fs::path& file, const LocalFacts& facts) {
  if (cache_dir.empty() || facts.probe.format == ImageFormat::unknown) return;
  uint64_t size = 0;
  int64_t mtime = 0;
  if (!stat_of(file, size, mtime) || size != facts.size) return;
  std::error_code ec;
  fs::path record = record_of(cache_dir, file);
  fs::create_directories(record.parent_path(), ec);
  std::string line = std::to_string(size) + " " + std::to_string(mtime) + " " + std::to_string(int(facts.probe.format)) +
                     " " + std::to_string(facts.probe.width) + " " + std::to_string(facts.probe.height) + " " +
                     facts.digest + " " + std::to_string(facts.probe.orientation) + "\n";
  // A temporary name of its own (builds sharing a cache write the same records), and no
  // fsync: a lost record only costs one more read of the image.
  AtomicFile out(record);
  if (FILE* f = std::fopen(out.temp_path().c_str(), "wb")) {
    bool ok = std::fwrite(line.data(), 1, line.size(), f) == line.size();
    ok = std::fclose(f) == 0 && ok;
    if (ok) out.commit_unsynced();
  }
}

}  // namespace folio
