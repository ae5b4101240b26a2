// Raw deflate of container entries, many at once on worker threads: libzip compresses
// one entry after another at zip_close, which made deflate the longest step of a build.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio {
class ArtifactCache;
}

namespace folio::epub {

/// One entry's bytes deflated (raw deflate, as a ZIP entry holds them).
struct Deflated {
  std::string bytes;        ///< the compressed stream
  uint64_t size = 0;        ///< the uncompressed size
  uint32_t crc = 0;         ///< CRC-32 of the uncompressed bytes
  bool ok = false;          ///< false if zlib failed (the entry is then left to libzip)
};

/// Deflates each of `inputs` at the best compression, on up to `threads` threads. With a
/// `cache`, an input deflated by an earlier build (the same bytes) is taken from it: a
/// rebuild after one edited post deflates that post's chapter only.
std::vector<Deflated> deflate_all(const std::vector<std::string_view>& inputs, unsigned threads,
                                  const ArtifactCache* cache = nullptr);

}  // namespace folio::epub
