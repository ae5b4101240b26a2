// AtomicFile: write to a temporary file beside the target, rename into place on commit,
// so a failed or interrupted build never leaves a broken file at the output path.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace folio {

class AtomicFile {
 public:
  /// Picks a unique temporary name beside `target` (nothing is created yet).
  explicit AtomicFile(std::filesystem::path target);
  /// Removes the temporary file unless commit() succeeded.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Where to write (libzip, cairo and fopen all take a path).
  const std::filesystem::path& temp_path() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }
  /// fsyncs and renames the temporary file onto the target. False (with `error`) on failure.
  bool commit(std::string* error = nullptr);
  /// Renames without the fsync: for records whose loss after a crash only costs time.
  bool commit_unsynced(std::string* error = nullptr);

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool committed_ = false;
};

/// Writes `bytes` to `target` atomically. False (with `error`) on failure.
bool write_file_atomically(const std::filesystem::path& target, std::string_view bytes,
                           std::string* error = nullptr);

/// Reads a whole regular file; false (with the OS's reason, or why the file is not a
/// regular one, in `error`) if it cannot be read. A FIFO, a socket or a device is refused
/// without blocking.
bool read_file(const std::filesystem::path& file, std::string& out, std::string* error = nullptr);

}  // namespace folio
