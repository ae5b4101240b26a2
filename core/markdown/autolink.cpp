// Where a bare-URL autolink ends. md4c takes every non-space character, so a URL that
// runs into Chinese text swallows it: "https://golang.org，你也会" must stop at "，".
#include <cctype>

#include "base/utf8.hpp"
#include "reading.hpp"

namespace folio::markdown {
namespace {

/// Characters that never belong to a bare URL written in running text.
bool ends_url(char32_t c) {
  return c <= 0x20 || c == '<' || utf8::is_cjk(c) || utf8::is_cjk_punctuation(c) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
}

/// GFM's trailing-punctuation rules for extended autolinks.
size_t trim_trailing(std::string_view url, size_t end) {
  while (end > 0) {
    char c = url[end - 1];
    if (c == '?' || c == '!' || c == '.' || c == ',' || c == ':' || c == '*' || c == '_' || c == '~' ||
        c == '\'' || c == '"') {
      --end;
      continue;
    }
    if (c == ')') {
      int open = 0, close = 0;
      for (size_t k = 0; k < end; ++k) {
        if (url[k] == '(') ++open;
        if (url[k] == ')') ++close;
      }
      if (close > open) {
        --end;
        continue;
      }
      break;
    }
    if (c == ';') {  // `&hellip;` at the end is an entity reference, not the URL's
      size_t amp = url.rfind('&', end - 1);
      if (amp != std::string_view::npos && amp + 2 < end) {
        bool name = true;
        for (size_t k = amp + 1; k + 1 < end; ++k)
          name = name && std::isalnum(static_cast<unsigned char>(url[k]));
        if (name) {
          end = amp;
          continue;
        }
      }
      break;
    }
    break;
  }
  return end;
}

}  // namespace

size_t autolink_length(std::string_view text) {
  size_t i = 0, end = 0;
  while (i < text.size()) {
    if (ends_url(utf8::next(text, i))) break;
    end = i;
  }
  return trim_trailing(text, end);
}

}  // namespace folio::markdown
