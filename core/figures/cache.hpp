// FigureCache: downloaded figures on disk (bytes + a small metadata file per URL), so a
// second build sends no request and --offline works from what is there.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "folio/book.hpp"

namespace folio::figures {

/// What the cache knows about one URL.
struct CacheEntry {
  std::string url;            ///< the URL asked for (the key)
  std::string final_url;      ///< after redirects
  std::string content_type;   ///< as the server sent it
  std::string etag;
  std::string last_modified;
  int64_t fetched_at = 0;     ///< unix seconds of the last successful fetch or revalidation
  /// Set for a permanent failure (404, not an image, bomb): no bytes, and no new request
  /// until --refresh.
  std::string failure;
  // What the bytes are, so a warm build never reads them again.
  std::string digest;         ///< hex SHA-256
  uint64_t size = 0;
  ImageFormat format = ImageFormat::unknown;
  uint32_t width = 0;         ///< as displayed (EXIF orientation applied)
  uint32_t height = 0;
  int orientation = 1;        ///< a JPEG's EXIF orientation
  std::filesystem::path file; ///< the bytes (set by lookup and store)
};

class FigureCache {
 public:
  /// `dir` is created on the first store.
  explicit FigureCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  /// The entry for `url`, if its metadata reads back and (for a success) its bytes are
  /// there with the recorded size.
  std::optional<CacheEntry> lookup(const std::string& url) const;

  /// Stores bytes and metadata atomically: bytes under a name carrying their digest first,
  /// then the metadata that points at them, so a reader sees the old entry or the new one,
  /// never half of one. The old bytes are left for sweep(), never removed here: another
  /// build may be about to read them. Fills entry.file. False with `error` on failure (the
  /// old entry stays).
  bool store(CacheEntry& entry, std::string_view bytes, std::string& error);

  /// Rewrites only the metadata (a 304 revalidation, a permanent failure).
  bool store_metadata(const CacheEntry& entry, std::string& error);

  /// Removes what no build needs any more: bytes that no metadata points at once they are
  /// older than `grace_seconds` (a build beside this one may still read bytes it looked up
  /// before a --refresh replaced them), and temporary files whose process is gone (a
  /// killed build's), in remote/ and derived/. Returns how many files were removed.
  size_t sweep(int64_t now, int64_t grace_seconds = 24 * 3600) const;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path meta_path(const std::string& url) const;
  std::filesystem::path dir_;
};

}  // namespace folio::figures
