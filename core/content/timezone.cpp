// Time zones: reading TZif files (RFC 8536) so dates without a zone follow the site's timeZone, DST included.
#include "timezone.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

namespace folio::content {

namespace {

// Big-endian reads over the file's bytes; `ok` turns false on reading past the end.
struct ByteReader {
  const std::string& bytes;
  size_t pos = 0;
  bool ok = true;

  uint64_t read(int n) {
    if (pos + size_t(n) > bytes.size()) {
      ok = false;
      return 0;
    }
    uint64_t v = 0;
    for (int k = 0; k < n; ++k) v = (v << 8) | static_cast<unsigned char>(bytes[pos++]);
    return v;
  }
  void skip(size_t n) {
    if (pos + n > bytes.size()) ok = false;
    else pos += n;
  }
};

struct Counts {
  uint32_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

bool read_header(ByteReader& r, char& version, Counts& c) {
  if (r.bytes.compare(r.pos, 4, "TZif") != 0) return false;
  r.skip(4);
  version = char(r.read(1));
  r.skip(15);
  c.isut = uint32_t(r.read(4));
  c.isstd = uint32_t(r.read(4));
  c.leap = uint32_t(r.read(4));
  c.time = uint32_t(r.read(4));
  c.type = uint32_t(r.read(4));
  c.chars = uint32_t(r.read(4));
  return r.ok && c.type > 0;
}

// A zone name is a relative path of letters, digits, `_`, `-`, `+` and `/`; never `..`.
bool is_zone_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '+' || c == '/';
  });
}

}  // namespace

int32_t ZoneRules::offset_at(int64_t utc_seconds) const {
  auto it = std::upper_bound(transitions.begin(), transitions.end(), utc_seconds);
  if (it == transitions.begin()) return initial_offset;
  return offsets[size_t(it - transitions.begin()) - 1];
}

int32_t ZoneRules::offset_for_local(int64_t local_seconds) const {
  // The offsets a day before and a day after; no zone changes twice within two days.
  int32_t before = offset_at(local_seconds - 86400);
  int32_t after = offset_at(local_seconds + 86400);
  if (before == after) return before;
  // A wall-clock time is valid under an offset that is in force at the instant it names.
  // In an overlap both are; in a gap neither is. The offset from before wins both times.
  if (offset_at(local_seconds - before) == before) return before;
  if (offset_at(local_seconds - after) == after) return after;
  return before;
}

std::optional<ZoneRules> load_zone(std::string_view name, const std::filesystem::path& zoneinfo_dir) {
  if (!is_zone_name(name)) return std::nullopt;
  std::ifstream in(zoneinfo_dir / std::string(name), std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ByteReader r{bytes};
  char version = 0;
  Counts c;
  if (!read_header(r, version, c)) return std::nullopt;
  int time_size = 4;
  if (version >= '2') {
    // Version 2+ repeats the data with 64-bit times after the version 1 block; use that.
    r.skip(size_t(c.time) * 5 + size_t(c.type) * 6 + c.chars + size_t(c.leap) * 8 + c.isstd + c.isut);
    if (!read_header(r, version, c)) return std::nullopt;
    time_size = 8;
  }
  std::vector<int64_t> times(c.time);
  for (auto& t : times) {
    uint64_t v = r.read(time_size);
    t = time_size == 8 ? int64_t(v) : int64_t(int32_t(uint32_t(v)));
  }
  std::vector<uint8_t> type_of(c.time);
  for (auto& t : type_of) t = uint8_t(r.read(1));
  std::vector<int32_t> type_offset(c.type);
  std::vector<bool> type_dst(c.type);
  for (uint32_t k = 0; k < c.type; ++k) {
    type_offset[k] = int32_t(uint32_t(r.read(4)));
    type_dst[k] = r.read(1) != 0;
    r.skip(1);
  }
  if (!r.ok) return std::nullopt;

  ZoneRules rules;
  rules.initial_offset = type_offset[0];
  rules.standard_offset = type_offset[0];
  for (uint32_t k = 0; k < c.time; ++k) {
    if (type_of[k] >= c.type) return std::nullopt;
    rules.transitions.push_back(times[k]);
    rules.offsets.push_back(type_offset[type_of[k]]);
    if (!type_dst[type_of[k]]) rules.standard_offset = type_offset[type_of[k]];
  }
  return rules;
}

}  // namespace folio::content
