// Which files a build may read: only regular files and folders inside the site.
#pragma once

#include <filesystem>
#include <string>

namespace folio::content {

/// True when `path`, with every symlink in it followed, lies inside `root` (also resolved).
/// A post or folder symlinked to /etc, or to another site, is outside.
bool resolves_inside(const std::filesystem::path& path, const std::filesystem::path& root);

/// Why `path` is not a regular file or folder ("a named pipe (FIFO)", "a socket",
/// "a device"), or empty when it is one (or does not exist). Only stats: never opens.
std::string special_file_kind(const std::filesystem::path& path);

}  // namespace folio::content
