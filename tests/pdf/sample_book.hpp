// A hand-built Book for the PDF tests (Chinese text mixed with English and Go code,
// headings, lists, a quote, a table, footnotes, links and figures).
#pragma once

#include <string>
#include <vector>

#include "folio/book.hpp"

namespace folio::pdf_test {

/// Paragraph texts of the sample, in reading order, per chapter.
struct SampleText {
  std::vector<std::vector<std::string>> paragraphs;
};

/// A book of `chapters` chapters; `paragraphs_per_section` sets its length.
Book sample_book(int chapters, int paragraphs_per_section, SampleText* text = nullptr);

/// A single post with external links, for handout mode.
Book sample_handout(SampleText* text = nullptr);

/// Runs a shell command; returns its stdout, sets *status to its exit status.
std::string run(const std::string& command, int* status = nullptr);

}  // namespace folio::pdf_test
