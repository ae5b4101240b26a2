// Site config: the Hugo config beside content/ gives the book's defaults (title, author, language ...).
#include "siteconfig.hpp"

#include <array>
#include <cstdlib>
#include <utility>

#include "frontmatter.hpp"
#include "post_reader.hpp"
#include "timezone.hpp"

namespace folio::content {

namespace fs = std::filesystem;

namespace {

// Standard-time offsets of the zones blogs name, for systems without /usr/share/zoneinfo
// (libstdc++ 12 has no chrono::tzdb); zones with daylight saving time use their standard offset.
struct ZoneOffset {
  std::string_view name;
  int32_t minutes;
};
constexpr std::array<ZoneOffset, 40> kZones = {{
    {"UTC", 0}, {"Etc/UTC", 0}, {"GMT", 0}, {"Etc/GMT", 0}, {"Europe/London", 0}, {"Europe/Lisbon", 0},
    {"Asia/Shanghai", 480}, {"Asia/Chongqing", 480}, {"Asia/Harbin", 480}, {"PRC", 480},
    {"Asia/Hong_Kong", 480}, {"Asia/Macau", 480}, {"Asia/Taipei", 480}, {"Asia/Singapore", 480},
    {"Asia/Kuala_Lumpur", 480}, {"Asia/Manila", 480}, {"Australia/Perth", 480},
    {"Asia/Tokyo", 540}, {"Asia/Seoul", 540}, {"Asia/Kolkata", 330}, {"Asia/Calcutta", 330},
    {"Asia/Bangkok", 420}, {"Asia/Jakarta", 420}, {"Asia/Ho_Chi_Minh", 420}, {"Asia/Dubai", 240},
    {"Europe/Berlin", 60}, {"Europe/Paris", 60}, {"Europe/Amsterdam", 60}, {"Europe/Madrid", 60},
    {"Europe/Rome", 60}, {"Europe/Stockholm", 60}, {"Europe/Moscow", 180}, {"Australia/Sydney", 600},
    {"America/New_York", -300}, {"America/Chicago", -360}, {"America/Denver", -420},
    {"America/Los_Angeles", -480}, {"America/Sao_Paulo", -180}, {"America/Toronto", -300},
    {"Pacific/Auckland", 720},
}};

std::string text_of(const Value* v) {
  if (!v) return {};
  return v->scalar_text().value_or("");
}

// `author` as a string or a map with a name.
std::string author_of(const Value* v) {
  if (!v) return {};
  if (auto s = v->scalar_text()) return *s;
  if (v->is_map()) return text_of(v->find("name"));
  if (v->is_list() && !v->as_list().empty()) return author_of(&v->as_list().front());
  return {};
}

}  // namespace

std::optional<int32_t> time_zone_offset(std::string_view name) {
  // The system's zoneinfo knows every zone; the table below is for systems without it.
  if (auto zone = load_zone(name)) return zone->standard_offset() / 60;
  for (const auto& z : kZones)
    if (z.name == name) return z.minutes;
  // Etc/GMT-8 means UTC+8 (POSIX sign convention).
  if (name.substr(0, 7) == "Etc/GMT" && name.size() > 8) {
    int h = std::atoi(std::string(name.substr(8)).c_str());
    return (name[7] == '-' ? 1 : -1) * h * 60;
  }
  if (auto d = parse_date(std::string("2000-01-01T00:00:00") + std::string(name)); d && d->has_zone)
    return d->utc_offset_minutes;
  return std::nullopt;
}

fs::path find_site_config(const fs::path& site_root) {
  static constexpr std::array<std::string_view, 8> names = {"hugo.toml",   "hugo.yaml",   "hugo.yml",
                                                            "hugo.json",   "config.toml", "config.yaml",
                                                            "config.yml",  "config.json"};
  std::error_code ec;
  for (const fs::path& dir : {site_root, site_root / "config" / "_default"})
    for (auto name : names) {
      fs::path p = dir / std::string(name);
      if (fs::is_regular_file(p, ec)) return p;
    }
  return {};
}

std::optional<SiteConfig> load_site_config(const fs::path& file, Diagnostics& diagnostics) {
  std::string display = display_path_of(file);
  auto bytes = read_file_bytes(file, display, diagnostics);
  if (!bytes) return std::nullopt;
  std::string text = normalize_newlines(*bytes);
  ParseReport report{display, Severity::error, "site config"};
  auto data = file.extension() == ".toml" ? parse_toml(text, 1, false, report, diagnostics)
                                          : parse_yaml(text, 1, false, report, diagnostics);
  if (!data) return std::nullopt;

  SiteConfig site;
  site.file = file;
  const Value& raw = data->value;
  const Value* params = raw.find("params");
  site.title = text_of(raw.find("title"));
  site.author = author_of(raw.find("author"));
  if (site.author.empty() && params) site.author = author_of(params->find("author"));
  site.language_code = text_of(raw.find("languageCode"));
  site.base_url = text_of(raw.find("baseURL"));
  site.copyright = text_of(raw.find("copyright"));

  site.taxonomies = {{"tag", "tags"}, {"category", "categories"}};
  if (const Value* tax = raw.find("taxonomies"); tax && tax->is_map()) {
    // Declaring taxonomies replaces Hugo's defaults.
    site.taxonomies.clear();
    for (const auto& [singular, plural] : tax->as_map())
      if (auto p = plural.scalar_text(); p && !p->empty()) site.taxonomies.emplace_back(singular, *p);
  }
  if (const Value* emoji = raw.find("enableEmoji")) {
    if (emoji->is_bool()) site.enable_emoji = emoji->as_bool();
    else if (emoji->is_string()) site.enable_emoji = emoji->as_string() == "true";
  }
  if (const Value* markup = raw.find("markup"))
    if (const Value* goldmark = markup->find("goldmark"))
      if (const Value* parser = goldmark->find("parser"))
        if (auto id = text_of(parser->find("autoHeadingIDType")); !id.empty()) site.auto_id_type = id;
  if (auto tz = text_of(raw.find("timeZone")); !tz.empty()) {
    if (auto offset = time_zone_offset(tz)) {
      site.time_zone_offset_minutes = *offset;
    } else {
      auto it = data->key_lines.find("timezone");
      diagnostics.warning({display, it == data->key_lines.end() ? 0u : it->second, 0},
                          "site config: timeZone " + tz + " is not known; dates without a zone are read as UTC");
    }
  }
  site.raw = std::move(data->value);
  return site;
}

}  // namespace folio::content
