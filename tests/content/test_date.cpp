// Dates: every form the issue lists, zones, and the text they print back as.
#include <doctest/doctest.h>

#include "folio/post.hpp"

using namespace folio;

namespace {
std::string iso(std::string_view text, int32_t tz = 0) {
  auto d = parse_date(text, tz);
  return d ? d->rfc3339() : "<none>";
}
}  // namespace

TEST_CASE("a bare date has no time and prints as YYYY-MM-DD") {
  auto d = parse_date("2020-10-18");
  REQUIRE(d);
  CHECK_FALSE(d->has_time);
  CHECK_FALSE(d->has_zone);
  CHECK(d->unix_seconds == 1602979200);
  CHECK(d->ymd() == "2020-10-18");
  CHECK(d->rfc3339() == "2020-10-18");
}

TEST_CASE("date and time without a zone is UTC, or the site's zone when given") {
  CHECK(iso("2020-10-18 12:00:00") == "2020-10-18T12:00:00Z");
  auto d = parse_date("2020-10-18 12:00:00", 480);
  REQUIRE(d);
  CHECK_FALSE(d->has_zone);
  CHECK(d->unix_seconds == 1603022400 - 8 * 3600);
  CHECK(d->rfc3339() == "2020-10-18T12:00:00+08:00");
  CHECK(iso("2020-10-18T12:00:00") == "2020-10-18T12:00:00Z");
}

TEST_CASE("a one-digit hour with an offset (letsencrypt style)") {
  auto d = parse_date("2021-10-01 8:30:00+00:00");
  REQUIRE(d);
  CHECK(d->has_zone);
  CHECK(d->rfc3339() == "2021-10-01T08:30:00Z");
}

TEST_CASE("RFC 3339 with an offset keeps its zone; Z is UTC; fractions are accepted") {
  auto d = parse_date("2020-10-18T01:03:25+08:00");
  REQUIRE(d);
  CHECK(d->utc_offset_minutes == 480);
  CHECK(d->unix_seconds == 1602954205);
  CHECK(d->ymd() == "2020-10-18");  // in its own zone, though it is still the 17th in UTC
  CHECK(d->rfc3339() == "2020-10-18T01:03:25+08:00");
  CHECK(iso("2020-10-17T17:03:25Z") == "2020-10-17T17:03:25Z");
  CHECK(parse_date("2020-10-17T17:03:25Z")->unix_seconds == d->unix_seconds);
  CHECK(iso("2020-10-17T17:03:25.123456789Z") == "2020-10-17T17:03:25Z");
  CHECK(iso("2020-10-18T01:03:25-07:00") == "2020-10-18T01:03:25-07:00");
}

TEST_CASE("other zone spellings Hugo accepts") {
  CHECK(iso("2020-10-18 12:00:00 +08:00") == "2020-10-18T12:00:00+08:00");
  CHECK(iso("2020-10-18 12:00:00 +0800") == "2020-10-18T12:00:00+08:00");
  CHECK(iso("2020-10-18T12:00:00+0800") == "2020-10-18T12:00:00+08:00");
  CHECK(iso("2020-10-18 12:00:00.5 +0800 CST") == "2020-10-18T12:00:00+08:00");
  CHECK(iso("Sun, 18 Oct 2020 12:00:00 +0800") == "2020-10-18T12:00:00+08:00");
  CHECK(iso("Sun, 18 Oct 2020 12:00:00 GMT") == "2020-10-18T12:00:00Z");
  CHECK(iso("18 Oct 2020") == "2020-10-18");
  CHECK(iso("Sun Oct 18 12:00:00 2020") == "2020-10-18T12:00:00Z");
}

TEST_CASE("quotes and surrounding blanks are not part of the date") {
  CHECK(iso("\"2020-10-18\"") == "2020-10-18");
  CHECK(iso("'2020-10-18T01:03:25+08:00'") == "2020-10-18T01:03:25+08:00");
  CHECK(iso("  2020-10-18  ") == "2020-10-18");
}

TEST_CASE("text that is not a date") {
  CHECK_FALSE(parse_date(""));
  CHECK_FALSE(parse_date("yesterday"));
  CHECK_FALSE(parse_date("2020-13-01"));
  CHECK_FALSE(parse_date("2021-02-29"));
  CHECK_FALSE(parse_date("2020-10-18 25:00:00"));
  CHECK_FALSE(parse_date("2020-10-18T12:00:00 nonsense"));
}

TEST_CASE("dates compare by instant") {
  CHECK(*parse_date("2020-10-18T01:00:00+08:00") < *parse_date("2020-10-18T00:00:00Z"));
  CHECK(*parse_date("2020-10-18T08:00:00+08:00") == *parse_date("2020-10-18"));
}
