// SHA-256 through OpenSSL's libcrypto: it uses the CPU's SHA extensions where present,
// several times faster than a portable implementation, and every figure's bytes go
// through here (the asset identity that de-duplicates a book's images).
#include "base/hash.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <memory>

namespace folio {

namespace {
struct DigestContextDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextDeleter>;

std::string to_hex(const unsigned char* digest, unsigned int size) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}
}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  return to_hex(digest, size);
}

std::optional<std::string> sha256_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  DigestContext ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return std::nullopt;
  static thread_local char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    auto n = in.gcount();
    if (n > 0) EVP_DigestUpdate(ctx.get(), buf, size_t(n));
  }
  if (in.bad()) return std::nullopt;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &size);
  return to_hex(digest, size);
}

}  // namespace folio
