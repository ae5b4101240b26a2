// What probing a local figure found (format, size in pixels, digest), remembered by the
// file's path, size and modification time, so a rebuild does not read and hash every
// image again (a 400-photo book is hundreds of MB).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "probe.hpp"

namespace folio {

struct LocalFacts {
  figures::ImageProbe probe;
  std::string digest;  ///< hex SHA-256 of the bytes
  uint64_t size = 0;
};

/// Facts recorded for `file` under `cache_dir` when the file's size and mtime still match.
std::optional<LocalFacts> recall_local_facts(const std::filesystem::path& cache_dir, const std::filesystem::path& file);

/// Records facts for `file` (stamped with its current size and mtime); failures are ignored.
void remember_local_facts(const std::filesystem::path& cache_dir, const std::filesystem::path& file,
                          const LocalFacts& facts);

}  // namespace folio
