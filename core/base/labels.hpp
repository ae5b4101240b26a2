// Words a writer adds to a book (contents, cover, notes...), in the book's language.
// One table for the EPUB and PDF writers, so the two never name a thing differently.
#pragma once

#include <string>
#include <string_view>

namespace folio {

struct BookLabels {
  std::string contents;       ///< heading of the table of contents
  std::string cover;          ///< landmark of the cover page
  std::string start;          ///< landmark of the first chapter
  std::string footnotes;      ///< heading or label of a chapter's notes
  std::string back_to_text;   ///< what a footnote's back-link does, for screen readers
  std::string figure_missing; ///< placeholder of a figure that could not be fetched
  std::string untitled;       ///< title of a book or chapter that has none
  std::string image;          ///< stands for an image without alt text where text must be shown
};

/// The labels for a BCP 47 language: Simplified and Traditional Chinese, Japanese,
/// Korean, and English for every other language.
BookLabels labels_for(std::string_view language);

}  // namespace folio
