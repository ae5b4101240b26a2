// MappedText and LineIndex: every byte of a rewritten buffer maps back to its line:col.
#include "source_map.hpp"

#include <algorithm>

namespace folio::markdown {

MappedText MappedText::identity(std::string_view body) {
  MappedText m;
  m.text.assign(body);
  m.origin.resize(body.size() + 1);
  for (size_t i = 0; i <= body.size(); ++i) m.origin[i] = static_cast<uint32_t>(i);
  return m;
}

void MappedText::append(const MappedText& from, size_t begin, size_t end) {
  if (end <= begin) return;
  text.append(from.text, begin, end - begin);
  origin.pop_back();
  origin.insert(origin.end(), from.origin.begin() + begin, from.origin.begin() + end);
  origin.push_back(from.at(end));
}

void MappedText::insert(std::string_view s, uint32_t at) {
  if (s.empty()) return;
  text.append(s);
  origin.pop_back();
  origin.insert(origin.end(), s.size(), at);
  origin.push_back(at);
}

LineIndex::LineIndex(std::string_view body, uint32_t body_line) : body_line_(body_line) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < body.size(); ++i)
    if (body[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
}

SourcePos LineIndex::at(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin()) - 1;
  return {static_cast<uint32_t>(body_line_ + line), offset - line_starts_[line] + 1};
}

}  // namespace folio::markdown
