// Names of the PDF's named destinations. cairo 1.16 only links reliably to named,
// non-internal destinations, so every link target gets a name from here.
#pragma once

#include <string>

namespace folio::pdf {

/// The start of chapter `chapter`.
std::string chapter_dest(int chapter);
/// A heading or anchor id inside a chapter (any UTF-8; the name is ASCII).
std::string anchor_dest(int chapter, const std::string& id);
/// A footnote's body and the place that refers to it.
std::string note_dest(int chapter, int number);
std::string note_ref_dest(int chapter, int number);
/// The start of part `part` (its first chapter).
std::string part_dest(int part);

}  // namespace folio::pdf
