// GitHub `:name:` emoji codes: gemoji's full list (the names Hugo's enableEmoji knows).
#include <algorithm>
#include <iterator>
#include <utility>

#include "reading.hpp"

namespace folio::markdown {
namespace {

constexpr std::pair<std::string_view, const char*> kEmoji[] = {
#include "emoji_table.inc"
};

}  // namespace

const char* emoji_for(std::string_view name) {
  auto it = std::lower_bound(std::begin(kEmoji), std::end(kEmoji), name,
                             [](const auto& e, std::string_view n) { return e.first < n; });
  if (it != std::end(kEmoji) && it->first == name) return it->second;
  return nullptr;
}

}  // namespace folio::markdown
