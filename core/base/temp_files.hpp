// Temporary files of AtomicFile that must not outlive the build: removed when SIGINT or
// SIGTERM ends the process, and cleaned at the next build when SIGKILL left them.
#pragma once

#include <filesystem>
#include <string_view>

namespace folio {

/// Remembers `path` as a temporary file to remove if the process is interrupted.
void register_temp_file(const std::filesystem::path& path);
/// Forgets `path` (it was renamed into place or removed).
void unregister_temp_file(const std::filesystem::path& path);

/// Installs SIGINT and SIGTERM handlers that remove every registered temporary file and
/// then end the process as the signal would have. For programs (the `folio` command);
/// a library caller with its own handlers can call remove_registered_temp_files() itself.
void remove_temp_files_on_signals();

/// Removes every registered temporary file; async-signal-safe.
void remove_registered_temp_files();

/// Removes AtomicFile temporaries (`NAME.tmp-PID-...`) in `dir` whose process is gone:
/// what a build killed with SIGKILL left behind. Only names starting with `prefix` (all
/// when empty). Returns how many were removed.
size_t remove_stale_temp_files(const std::filesystem::path& dir, std::string_view prefix = {});

}  // namespace folio
