// Han runs and emphasis dots (see han_runs.hpp).
#include "base/han_runs.hpp"

#include "base/utf8.hpp"

namespace folio {

std::vector<std::pair<size_t, size_t>> han_runs(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> runs;
  bool in_run = false;
  for (size_t at = 0; at < text.size();) {
    size_t here = at;
    char32_t c = utf8::next(text, at);
    bool han = utf8::is_cjk(c) || utf8::is_cjk_punctuation(c);
    if (han && !in_run) runs.push_back({here, here});
    if (han) runs.back().second = at;
    in_run = han;
  }
  return runs;
}

bool takes_emphasis_dot(char32_t c) { return utf8::is_cjk(c) && !utf8::is_cjk_punctuation(c); }

}  // namespace folio
