// The OCF container: entries packed into a ZIP with libzip in a fixed order.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "folio/diagnostics.hpp"

namespace folio {
class ArtifactCache;
}

namespace folio::epub {

/// One entry of the archive: bytes in memory, or a file streamed from disk.
struct ContainerEntry {
  std::string name;                 ///< path inside the archive ("EPUB/ch001.xhtml")
  std::string bytes;                ///< the content, when `file` is empty
  std::filesystem::path file;       ///< a file to stream (images, never held in memory)
  bool compress = true;             ///< deflate (text) or store (images, mimetype)
};

/// Writes `mimetype` (first, stored), META-INF/container.xml pointing at `package_path`,
/// then `entries` in the given order, every entry with the same timestamp (`mtime_unix`,
/// taken as UTC), into `out` through a temporary file renamed into place.
/// On failure reports an error, leaves nothing at `out` and returns false. With a `cache`,
/// entries an earlier build deflated are copied from it (deflate.hpp).
bool write_container(const std::filesystem::path& out, const std::string& package_path,
                     const std::vector<ContainerEntry>& entries, int64_t mtime_unix,
                     Diagnostics& diagnostics, const ArtifactCache* cache = nullptr);

/// META-INF/container.xml for the package at `package_path`.
std::string container_xml(const std::string& package_path);

}  // namespace folio::epub
