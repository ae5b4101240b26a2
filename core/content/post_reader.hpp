// Reading one Markdown file into a Post (or a SectionPage): front matter fields with Hugo's rules.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "folio/content.hpp"
#include "folio/diagnostics.hpp"
#include "folio/post.hpp"
#include "timezone.hpp"

namespace folio::content {

/// Where a Markdown file was found.
struct PostSource {
  std::filesystem::path file;
  std::string display_path;           ///< how diagnostics name it
  std::filesystem::path content_dir;
  std::string rel_path;               ///< below content_dir, '/' separators
  bool leaf_bundle = false;
};

/// What reading a post may consult besides its bytes (every member may be null).
struct PostContext {
  const SiteConfig* site = nullptr;  ///< taxonomies; time_zone_offset_minutes for dates without a zone
  const ZoneRules* zone = nullptr;   ///< the site's timeZone rules (DST included), when the system has them
  /// Front matter the post's sections push down with Hugo's `cascade` (a map): its keys
  /// apply where the post does not set them itself.
  const Value* cascade = nullptr;
};

/// Reads a post from the file's bytes. Invalid UTF-8 is reported at its line:col and
/// replaced; front matter that cannot be parsed is a warning (an error under --strict)
/// and gives nullopt.
std::optional<Post> read_post_text(const PostSource& source, std::string_view bytes, const PostContext& context,
                                   Diagnostics& diagnostics);

/// What a section's `cascade` pushes down, as one map: the map form, or the entries of the
/// list form that have no `_target` (targets are not supported). Keys lowercased.
Value::Map cascade_of(const SectionPage& section);

/// False for pages Hugo does not render (`headless: true`, `build: {render: never}`).
bool is_rendered(const Post& post);

/// Reads a section's `_index.md`; nullopt if its front matter cannot be parsed.
std::optional<SectionPage> read_section_text(const PostSource& source, std::string_view bytes,
                                             Diagnostics& diagnostics);

/// The whole file, or nullopt after an error diagnostic.
std::optional<std::string> read_file_bytes(const std::filesystem::path& file, const std::string& display_path,
                                           Diagnostics& diagnostics);

/// `path` relative to the working folder when it is inside it, else as given.
std::string display_path_of(const std::filesystem::path& path);

}  // namespace folio::content
