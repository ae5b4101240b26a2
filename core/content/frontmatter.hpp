// Front matter and config text: finding the block (YAML, TOML, JSON) and reading it into a Value.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "folio/diagnostics.hpp"
#include "folio/post.hpp"
#include "folio/value.hpp"

namespace folio::content {

/// A structured document read into a Value, with where each top-level key was written.
struct ParsedData {
  Value value;                                  ///< a map (top-level keys lowercased when asked)
  std::map<std::string, uint32_t> key_lines;    ///< lowercased top-level key -> 1-based line in the file
};

/// Where a file's front matter block is, found as Hugo does: skip blank space, the first
/// character decides (`---` YAML, `+++` TOML, `{` JSON).
struct FrontMatterSplit {
  FrontMatterFormat format = FrontMatterFormat::none;
  std::string_view block;    ///< the text inside the delimiters (the whole object for JSON)
  uint32_t block_line = 1;   ///< 1-based file line where `block` starts
  std::string_view body;     ///< everything after the block
  uint32_t body_line = 1;    ///< 1-based file line where `body` starts
  bool unterminated = false; ///< an opening delimiter without its closing one
  uint32_t open_line = 1;    ///< line of the opening delimiter
};

/// The text with a leading UTF-8 BOM removed and CRLF / lone CR turned into LF
/// (line numbers are unchanged).
std::string normalize_newlines(std::string_view text);

/// Splits normalized text (see normalize_newlines) into front matter and body.
FrontMatterSplit split_front_matter(std::string_view text);

/// How a parse failure is reported: the file to name and the severity to use.
struct ParseReport {
  std::string file;
  Severity severity = Severity::error;
  std::string what;  ///< "front matter", "site config" ... prefixed to the parser's message
};

/// Reads YAML (and JSON, which yaml-cpp reads as YAML flow) whose first line is file line
/// `first_line`. Tabs used for indentation are read as two spaces, with a warning; values
/// that start with ` or @ are read as text, as Hugo's YAML parser does.
/// The top level must be a map. nullopt after a located diagnostic.
std::optional<ParsedData> parse_yaml(std::string_view text, uint32_t first_line, bool lowercase_keys,
                                     const ParseReport& report, Diagnostics& diagnostics);

/// Reads TOML (tomlplusplus); native dates become RFC 3339 text.
std::optional<ParsedData> parse_toml(std::string_view text, uint32_t first_line, bool lowercase_keys,
                                     const ParseReport& report, Diagnostics& diagnostics);

/// Reads the front matter block of `split` (YAML, TOML or JSON) with lowercased top-level keys.
std::optional<ParsedData> parse_front_matter(const FrontMatterSplit& split, const ParseReport& report,
                                             Diagnostics& diagnostics);

}  // namespace folio::content
