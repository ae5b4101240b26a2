// Helpers for the fonts tests: building small books, running poppler tools, temp folders.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "folio/book.hpp"

namespace folio::test {

inline Inline text_at(std::string s, uint32_t line, uint32_t column) {
  return Inline{Text{std::move(s)}, {line, column}};
}

inline Block paragraph_at(Inlines children, uint32_t line, uint32_t column = 1) {
  return Block{Paragraph{std::move(children)}, {line, column}};
}

/// A book of one chapter whose document is `doc`.
inline Book book_with(Document doc, std::string title = "测试") {
  Book book;
  book.config.meta.title = "书名";
  book.config.meta.language = "zh-CN";
  Chapter chapter;
  chapter.post.title = std::move(title);
  chapter.post.display_path = doc.source;
  chapter.document = std::move(doc);
  book.chapters.push_back(std::move(chapter));
  return book;
}

/// stdout of a shell command (the poppler tools).
inline std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

/// A fresh folder under the system temp folder, removed when it goes out of scope.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("folio-fonts-" + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

}  // namespace folio::test
