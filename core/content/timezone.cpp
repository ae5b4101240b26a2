// Time zones through GLib's GTimeZone (GLib comes with Pango), so dates without a zone
// follow the site's timeZone, DST included, also past a TZif file's last transition.
#include "timezone.hpp"

#include <glib.h>

#include <algorithm>
#include <string>

namespace folio::content {

namespace {

// A zone name is a relative path of letters, digits, `_`, `-`, `+` and `/`; never `..`.
// (GTimeZone would also take an absolute path, or a POSIX TZ rule string.)
bool is_zone_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '+' || c == '/';
  });
}

// 2100-01-01 and 2100-07-01 UTC: the current rules, in winter and in summer of either hemisphere.
constexpr int64_t kJanuary2100 = 4102444800;
constexpr int64_t kJuly2100 = 4118083200;

}  // namespace

ZoneRules::ZoneRules(std::shared_ptr<_GTimeZone> zone) : zone_(std::move(zone)) {}

int32_t ZoneRules::offset_at(int64_t utc_seconds) const {
  int interval = g_time_zone_find_interval(zone_.get(), G_TIME_TYPE_UNIVERSAL, utc_seconds);
  return interval < 0 ? 0 : g_time_zone_get_offset(zone_.get(), interval);
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

int32_t ZoneRules::standard_offset() const {
  for (int64_t t : {kJanuary2100, kJuly2100}) {
    int interval = g_time_zone_find_interval(zone_.get(), G_TIME_TYPE_UNIVERSAL, t);
    if (interval >= 0 && !g_time_zone_is_dst(zone_.get(), interval)) return g_time_zone_get_offset(zone_.get(), interval);
  }
  return offset_at(kJanuary2100);
}

std::optional<ZoneRules> load_zone(std::string_view name, const std::filesystem::path& zoneinfo_dir) {
  if (!is_zone_name(name)) return std::nullopt;
  // An absolute path, so that GLib reads this file and nothing else (not $TZDIR, not a rule).
  std::filesystem::path file = std::filesystem::absolute(zoneinfo_dir / std::string(name));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  GTimeZone* zone = g_time_zone_new_identifier(file.c_str());
  if (!zone) return std::nullopt;
  return ZoneRules(std::shared_ptr<_GTimeZone>(zone, g_time_zone_unref));
}

}  // namespace folio::content
