// Artifact entries: "folio-artifact 1\n<key sha256>\n<payload sha256>\n<payload size>\n" then
// the payload bytes.
#include "base/artifact_cache.hpp"

#include <elf.h>
#include <link.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/atomic_file.hpp"
#include "base/hash.hpp"
#include "folio/version.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view magic = "folio-artifact 1\n";

}  // namespace

std::string build_id_of_this_code() {
  struct Search {
    uintptr_t address;
    std::string id;
  } search{reinterpret_cast<uintptr_t>(&build_id_of_this_code), {}};
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) -> int {
        auto* s = static_cast<Search*>(data);
        bool here = false;
        for (int i = 0; i < info->dlpi_phnum && !here; ++i) {
          const auto& ph = info->dlpi_phdr[i];
          const uintptr_t start = info->dlpi_addr + ph.p_vaddr;
          here = ph.p_type == PT_LOAD && s->address >= start && s->address < start + ph.p_memsz;
        }
        if (!here) return 0;
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const auto& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          const char* at = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* end = at + ph.p_memsz;
          while (at + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, at, sizeof note);
            const char* name = at + sizeof note;
            const char* desc = name + ((note.n_namesz + 3) & ~3u);
            if (desc + note.n_descsz > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
              static const char* hex = "0123456789abcdef";
              for (size_t k = 0; k < note.n_descsz; ++k) {
                s->id += hex[uint8_t(desc[k]) >> 4];
                s->id += hex[uint8_t(desc[k]) & 15];
              }
              return 1;
            }
            at = desc + ((note.n_descsz + 3) & ~3u);
          }
        }
        return 1;
      },
      &search);
  return search.id;
}

namespace {

// Every key names the folio that made the entry: another version, or other code of the
// same version, may make other bytes.
std::string key_hash_of(std::string_view key) {
  static const std::string code = std::string("folio ") + version() + " build " + build_id_of_this_code() + "\n";
  std::string versioned = code;
  versioned += key;
  return sha256_hex(versioned);
}
}  // namespace

ArtifactCache artifact_cache_for(const BookConfig& config) {
  const fs::path& dir = config.figures.cache_dir;
  return ArtifactCache(config.reuse_cache && dir.is_absolute() ? dir : fs::path());
}

void add_key_field(std::string& key, std::string_view name, std::string_view value) {
  key += name;
  key += ' ';
  key += std::to_string(value.size());
  key += ':';
  key += value;
  key += '\n';
}

ArtifactCache::ArtifactCache(fs::path cache_dir) : dir_(cache_dir.empty() ? fs::path() : cache_dir / "artifacts") {}

fs::path ArtifactCache::entry_path(std::string_view kind, const std::string& key_hash) const {
  return dir_ / std::string(kind) / key_hash.substr(0, 2) / key_hash.substr(2);
}

std::optional<std::string> ArtifactCache::find(std::string_view kind, std::string_view key) const {
  if (!enabled()) return std::nullopt;
  const std::string key_hash = key_hash_of(key);
  std::string entry;
  if (!read_file(entry_path(kind, key_hash), entry)) return std::nullopt;
  // The header: magic, the key's hash (two keys never share an entry), the payload's hash and size.
  if (entry.compare(0, magic.size(), magic) != 0) return std::nullopt;
  size_t at = magic.size();
  auto line = [&](std::string& out) {
    const size_t end = entry.find('\n', at);
    if (end == std::string::npos) return false;
    out = entry.substr(at, end - at);
    at = end + 1;
    return true;
  };
  std::string stored_key, payload_hash, size_text;
  if (!line(stored_key) || !line(payload_hash) || !line(size_text) || stored_key != key_hash) return std::nullopt;
  char* end = nullptr;
  const unsigned long long size = std::strtoull(size_text.c_str(), &end, 10);
  if (size_text.empty() || *end != '\0' || size != entry.size() - at) return std::nullopt;
  std::string payload = entry.substr(at);
  if (sha256_hex(payload) != payload_hash) return std::nullopt;
  return payload;
}

void ArtifactCache::store(std::string_view kind, std::string_view key, std::string_view payload) const {
  if (!enabled()) return;
  const std::string key_hash = key_hash_of(key);
  const fs::path path = entry_path(kind, key_hash);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::string header = std::string(magic) + key_hash + "\n" + sha256_hex(payload) + "\n" +
                       std::to_string(payload.size()) + "\n";
  // Builds sharing a cache may store the same entry at once: each has its own temporary
  // name, and the last rename wins with identical bytes. No fsync: a lost entry costs time.
  AtomicFile out(path);
  if (FILE* f = std::fopen(out.temp_path().c_str(), "wb")) {
    bool ok = std::fwrite(header.data(), 1, header.size(), f) == header.size() &&
              std::fwrite(payload.data(), 1, payload.size(), f) == payload.size();
    ok = std::fclose(f) == 0 && ok;
    if (ok) out.commit_unsynced();
  }
}

}  // namespace folio
