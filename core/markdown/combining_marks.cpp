// Runs of combining marks on one character cut to limits::kMaxCombiningMarks, before any
// other pass: a character with 200,000 accents is one cluster to shape, and HarfBuzz's
// time for a cluster grows with the square of its marks (minutes, for one character).
#include <glib.h>

#include "base/limits.hpp"
#include "base/utf8.hpp"
#include "reading.hpp"

namespace folio::markdown {

MappedText limit_combining_marks(MappedText in, PostReader& reader) {
  const std::string_view s = in.text;
  size_t dropped = 0, places = 0, kept_from = 0;
  uint32_t first_place = 0;
  MappedText out;
  size_t i = 0, marks = 0;
  while (i < s.size()) {
    const size_t at = i;
    const char32_t c = utf8::next(s, i);
    if (!g_unichar_ismark(static_cast<gunichar>(c))) {
      marks = 0;
      continue;
    }
    if (++marks <= limits::kMaxCombiningMarks) continue;
    // A mark past the limit: keep what came before it, skip it.
    if (dropped == 0) out.text.reserve(s.size()), out.origin.reserve(s.size() + 1);
    if (marks == limits::kMaxCombiningMarks + 1) {
      if (places++ == 0) first_place = in.at(at);
    }
    out.append(in, kept_from, at);
    kept_from = i;
    ++dropped;
  }
  if (dropped == 0) return in;
  out.append(in, kept_from, s.size());
  reader.warn(first_place, std::to_string(dropped) + " combining marks dropped: more than " +
                               std::to_string(limits::kMaxCombiningMarks) + " on one character (in " +
                               std::to_string(places) + (places == 1 ? " place)" : " places)"));
  return out;
}

}  // namespace folio::markdown
