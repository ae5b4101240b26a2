// A Hugo site's own config file (hugo.* or config.*): finding it and reading the defaults folio uses.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "folio/content.hpp"
#include "folio/diagnostics.hpp"

namespace folio::content {

/// The config file Hugo would read in `site_root` (hugo.toml before config.toml, and so on,
/// then config/_default/), or an empty path.
std::filesystem::path find_site_config(const std::filesystem::path& site_root);

/// Reads a site config file; nullopt after a located error.
std::optional<SiteConfig> load_site_config(const std::filesystem::path& file, Diagnostics& diagnostics);

/// The standard UTC offset of an IANA zone name (from the system's zoneinfo, else a table of
/// common zones) or of a `+08:00` offset; nullopt when folio does not know it.
std::optional<int32_t> time_zone_offset(std::string_view name);

}  // namespace folio::content
