// HTML5 named character references (`&check;`, `&NewLine;`), the whole WHATWG table.
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <utility>

#include "base/utf8.hpp"
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

void html5_references_as_numeric(std::string& html, std::vector<uint32_t>& origins) {
  std::string out;
  std::vector<uint32_t> out_origins;
  const bool mapped = origins.size() == html.size();
  size_t copied = 0;  // html[copied..] is not in `out` yet
  for (size_t amp = html.find('&'); amp != std::string::npos; amp = html.find('&', amp + 1)) {
    size_t end = amp + 1;
    while (end < html.size() && end - amp <= 40 && std::isalnum(static_cast<unsigned char>(html[end]))) ++end;
    if (end >= html.size() || html[end] != ';' || end == amp + 1) continue;
    const std::string name = html.substr(amp + 1, end - amp - 1);
    if (htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str())) != nullptr) continue;
    auto chars = named_entity(name);
    if (!chars) continue;
    std::string numeric;
    for (size_t i = 0; i < chars->size();) {
      char ref[16];
      std::snprintf(ref, sizeof ref, "&#x%X;", static_cast<unsigned>(utf8::next(*chars, i)));
      numeric += ref;
    }
    out.append(html, copied, amp - copied);
    out += numeric;
    if (mapped) {
      out_origins.insert(out_origins.end(), origins.begin() + long(copied), origins.begin() + long(amp));
      out_origins.insert(out_origins.end(), numeric.size(), origins[amp]);
    }
    copied = end + 1;
    amp = end;
  }
  if (copied == 0) return;
  out.append(html, copied);
  if (mapped) out_origins.insert(out_origins.end(), origins.begin() + long(copied), origins.end());
  html = std::move(out);
  if (mapped) origins = std::move(out_origins);
}

}  // namespace folio::markdown
