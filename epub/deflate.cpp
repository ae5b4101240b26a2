// Raw deflate with zlib on a few worker threads (see deflate.hpp).
#include "deflate.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdio>

#include "base/artifact_cache.hpp"
#include "base/parallel_for.hpp"

namespace folio::epub {

namespace {

Deflated deflate_one(std::string_view in) {
  Deflated out;
  out.size = in.size();
  out.crc = static_cast<uint32_t>(crc32_z(0, reinterpret_cast<const Bytef*>(in.data()), in.size()));
  z_stream z{};
  // windowBits -15: a raw stream without zlib's header, as ZIP stores it.
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) return out;
  out.bytes.resize(deflateBound(&z, static_cast<uLong>(in.size())));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.bytes.data());
  z.avail_out = static_cast<uInt>(out.bytes.size());
  const int rc = deflate(&z, Z_FINISH);
  out.bytes.resize(z.total_out);
  deflateEnd(&z);
  out.ok = rc == Z_STREAM_END;
  return out;
}

// The cache key names the stream's settings and zlib's version (another zlib may emit
// other bytes), then the input itself.
std::string cache_key(std::string_view in) {
  std::string key = "deflate raw level=9 memLevel=9 zlib=" ZLIB_VERSION "\n";
  key += in;
  return key;
}

// The payload: "<crc> <size>\n" and the compressed stream.
std::string to_payload(const Deflated& d) {
  return std::to_string(d.crc) + " " + std::to_string(d.size) + "\n" + d.bytes;
}

bool from_payload(const std::string& payload, std::string_view in, Deflated& out) {
  const size_t newline = payload.find('\n');
  unsigned long crc = 0;
  unsigned long long size = 0;
  if (newline == std::string::npos || std::sscanf(payload.c_str(), "%lu %llu", &crc, &size) != 2 || size != in.size())
    return false;
  out.crc = static_cast<uint32_t>(crc);
  out.size = size;
  out.bytes = payload.substr(newline + 1);
  out.ok = true;
  return true;
}

}  // namespace

std::vector<Deflated> deflate_all(const std::vector<std::string_view>& inputs, unsigned threads,
                                  const ArtifactCache* cache) {
  std::vector<Deflated> out(inputs.size());
  parallel_for(inputs.size(), threads, [&](size_t i) {
    if (!cache || !cache->enabled()) {
      out[i] = deflate_one(inputs[i]);
      return;
    }
    const std::string key = cache_key(inputs[i]);
    if (auto payload = cache->find("deflate", key))
      if (from_payload(*payload, inputs[i], out[i])) return;
    out[i] = deflate_one(inputs[i]);
    if (out[i].ok) cache->store("deflate", key, to_payload(out[i]));
  });
  return out;
}

}  // namespace folio::epub
