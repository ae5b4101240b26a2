// Posts: one Markdown file of a Hugo content folder, with its front matter read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/export.hpp"
#include "folio/value.hpp"

namespace folio {
FOLIO_API_BEGIN

/// A point in time as a front matter field wrote it.
struct Date {
  int64_t unix_seconds = 0;        ///< the instant, seconds since 1970-01-01T00:00:00Z
  int32_t utc_offset_minutes = 0;  ///< the zone it was written in (+480 for +08:00); 0 if none
  bool has_time = false;           ///< false for a bare `2020-10-18`
  bool has_zone = false;           ///< false when the text gave no zone (then UTC or the site's)

  /// `2020-10-18` in the date's own zone.
  std::string ymd() const;
  /// RFC 3339 in the date's own zone (`2020-10-18T01:03:25+08:00`), `2020-10-18` without a time.
  std::string rfc3339() const;
  auto operator<=>(const Date& o) const { return unix_seconds <=> o.unix_seconds; }
  bool operator==(const Date& o) const { return unix_seconds == o.unix_seconds; }
};

/// Parses every date form Hugo accepts (see ../shared/reference/hugo-inputs.md §1.3):
/// `2020-10-18`, `2020-10-18 12:00:00`, `2021-10-01 8:30:00+00:00`, RFC 3339 with `Z` or an
/// offset, fractional seconds, `+0800` offsets, RFC 1123 ... A text without a zone is taken in
/// `default_offset_minutes` (the site's timeZone, else UTC). nullopt if nothing matched.
std::optional<Date> parse_date(std::string_view text, int32_t default_offset_minutes = 0);

/// Which of Hugo's three front matter forms a post used.
enum class FrontMatterFormat { none, yaml, toml, json };

/// One Markdown file of a content folder and what its front matter says.
/// Every field Hugo (or a common theme) reserves has its own member; every key,
/// known or not, is also in `params` as written (top-level keys lowercased).
struct Post {
  std::filesystem::path file;         ///< the Markdown file on disk
  std::string display_path;           ///< how diagnostics name the file (relative to the working folder when inside it)
  std::filesystem::path content_dir;  ///< the content folder the file was found in
  std::string rel_path;               ///< path below content_dir with '/' separators: "posts/meetup-1/index.md"
  std::string section;                ///< first folder of rel_path ("posts"); empty for files at the top
  bool leaf_bundle = false;           ///< an `index.md` whose folder holds its images (a Hugo leaf bundle)
  FrontMatterFormat front_matter = FrontMatterFormat::none;

  std::string title;                  ///< front matter title, else the first heading, else the file name
  bool title_from_front_matter = false;  ///< false when the title came from a heading or the file name
  std::optional<Date> date;           ///< date, falling back to publishDate, then lastmod, as Hugo does
  std::optional<Date> lastmod;
  std::optional<Date> publish_date;
  std::optional<Date> expiry_date;
  bool draft = false;
  int weight = 0;                     ///< 0 means unset (sorts after every weighted post, as in Hugo)
  std::vector<std::string> tags;      ///< terms as written (compare with normalize_term)
  std::vector<std::string> categories;
  std::vector<std::string> series;
  std::vector<std::string> authors;   ///< `author` (string or map's name) and/or `authors` (list)
  std::string slug;
  std::string url;
  std::vector<std::string> aliases;
  std::string description;            ///< description, else summary
  std::string summary;
  std::vector<std::string> images;
  std::optional<bool> toc;            ///< theme `toc` param (bool or {enable: bool})
  /// Every taxonomy the site declares (plural name, lowercased) → terms as written;
  /// holds tags and categories too.
  std::map<std::string, std::vector<std::string>> taxonomies;
  Value params;                       ///< the whole front matter as a map, top-level keys lowercased

  std::string body;                   ///< the Markdown after the front matter (BOM removed, CRLF kept as LF)
  uint32_t body_line = 1;             ///< the 1-based line of `file` where `body` starts
  size_t char_count = 0;              ///< Unicode characters in body

  /// The page's path on the site, as Hugo publishes it: url if set, else
  /// `/<section>/<slug or file or bundle name>/` (lowercased, as Hugo does by default).
  std::string permalink() const;
};

/// A section's `_index.md`: it names a section; it is not a chapter.
struct SectionPage {
  std::filesystem::path file;
  std::string rel_dir;   ///< the section folder below the content folder ("posts")
  std::string title;
  Value params;
};

/// Hugo's rule for taxonomy term identity: lowercase, spaces to `-`
/// ("Cloud Native" and "cloud-native" are one tag).
std::string normalize_term(std::string_view term);

FOLIO_API_END
}  // namespace folio
