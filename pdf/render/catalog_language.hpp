// The document language in a written PDF's catalog (/Lang), which screen readers and text
// extraction use to pick a voice and word rules. cairo 1.16 has no API for it, so it goes in
// as an incremental update appended to the finished file: the catalog object again with
// /Lang added, a one-entry cross-reference section and a trailer pointing back at cairo's
// (ISO 32000-1, 7.5.6). Readers take the newest version of an object.
#pragma once

#include <filesystem>
#include <string>

namespace folio::pdf {

/// Appends the update to `file` (a PDF cairo has finished). False with `error` set when
/// the file cannot be read or written or its trailer is not one cairo writes; the file is
/// then as it was, or has a partial tail that the caller discards with the file.
bool add_catalog_language(const std::filesystem::path& file, const std::string& language, std::string& error);

}  // namespace folio::pdf
