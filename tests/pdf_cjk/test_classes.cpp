// clreq/JLReq character classes: which marks may start or end a line.
#include <doctest/doctest.h>

#include <string_view>

#include "base/utf8.hpp"
#include "inline/cjk.hpp"

using folio::pdf::may_end_line;
using folio::pdf::may_start_line;

namespace {
void require_all(std::string_view chars, bool (*predicate)(char32_t), bool expected) {
  size_t i = 0;
  while (i < chars.size()) {
    const char32_t c = folio::utf8::next(chars, i);
    CAPTURE(static_cast<unsigned>(c));
    CHECK(predicate(c) == expected);
  }
}
}  // namespace

TEST_CASE("clreq basic and strict: marks that may not start a line") {
  require_all("，。、；：？！）」』】》〉〕〗”’·‧・—～⸺…⋯％‰℃々ーぁっャヶ", may_start_line, false);
}

TEST_CASE("ideographs, letters, digits and opening marks may start a line") {
  require_all("中文字Goa1（「『【《〈〔〖“‘-.", may_start_line, true);
}

TEST_CASE("opening marks and the full-width solidus may not end a line") {
  require_all("（「『【《〈〔〖“‘／", may_end_line, false);
  require_all("中a1。，）」”/", may_end_line, true);
}
