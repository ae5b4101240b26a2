// Time zone rules from the system's zoneinfo (TZif files), for front matter dates written without a zone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace folio::content {

/// The UTC offsets a zone has used, and when they changed (daylight saving time included).
struct ZoneRules {
  std::vector<int64_t> transitions;    ///< UTC seconds at which the offset changes, ascending
  std::vector<int32_t> offsets;        ///< offset in seconds from each transition on
  int32_t initial_offset = 0;          ///< before the first transition
  int32_t standard_offset = 0;         ///< the latest offset that is not daylight saving time

  /// The offset in seconds in force at a UTC instant.
  int32_t offset_at(int64_t utc_seconds) const;
  /// The offset in seconds for a wall-clock time written in this zone (`local_seconds` is
  /// that time counted as if it were UTC). In a gap or an overlap the earlier offset wins.
  int32_t offset_for_local(int64_t local_seconds) const;
};

/// Reads `zoneinfo_dir/<name>` (e.g. "Europe/Berlin"). nullopt if the name is not a zone
/// name, or the file is missing or not TZif.
std::optional<ZoneRules> load_zone(std::string_view name,
                                   const std::filesystem::path& zoneinfo_dir = "/usr/share/zoneinfo");

}  // namespace folio::content
