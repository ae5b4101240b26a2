// Helpers that build Books by hand for the EPUB tests (no Markdown reader involved).
#pragma once

#include <cairo.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "folio/book.hpp"

namespace folio::test {

inline Inline text(std::string s) { return Inline{Text{std::move(s)}, {}}; }
inline Inline code(std::string s) { return Inline{Code{std::move(s)}, {}}; }
inline Inline emph(Inlines c) { return Inline{Emphasis{std::move(c)}, {}}; }
inline Inline note(std::string label, int number) { return Inline{FootnoteRef{std::move(label), number}, {}}; }
inline Inline link_to(std::string href, Inlines c, int chapter = -1, std::string fragment = {}, std::string url = {}) {
  Link l;
  l.children = std::move(c);
  l.href = std::move(href);
  l.target.chapter = chapter;
  l.target.fragment = std::move(fragment);
  l.target.url = std::move(url);
  return Inline{std::move(l), {}};
}
inline Block para(Inlines c, uint32_t line = 0) { return Block{Paragraph{std::move(c)}, {line, 1}}; }
inline Block para(std::string s) { return para(Inlines{text(std::move(s))}); }
inline Block heading(int level, std::string id, std::string title) {
  Heading h;
  h.level = level;
  h.id = id;
  h.post_id = id;
  h.children = {text(std::move(title))};
  return Block{std::move(h), {}};
}
inline Block code_block(std::string lang, std::string body) {
  CodeBlock c;
  c.language = lang;
  c.info = lang;
  c.text = std::move(body);
  return Block{std::move(c), {}};
}
inline Footnote footnote(std::string label, int number, std::string body) {
  return Footnote{std::move(label), number, {para(std::move(body))}, {}};
}

inline Chapter chapter(std::string title, std::string rel_path, Blocks blocks, int64_t date = 1600000000) {
  Chapter c;
  c.post.title = std::move(title);
  c.post.rel_path = rel_path;
  c.post.display_path = "content/" + rel_path;
  c.post.date = Date{date, 480, true, true};
  c.post.authors = {"Gopher"};
  c.post.tags = {"meetup", "Go"};
  c.document.source = c.post.display_path;
  c.document.blocks = std::move(blocks);
  return c;
}

/// A fresh folder under the system temp folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("folio-epub-test-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Draws a small PNG with cairo (a real image for the figure tests).
inline bool write_png(const std::filesystem::path& file, int w, int h) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.2, 0.5, 0.8);
  cairo_paint(cr);
  cairo_destroy(cr);
  bool ok = cairo_surface_write_to_png(s, file.c_str()) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(s);
  return ok;
}

inline std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs a shell command and returns its stdout; `status` gets the exit status.
inline std::string run(const std::string& command, int& status) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) {
    status = -1;
    return out;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

/// epubcheck's report on a file (`java -jar epubcheck.jar FILE`, stdout and stderr).
/// The Debian package ships the jar; there is no binfmt handler to run it directly.
inline std::string epubcheck(const std::filesystem::path& epub, int& status) {
  return run("java -jar /usr/share/java/epubcheck.jar '" + epub.string() + "' 2>&1", status);
}

}  // namespace folio::test
