// SHA-256 via GLib's GChecksum.
#include "base/hash.hpp"

#include <glib.h>

#include <fstream>
#include <memory>

namespace folio {

namespace {
struct ChecksumDeleter {
  void operator()(GChecksum* c) const { g_checksum_free(c); }
};
using Checksum = std::unique_ptr<GChecksum, ChecksumDeleter>;
}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Checksum c(g_checksum_new(G_CHECKSUM_SHA256));
  g_checksum_update(c.get(), reinterpret_cast<const guchar*>(bytes.data()), gssize(bytes.size()));
  return g_checksum_get_string(c.get());
}

std::optional<std::string> sha256_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  Checksum c(g_checksum_new(G_CHECKSUM_SHA256));
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    auto n = in.gcount();
    if (n > 0) g_checksum_update(c.get(), reinterpret_cast<const guchar*>(buf), gssize(n));
  }
  if (in.bad()) return std::nullopt;
  return std::string(g_checksum_get_string(c.get()));
}

}  // namespace folio
