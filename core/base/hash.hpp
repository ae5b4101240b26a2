// Content hashes (SHA-256 through GLib, which Pango already brings).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace folio {

/// Lowercase hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);
/// Lowercase hex SHA-256 of a file's bytes, streamed; nullopt if it cannot be read.
std::optional<std::string> sha256_file(const std::filesystem::path& file);

}  // namespace folio
