// HTML5 named character references (`&check;`, `&NewLine;`), the whole WHATWG table.
#include <algorithm>
#include <iterator>
#include <utility>

#include "reading.hpp"

namespace folio::markdown {
namespace {

constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
#include "html_entities.inc"
};

}  // namespace

std::optional<std::string_view> named_entity(std::string_view name) {
  auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), name,
                             [](const auto& e, std::string_view n) { return e.first < n; });
  if (it != std::end(kEntities) && it->first == name) return it->second;
  return std::nullopt;
}

}  // namespace folio::markdown
