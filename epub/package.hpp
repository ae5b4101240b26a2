// The package document (content.opf): metadata, manifest and spine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "folio/book.hpp"

namespace folio::epub {

/// One file of the publication.
struct ManifestItem {
  std::string id;
  std::string href;         ///< relative to the package document
  std::string media_type;
  std::string properties;   ///< "nav", "cover-image", "svg" ... (space separated)
  bool in_spine = false;    ///< content documents in reading order
  bool linear = true;       ///< false: in the spine but outside the reading order (linear="no")
};

/// What the package says beyond the book's own metadata.
struct PackageInfo {
  std::string identifier;        ///< "urn:uuid:..." or "urn:isbn:..."
  std::string language;          ///< BCP 47
  std::string modified;          ///< "2024-05-01T12:00:00Z"
  std::string date;              ///< "2024-05-01" (W3CDTF), may be empty
  bool has_images = false;       ///< any figure or image is shown (accessMode visual)
  bool alt_text_complete = true; ///< every image has author-written alt text or a caption
  size_t image_count = 0;        ///< images and figures shown
  size_t images_without_alt = 0; ///< of those, with no real alt text (empty, "image", a file name)
  bool has_footnotes = false;    ///< footnotes as links (and back)
  bool has_tables = false;
  bool has_ruby = false;
  /// Every check of the book passed (alt text, language, structure): the package may
  /// then say it conforms to EPUB Accessibility 1.1, WCAG 2.1 AA.
  bool accessibility_checks_pass = false;
  std::vector<ManifestItem> items;  ///< manifest in order; spine = the in_spine items in order
};

/// The book's identifier: meta.identifier (an ISBN becomes `urn:isbn:...`), else a
/// name-based UUID (RFC 9562 version 8, from SHA-256) of the title and each chapter's
/// path and text, so that rebuilding the same book keeps its identifier.
std::string book_identifier(const Book& book);

/// `urn:uuid:` form of the first 16 bytes of SHA-256(`name`), version 8, RFC 4122 variant.
std::string name_based_uuid(const std::string& name);

/// dcterms:modified: SOURCE_DATE_EPOCH (`source_date_epoch`) when given, else the newest
/// post date (or meta.date), else 1970-01-01. In `CCYY-MM-DDThh:mm:ssZ`.
std::string modified_timestamp(const Book& book, std::optional<int64_t> source_date_epoch);

/// The publication date (meta.date, else the newest post date) as `YYYY-MM-DD`; "" if none.
std::string publication_date(const Book& book);

/// SOURCE_DATE_EPOCH from the environment when it holds a number.
std::optional<int64_t> source_date_epoch();

/// The accessibility summary: what the book offers and, when images lack text
/// alternatives, that limit with its count.
std::string accessibility_summary(const PackageInfo& info);

/// content.opf.
std::string render_package(const Book& book, const PackageInfo& info);

}  // namespace folio::epub
