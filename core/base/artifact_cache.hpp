// ArtifactCache: results of pure, costly steps (a deflated chapter, a font subset, the
// drawn cover) kept in the cache folder under the hash of everything they depend on, so a
// rebuild after one edited post redoes those steps only for what changed. An entry holds
// its key and a digest of its payload: a truncated or damaged entry is a miss, never a
// wrong result.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "folio/config.hpp"

namespace folio {

class ArtifactCache {
 public:
  /// Entries live in `<cache_dir>/artifacts/<kind>/`. An empty cache_dir keeps nothing.
  explicit ArtifactCache(std::filesystem::path cache_dir);

  /// The payload stored for `key` (any string naming every input; it is hashed), or
  /// nullopt when there is none or it does not check out.
  std::optional<std::string> find(std::string_view kind, std::string_view key) const;
  /// Stores a payload for `key` atomically (a temporary name of its own, then a rename);
  /// a failure only costs the work next time.
  void store(std::string_view kind, std::string_view key, std::string_view payload) const;

  bool enabled() const { return !dir_.empty(); }

 private:
  std::filesystem::path entry_path(std::string_view kind, const std::string& key_hash) const;
  std::filesystem::path dir_;
};

/// The cache a build of `config` keeps its work in: figures.cache_dir when it is absolute
/// and config.reuse_cache is on; else one that keeps nothing.
ArtifactCache artifact_cache_for(const BookConfig& config);

/// The GNU build id (hex) of the binary or library this code is linked into, part of every
/// key: any change to folio's code (a reader fix between two builds of the same version)
/// changes it, so entries made by other code are misses. Empty where the linker wrote none.
std::string build_id_of_this_code();

/// Appends one named field to a cache key, its length first, so that no two lists of
/// fields spell the same key.
void add_key_field(std::string& key, std::string_view name, std::string_view value);

}  // namespace folio
