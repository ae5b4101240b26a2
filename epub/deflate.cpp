// Raw deflate with zlib on a few worker threads (see deflate.hpp).
#include "deflate.hpp"

#include <zlib.h>

#include <algorithm>

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

}  // namespace

std::vector<Deflated> deflate_all(const std::vector<std::string_view>& inputs, unsigned threads) {
  std::vector<Deflated> out(inputs.size());
  parallel_for(inputs.size(), threads, [&](size_t i) { out[i] = deflate_one(inputs[i]); });
  return out;
}

}  // namespace folio::epub
