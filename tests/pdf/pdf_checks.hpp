// Checks on written PDFs shared by the PDF tests: they run poppler-utils and qpdf.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "style.hpp"

namespace folio::pdf_test {

/// A scratch folder removed at the end of the test (kept when FOLIO_KEEP_TEST_FILES is set).
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name = "folio-pdf-test");
  ~TempDir();
};

std::vector<std::string> lines_of(const std::string& s);
std::vector<std::string> tokens(const std::string& line);
/// s without white space, nor the soft hyphens that end hyphenated lines.
std::string without_space(const std::string& s);
std::string trim(const std::string& s);

/// The text of the PDF's text blocks (without running heads and page numbers).
std::string body_text(const std::filesystem::path& pdf, const pdf::Style& style);
/// pdffonts: every font embedded, with a ToUnicode map; at least two fonts.
void check_fonts_embedded(const std::filesystem::path& pdf);
/// No space between two Han characters unless one of `source_texts` has that space; no
/// line starting or ending with a mark clreq forbids there (a line that opens one of the
/// source texts may start with a dash or quote: that is no line-break decision).
void check_han_spacing_and_kinsoku(const std::string& text, const std::vector<std::string>& source_texts = {});
/// A field of pdfinfo's output.
std::string pdfinfo_field(const std::string& info, const std::string& key);

}  // namespace folio::pdf_test
