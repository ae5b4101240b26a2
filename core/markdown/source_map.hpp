// Text that remembers, byte by byte, where it came from in the post's Markdown file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "folio/document.hpp"

namespace folio::markdown {

/// A buffer built from pieces of the original body plus inserted text; origin[i] is the
/// byte offset in the original body that byte i stands for (inserted text points at the
/// place that caused it). origin has one extra entry for the end of the text.
struct MappedText {
  std::string text;
  std::vector<uint32_t> origin{0};

  /// The whole original body, mapped to itself.
  static MappedText identity(std::string_view body);

  /// Appends bytes [begin, end) of `from`, keeping their origins.
  void append(const MappedText& from, size_t begin, size_t end);
  /// Appends text that was not in the source, all of it standing for `at`.
  void insert(std::string_view s, uint32_t at);
  /// The origin of byte i (the end entry for i == size()).
  uint32_t at(size_t i) const { return i < origin.size() ? origin[i] : origin.back(); }
  size_t size() const { return text.size(); }
};

/// Turns offsets of the original body into (line, column) of the post's file.
class LineIndex {
 public:
  LineIndex(std::string_view body, uint32_t body_line);
  SourcePos at(uint32_t offset) const;

 private:
  std::vector<uint32_t> line_starts_;
  uint32_t body_line_;
};

}  // namespace folio::markdown
