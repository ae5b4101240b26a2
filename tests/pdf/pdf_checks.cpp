// Checks on written PDFs shared by the PDF tests.
#include "pdf_checks.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <set>
#include <sstream>

#include "base/utf8.hpp"
#include "inline/cjk_rules.hpp"
#include "sample_book.hpp"

namespace folio::pdf_test {

namespace fs = std::filesystem;


TempDir::TempDir(const std::string& name)
    : path(fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
  fs::create_directories(path);
}

TempDir::~TempDir() {
  if (std::getenv("FOLIO_KEEP_TEST_FILES")) return;  // to look at the PDFs by hand
  std::error_code ec;
  fs::remove_all(path, ec);
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

std::vector<std::string> tokens(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string t;
  while (in >> t) out.push_back(t);
  return out;
}

std::string without_space(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    // A soft hyphen ends a hyphenated line: the word continues on the next one.
    if (s.compare(i, 2, "\u00AD") == 0) {
      ++i;
      continue;
    }
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') out += c;
  }
  return out;
}

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\f\r");
  if (a == std::string::npos) return {};
  size_t b = s.find_last_not_of(" \t\f\r");
  return s.substr(a, b - a + 1);
}

/// The text of the PDF's text blocks (without running heads and page numbers).
std::string body_text(const fs::path& pdf, const pdf::Style& style) {
  std::ostringstream cmd;
  cmd << "pdftotext -x 0 -y " << int(style.margin_top - 2) << " -W " << int(style.page.width) << " -H "
      << int(style.text_height() + 4) << " '" << pdf.string() << "' -";
  return run(cmd.str());
}

void check_fonts_embedded(const fs::path& pdf) {
  int status = 0;
  std::string out = run("pdffonts '" + pdf.string() + "'", &status);
  REQUIRE(status == 0);
  auto rows = lines_of(out);
  REQUIRE(rows.size() > 2);
  int fonts = 0;
  for (size_t i = 2; i < rows.size(); ++i) {
    auto t = tokens(rows[i]);
    if (t.size() < 6) continue;
    ++fonts;
    INFO(rows[i]);
    CHECK(t[t.size() - 5] == "yes");  // emb
    CHECK(t[t.size() - 3] == "yes");  // uni: text extraction works
  }
  CHECK(fonts >= 2);
}

namespace {

/// "X Y" for every Han, space, Han sequence of s.
std::set<std::string> han_spaces(const std::string& s) {
  std::set<std::string> out;
  size_t i = 0, p2 = 0, p1 = 0;
  char32_t c2 = 0, c1 = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = utf8::next(s, i);
    if (c1 == U' ' && utf8::is_han(c2) && utf8::is_han(c)) out.insert(s.substr(p2, i - p2));
    c2 = c1;
    p2 = p1;
    c1 = c;
    p1 = start;
  }
  return out;
}

}  // namespace

void check_han_spacing_and_kinsoku(const std::string& text, const std::vector<std::string>& source_texts) {
  std::set<std::string> allowed;
  for (const std::string& s : source_texts) {
    auto pairs = han_spaces(s);
    allowed.insert(pairs.begin(), pairs.end());
  }
  // No space between two Han characters that the source does not have.
  int bad_spaces = 0;
  for (const std::string& found : han_spaces(text)) {
    INFO(found);
    CHECK(allowed.count(found) == 1);
    bad_spaces += allowed.count(found) == 0;
  }
  CHECK(bad_spaces == 0);
  // No line ends with a mark that may not end it. Line starts are checked from glyph
  // positions (kinsoku_lines.py, tests pdf_kinsoku_lines_*): pdftotext splits a line after
  // an emoji image and at some wide gaps, so its line starts are not the PDF's.
  for (const std::string& raw : lines_of(text)) {
    std::string line = trim(raw);
    if (line.empty()) continue;
    char32_t last = 0;
    for (size_t j = 0; j < line.size();) last = utf8::next(line, j);
    INFO(line);
    // ASCII brackets in code lines are not subject to the CJK rules.
    if (last >= 0x80) CHECK(pdf::cjk_may_end_line(last));
  }
}

std::string pdfinfo_field(const std::string& info, const std::string& key) {
  for (const std::string& line : lines_of(info))
    if (line.rfind(key + ":", 0) == 0) return trim(line.substr(key.size() + 1));
  return {};
}


}  // namespace folio::pdf_test
