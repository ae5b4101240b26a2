// Resolve: where a figure's `src` points: a local file inside the content roots, an
// http(s) URL after rewrite rules, or a refusal with the reason.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "folio/config.hpp"
#include "folio/content.hpp"
#include "folio/post.hpp"

namespace folio::figures {

/// What a figure source resolved to.
struct ResolvedSource {
  enum class Kind {
    local,    ///< `file` is an existing file inside the allowed roots
    remote,   ///< `url` is an http or https URL (after rewrites)
    missing,  ///< a local path that names no file (warning)
    refused,  ///< a path leading outside the content roots (an error: it may be an attack)
    unsupported,  ///< a scheme we do not fetch (file:, ftp:, data:, ...) or a URL without a host
  };
  Kind kind = Kind::missing;
  std::filesystem::path file;
  std::string url;
  std::string reason;  ///< for missing, refused and unsupported
  /// Extra request headers for the URL's host ("Name: value"), from FigureOptions::headers.
  std::vector<std::string> headers;
};

/// The folders figures may come from and where site-absolute paths are looked up.
struct ResolveRoots {
  std::vector<std::filesystem::path> static_dirs;   ///< `/images/x.png` is looked up here first
  std::vector<std::filesystem::path> content_dirs;  ///< then here (`/posts/slug/x.png` bundle resources)
  std::vector<std::filesystem::path> allowed;       ///< weakly_canonical roots a local file must be under
  std::filesystem::path base_dir;                   ///< rewrite targets that are folders are relative to this
};

/// The roots for a collection: each ContentRoot's content_dir and static_dirs, plus
/// options.static_dirs and rewrite targets that are local folders (relative to base_dir).
ResolveRoots make_roots(const Collection& collection, const FigureOptions& options,
                        const std::filesystem::path& base_dir);

/// Resolves `src` as written in `post`. Never reads a file; only looks at paths (a
/// symlink pointing outside is refused because its canonical path is outside).
ResolvedSource resolve_source(std::string_view src, const Post& post, const ResolveRoots& roots,
                              const FigureOptions& options);

/// `%E5%9B%BE` → bytes; invalid escapes are kept as written.
std::string percent_decode(std::string_view s);

/// The host part of an http(s) URL, lowercased ("" if none).
std::string url_host(std::string_view url);

}  // namespace folio::figures
