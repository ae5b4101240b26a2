// OCF container writing with libzip: stored mimetype first, fixed order and timestamps.
#include "container.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>
#include <string_view>
#include <thread>

#include "base/atomic_file.hpp"
#include "deflate.hpp"
#include "xhtml_writer.hpp"

namespace folio::epub {

namespace {

// Owns a zip_t until it is closed (zip_close frees it) or discarded.
class ZipArchive {
 public:
  explicit ZipArchive(zip_t* z) : z_(z) {}
  ~ZipArchive() { discard(); }
  /// Frees an archive not closed; libzip frees its sources here, calling their callbacks.
  void discard() {
    if (z_) zip_discard(z_);
    z_ = nullptr;
  }
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  zip_t* get() const { return z_; }
  std::string error() const { return z_ ? zip_strerror(z_) : "cannot open"; }
  // zip_close writes everything; on failure the archive stays ours to discard.
  bool close(std::string& error) {
    if (zip_close(z_) != 0) {
      error = zip_strerror(z_);
      return false;
    }
    z_ = nullptr;
    return true;
  }

 private:
  zip_t* z_;
};

// Bytes deflated beforehand (deflate.hpp), handed to libzip as data it need not compress:
// a source whose stat says "deflated, this CRC and size" is copied into the archive as is.
struct PrecompressedSource {
  const Deflated* deflated = nullptr;
  size_t position = 0;
};

zip_int64_t precompressed_callback(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* s = static_cast<PrecompressedSource*>(user);
  const std::string& bytes = s->deflated->bytes;
  switch (cmd) {
    case ZIP_SOURCE_OPEN: s->position = 0; return 0;
    case ZIP_SOURCE_READ: {
      const size_t n = std::min<size_t>(len, bytes.size() - s->position);
      std::memcpy(data, bytes.data() + s->position, n);
      s->position += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE: return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      st->valid |= ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD;
      st->size = s->deflated->size;
      st->comp_size = bytes.size();
      st->crc = s->deflated->crc;
      st->comp_method = ZIP_CM_DEFLATE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR: return 0;
    case ZIP_SOURCE_FREE: return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default: return -1;
  }
}

// MS-DOS date and time in UTC. libzip's zip_file_set_mtime converts with localtime,
// which would make the bytes depend on the machine's time zone.
void dos_time(int64_t unix_seconds, zip_uint16_t& time, zip_uint16_t& date) {
  constexpr int64_t dos_epoch = 315532800;  // 1980-01-01, the earliest DOS date
  if (unix_seconds < dos_epoch) unix_seconds = dos_epoch;
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  time = zip_uint16_t((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
  date = zip_uint16_t(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

}  // namespace

std::string container_xml(const std::string& package_path) {
  XmlWriter w;
  w.declaration();
  w.open("container", {{"version", "1.0"}, {"xmlns", "urn:oasis:names:tc:opendocument:xmlns:container"}});
  w.newline();
  w.open("rootfiles");
  w.newline();
  w.empty("rootfile", {{"full-path", package_path}, {"media-type", "application/oebps-package+xml"}});
  w.newline();
  w.close();
  w.newline();
  return w.finish() + "\n";
}

bool write_container(const std::filesystem::path& out, const std::string& package_path,
                     const std::vector<ContainerEntry>& entries, int64_t mtime_unix,
                     Diagnostics& diagnostics, const ArtifactCache* cache) {
  // A missing output folder is made, as the PDF writer does.
  std::error_code ec;
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path(), ec);
  AtomicFile target(out);
  SourceLocation where{out.string()};
  int zerr = 0;
  ZipArchive zip(zip_open(target.temp_path().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &zerr));
  if (!zip.get()) {
    zip_error_t e;
    zip_error_init_with_code(&e, zerr);
    diagnostics.error(where, std::string("cannot create the EPUB: ") + zip_error_strerror(&e));
    zip_error_fini(&e);
    return false;
  }
  zip_uint16_t dtime = 0, ddate = 0;
  dos_time(mtime_unix, dtime, ddate);

  // The bytes must outlive zip_close, which is when libzip reads its sources.
  const std::string mimetype = "application/epub+zip";
  const std::string container = container_xml(package_path);

  auto add = [&](const std::string& name, zip_source_t* source, bool compress) -> bool {
    if (!source) {
      diagnostics.error(where, "cannot add " + name + " to the EPUB: " + zip.error());
      return false;
    }
    zip_int64_t index = zip_file_add(zip.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(source);
      diagnostics.error(where, "cannot add " + name + " to the EPUB: " + zip.error());
      return false;
    }
    zip_set_file_compression(zip.get(), zip_uint64_t(index), compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9);
    zip_file_set_dostime(zip.get(), zip_uint64_t(index), dtime, ddate, 0);
    return true;
  };
  auto buffer = [&](const std::string& bytes) { return zip_source_buffer(zip.get(), bytes.data(), bytes.size(), 0); };

  // Every entry to deflate that is in memory (the text, not images streamed from disk) is
  // deflated first, on all cores; libzip then only copies the bytes.
  std::vector<std::string_view> to_deflate{container};
  for (const auto& e : entries)
    if (e.compress && e.file.empty()) to_deflate.push_back(e.bytes);
  const std::vector<Deflated> deflated = deflate_all(to_deflate, std::max(1u, std::thread::hardware_concurrency()), cache);
  std::vector<PrecompressedSource> sources(deflated.size());
  // On an early return the archive must be discarded while `sources` and `deflated` still
  // exist: discarding frees the sources through precompressed_callback.
  struct DiscardFirst {
    ZipArchive& zip;
    ~DiscardFirst() { zip.discard(); }
  } discard_first{zip};
  size_t next_deflated = 0;
  auto deflated_or_buffer = [&](const std::string& bytes) {
    const size_t k = next_deflated++;
    if (!deflated[k].ok) return buffer(bytes);
    sources[k].deflated = &deflated[k];
    return zip_source_function(zip.get(), precompressed_callback, &sources[k]);
  };

  if (!add("mimetype", buffer(mimetype), false)) return false;
  if (!add("META-INF/container.xml", deflated_or_buffer(container), true)) return false;
  for (const auto& e : entries) {
    zip_source_t* source = !e.file.empty() ? zip_source_file(zip.get(), e.file.c_str(), 0, -1)
                           : e.compress    ? deflated_or_buffer(e.bytes)
                                           : buffer(e.bytes);
    if (!add(e.name, source, e.compress)) return false;
  }
  std::string error;
  if (!zip.close(error)) {
    diagnostics.error(where, "cannot write the EPUB: " + error);
    return false;
  }
  if (!target.commit(&error)) {
    diagnostics.error(where, "cannot move the EPUB into place: " + error);
    return false;
  }
  return true;
}

}  // namespace folio::epub
