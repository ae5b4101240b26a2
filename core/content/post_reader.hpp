// Reading one Markdown file into a Post (or a SectionPage): front matter fields with Hugo's rules.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "folio/content.hpp"
#include "folio/diagnostics.hpp"
#include "folio/post.hpp"

namespace folio::content {

/// Where a Markdown file was found.
struct PostSource {
  std::filesystem::path file;
  std::string display_path;           ///< how diagnostics name it
  std::filesystem::path content_dir;
  std::string rel_path;               ///< below content_dir, '/' separators
  bool leaf_bundle = false;
};

/// Reads a post from the file's bytes. Invalid UTF-8 is reported at its line:col and
/// replaced; front matter that cannot be parsed is a warning (an error under --strict)
/// and gives nullopt. `site` supplies taxonomies and the time zone (may be null).
std::optional<Post> read_post_text(const PostSource& source, std::string_view bytes, const SiteConfig* site,
                                   Diagnostics& diagnostics);

/// Reads a section's `_index.md`; nullopt if its front matter cannot be parsed.
std::optional<SectionPage> read_section_text(const PostSource& source, std::string_view bytes,
                                             Diagnostics& diagnostics);

/// The whole file, or nullopt after an error diagnostic.
std::optional<std::string> read_file_bytes(const std::filesystem::path& file, const std::string& display_path,
                                           Diagnostics& diagnostics);

/// `path` relative to the working folder when it is inside it, else as given.
std::string display_path_of(const std::filesystem::path& path);

}  // namespace folio::content
