// Content: finding posts in Hugo sites and content folders, and choosing the chapters.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "folio/export.hpp"
#include "folio/config.hpp"
#include "folio/diagnostics.hpp"
#include "folio/post.hpp"

namespace folio {
FOLIO_API_BEGIN

/// A Hugo site's own config (config.* or hugo.* beside content/).
struct SiteConfig {
  std::filesystem::path file;
  std::string title;
  std::string author;
  std::string language_code;
  std::string base_url;
  std::string copyright;  ///< Hugo's `copyright`: the book's rights when book.yaml gives none
  /// singular → plural; default {tag: tags, category: categories}
  std::vector<std::pair<std::string, std::string>> taxonomies;
  bool enable_emoji = false;
  std::string auto_id_type = "github";  ///< markup.goldmark.parser.autoHeadingIDType
  int32_t time_zone_offset_minutes = 0; ///< from timeZone, for dates without a zone
  Value raw;
};

/// One content folder and what belongs to it.
struct ContentRoot {
  std::filesystem::path site_root;                 ///< the Hugo site folder, empty for a bare content folder
  std::filesystem::path content_dir;               ///< where posts are scanned
  std::vector<std::filesystem::path> static_dirs;  ///< for site-absolute figure paths (`/images/x.png`)
  std::optional<SiteConfig> site;
};

struct Book;

/// False, after a located error naming the output, when writing `output` would replace
/// one of the book's inputs (a post, book.yaml, the cover, a stylesheet, a local figure)
/// or land inside the figure cache.
bool check_output_path(const Book& book, const std::filesystem::path& output, Diagnostics& diagnostics);

/// Everything found under the PATHS: posts in scan order (sorted by path), section pages.
struct Collection {
  std::vector<ContentRoot> roots;
  std::vector<Post> posts;
  std::vector<SectionPage> sections;
};

/// Scans PATHS (site roots, content folders or single Markdown files; relative to
/// config.base_dir). Posts whose front matter cannot be parsed are reported and left out.
/// A missing path is an error.
Collection collect_posts(const BookConfig& config, Diagnostics& diagnostics);

/// The chapters of the book, in order, grouped.
struct BookPlan {
  struct Entry {
    const Post* post = nullptr;  ///< points into the Collection
    int part = -1;               ///< index into parts, -1 without grouping
  };
  std::vector<std::string> parts;  ///< part titles
  std::vector<Entry> chapters;
};

/// Applies config.select, config.order and config.group. `now` decides what is in the
/// future or expired (SOURCE_DATE_EPOCH, else the clock).
BookPlan select_posts(const Collection& collection, const BookConfig& config, int64_t now_unix,
                      Diagnostics& diagnostics);

/// Fills empty book metadata from the site config and the chosen posts.
void complete_metadata(BookConfig& config, const Collection& collection, const BookPlan& plan);

FOLIO_API_END
}  // namespace folio
