// Time zones: TZif rules from the system's zoneinfo, DST for dates written without a zone.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "content/timezone.hpp"
#include "folio/content.hpp"
#include "temp_dir.hpp"

using namespace folio;
using folio::test::TempDir;

// Debian 12 ships tzdata at priority `required`, so zoneinfo is there wherever folio builds.
TEST_CASE("zone rules: a zone without DST and one with it") {
  auto shanghai = content::load_zone("Asia/Shanghai");
  REQUIRE(shanghai);
  CHECK(shanghai->standard_offset() == 8 * 3600);
  CHECK(shanghai->offset_at(1767225600) == 8 * 3600);  // 2026-01-01

  auto berlin = content::load_zone("Europe/Berlin");
  REQUIRE(berlin);
  CHECK(berlin->standard_offset() == 3600);
  CHECK(berlin->offset_at(1767225600) == 3600);      // January: CET
  CHECK(berlin->offset_at(1782864000) == 2 * 3600);  // 2026-07-01: CEST
  // 2026-03-29 02:30 does not exist in Berlin (clocks jump 02:00 -> 03:00); the old offset is used.
  CHECK(berlin->offset_for_local(1774751400) == 3600);
  // 2026-10-25 02:30 happens twice; the earlier (summer) offset wins.
  CHECK(berlin->offset_for_local(1792895400) == 2 * 3600);
}

namespace {

// A "slim" TZif file (zic -b slim): no transitions at all, only the footer's POSIX rule.
std::string slim_tzif(const std::string& footer) {
  std::string block;
  auto be32 = [&](uint32_t v) {
    for (int k = 3; k >= 0; --k) block += char((v >> (8 * k)) & 0xff);
  };
  std::string out;
  for (int pass = 0; pass < 2; ++pass) {
    block = "TZif2" + std::string(15, '\0');
    for (uint32_t count : {0u, 0u, 0u, 0u, 1u, 4u}) be32(count);  // isut isstd leap time type chars
    be32(uint32_t(-5 * 3600));                                      // the one type: EST
    block += '\0';
    block += '\0';
    block += std::string("EST") + '\0';
    out += block;
  }
  return out + "\n" + footer + "\n";
}

}  // namespace

TEST_CASE("a slim zoneinfo file: the footer's rule gives the offsets (New York in January 2024 is -5 h)") {
  TempDir dir;
  dir.write("America/Slim_York", slim_tzif("EST5EDT,M3.2.0,M11.1.0"));
  auto zone = content::load_zone("America/Slim_York", dir.path());
  REQUIRE(zone);
  CHECK(zone->offset_at(1704888000) == -5 * 3600);  // 2024-01-10 12:00 UTC
  CHECK(zone->offset_at(1720612800) == -4 * 3600);  // 2024-07-10 12:00 UTC
  CHECK(zone->standard_offset() == -5 * 3600);
}

TEST_CASE("zone names that are not zones, or try to leave zoneinfo, are refused") {
  CHECK_FALSE(content::load_zone("Mars/Olympus"));
  CHECK_FALSE(content::load_zone("../../etc/passwd"));
  CHECK_FALSE(content::load_zone("/etc/localtime"));
  CHECK_FALSE(content::load_zone(""));
  TempDir dir;
  dir.write("Bad/Zone", "not a tzif file at all");
  CHECK_FALSE(content::load_zone("Bad/Zone", dir.path()));
  dir.write("Short/Zone", "TZif2");
  CHECK_FALSE(content::load_zone("Short/Zone", dir.path()));
}

TEST_CASE("posts without a zone take the site's timeZone offset of their own day") {
  TempDir dir;
  dir.write("site/hugo.toml", "title = \"x\"\ntimeZone = \"Europe/Berlin\"\n");
  dir.write("site/content/winter.md", "---\ntitle: Winter\ndate: 2026-01-15 10:00:00\n---\n");
  dir.write("site/content/summer.md", "---\ntitle: Summer\ndate: 2026-07-15 10:00:00\n---\n");
  dir.write("site/content/zoned.md", "---\ntitle: Zoned\ndate: 2026-07-15T10:00:00+08:00\n---\n");
  dir.write("site/content/day.md", "---\ntitle: Day\ndate: 2026-07-15\n---\n");
  BookConfig config;
  config.base_dir = dir.path();
  config.content = {"site"};
  Diagnostics sink;
  auto c = collect_posts(config, sink);
  CHECK(sink.all().empty());
  auto date_of = [&](const std::string& title) {
    auto it = std::find_if(c.posts.begin(), c.posts.end(), [&](const Post& p) { return p.title == title; });
    REQUIRE(it != c.posts.end());
    return it->date->rfc3339();
  };
  CHECK(date_of("Winter") == "2026-01-15T10:00:00+01:00");
  CHECK(date_of("Summer") == "2026-07-15T10:00:00+02:00");
  CHECK(date_of("Zoned") == "2026-07-15T10:00:00+08:00");
  CHECK(date_of("Day") == "2026-07-15");
  REQUIRE(c.roots[0].site);
  CHECK(c.roots[0].site->time_zone_offset_minutes == 60);
}
