// Time zone rules from the system's zoneinfo, for front matter dates written without a zone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

struct _GTimeZone;  // GLib's GTimeZone, kept out of this header

namespace folio::content {

/// A zone's UTC offsets over time (daylight saving time included), as GLib's GTimeZone
/// reads them from a TZif file: the transitions it lists, then its footer rule for the
/// years after them (slim zoneinfo files list few transitions and rely on the rule).
class ZoneRules {
 public:
  explicit ZoneRules(std::shared_ptr<_GTimeZone> zone);

  /// The offset in seconds in force at a UTC instant.
  int32_t offset_at(int64_t utc_seconds) const;
  /// The offset in seconds for a wall-clock time written in this zone (`local_seconds` is
  /// that time counted as if it were UTC). In a gap or an overlap the earlier offset wins.
  int32_t offset_for_local(int64_t local_seconds) const;
  /// The zone's standard (not daylight saving) offset under its current rules.
  int32_t standard_offset() const;

 private:
  std::shared_ptr<_GTimeZone> zone_;
};

/// The zone `name` (e.g. "Europe/Berlin") from `zoneinfo_dir`. nullopt if the name is not a
/// zone name (a relative path without `..`), or the file is missing or not TZif.
std::optional<ZoneRules> load_zone(std::string_view name,
                                   const std::filesystem::path& zoneinfo_dir = "/usr/share/zoneinfo");

}  // namespace folio::content
