// Break opportunities inside inline code: only a span that cannot fit on a line of its own
// (or that leaves the line before it loose) is broken, and only where a reader expects a
// code line to wrap: after . / _ :: , and before (.
#include "inline/code_breaks.hpp"

#include <string_view>

#include "base/utf8.hpp"

namespace folio::pdf {

namespace {

constexpr std::string_view kZeroWidthSpace = "\u200B";

/// Monospace width estimate: ASCII takes 0.6 em in the mono faces the code stack uses,
/// anything else (CJK) a full em.
double estimated_width(std::string_view code, double size) {
  double width = 0;
  size_t i = 0;
  while (i < code.size()) {
    const char32_t c = utf8::next(code, i);
    width += (c < 0x80 ? 0.6 : 1.0) * size;
  }
  return width;
}

/// Byte offsets inside `code` where a break may come (never at its start or end).
std::vector<size_t> break_points(std::string_view code) {
  std::vector<size_t> points;
  for (size_t i = 0; i + 1 < code.size(); ++i) {
    const char c = code[i];
    if (c == ':' ) {
      if (code[i + 1] == ':' && i + 2 < code.size()) points.push_back(i + 2), ++i;
      continue;
    }
    // Before an opening parenthesis rather than after it: a line that ends with "(" is a
    // line-end fault (kinsoku_geom.py counts it), one that starts with it is not.
    if (c == '(' && i > 0 && code[i - 1] != '(' && code[i + 1] != ')') {  // not before "()"
      points.push_back(i);
      continue;
    }
    if (c == '.' || c == '/' || c == '_' || c == ',') {
      // A run of the same mark ("//", "...") breaks after its last one.
      if (code[i + 1] == c) continue;
      points.push_back(i + 1);
    }
  }
  return points;
}

// Inserts the break opportunities of code span k; false if it has none (or has them).
bool insert_breaks(InlineText& text, size_t k) {
  const CodeSpan span = text.code[k];
  const std::string_view code(text.text.data() + span.start, static_cast<size_t>(span.end - span.start));
  if (code.find(kZeroWidthSpace) != std::string_view::npos) return false;
  const std::vector<size_t> points = break_points(code);
  for (size_t p = points.size(); p-- > 0;) {
    const int at = span.start + static_cast<int>(points[p]);
    insert_invisible(text, at, kZeroWidthSpace);
  }
  return !points.empty();
}

}  // namespace

void add_code_break_opportunities(InlineText& text, double measure_pt) {
  if (text.code.empty() || measure_pt <= 0) return;
  // From the last span back, so that earlier offsets stay valid while inserting.
  for (size_t k = text.code.size(); k-- > 0;) {
    const CodeSpan& span = text.code[k];
    const std::string_view code(text.text.data() + span.start, static_cast<size_t>(span.end - span.start));
    if (estimated_width(code, span.size) > measure_pt) insert_breaks(text, k);
  }
}

bool add_code_break_opportunities_at(InlineText& text, int offset) {
  for (size_t k = 0; k < text.code.size(); ++k)
    if (text.code[k].start <= offset && offset < text.code[k].end) return insert_breaks(text, k);
  return false;
}

}  // namespace folio::pdf
