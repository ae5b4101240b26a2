// Running heads: a title set in one line through the same inline rules as body text.
#pragma once

#include <string>

#include "handles.hpp"
#include "text_context.hpp"

namespace folio::pdf {

/// How a running head is set.
struct RunningHeadSpec {
  std::string families;       ///< body font families
  double size = 8;            ///< points
  double latin_gap_em = 0.25; ///< Han–Latin gap, as in the body
  double max_width = 0;       ///< points; a longer title is cut with an ellipsis (0: never)
};

/// One line of `title` with the body text's CJK rules (Han–Latin gaps placed on the Latin
/// side, punctuation compression), never wrapped.
SharedLayout running_head_layout(const TextContext& text, const std::string& title, const RunningHeadSpec& spec);

}  // namespace folio::pdf
