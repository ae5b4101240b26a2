// Percent-encoding to RFC 3986 (Appendix A's character classes).
#include "base/uri.hpp"

#include <cctype>

namespace folio {
namespace {

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool unreserved_or_delimiter(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  switch (c) {
    case '-': case '.': case '_': case '~':                                       // unreserved
    case ':': case '/': case '?': case '@':                                       // gen-delims
    case '!': case '$': case '&': case '\'': case '(': case ')': case '*':        // sub-delims
    case '+': case ',': case ';': case '=':
      return true;
    default:
      return false;
  }
}

/// Length of a valid scheme followed by ':' at the start of `url`, or 0.
size_t scheme_length(std::string_view url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return 0;
  for (size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return i;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

}  // namespace

std::optional<std::string> to_uri(std::string_view url) {
  static const char hex[] = "0123456789ABCDEF";
  const size_t scheme = scheme_length(url);
  std::string lower_scheme;
  for (size_t i = 0; i < scheme; ++i) lower_scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(url[i])));
  // The authority, where IPv6 brackets may stand: after "//" up to the next / ? #.
  size_t authority_begin = std::string_view::npos, authority_end = std::string_view::npos;
  size_t after_scheme = scheme ? scheme + 1 : 0;
  if (url.compare(after_scheme, 2, "//") == 0) {
    authority_begin = after_scheme + 2;
    authority_end = url.find_first_of("/?#", authority_begin);
    if (authority_end == std::string_view::npos) authority_end = url.size();
  }
  if ((lower_scheme == "http" || lower_scheme == "https") &&
      (authority_begin == std::string_view::npos || authority_end == authority_begin))
    return std::nullopt;
  std::string out;
  out.reserve(url.size());
  bool fragment = false;
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    bool keep = unreserved_or_delimiter(c);
    if (c == '%') keep = i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2]);
    if (c == '#') {
      keep = !fragment;
      fragment = true;
    }
    if (c == '[' || c == ']') keep = i >= authority_begin && i < authority_end;
    if (keep) {
      out += c;
    } else {
      unsigned char b = static_cast<unsigned char>(c);
      out += '%';
      out += hex[b >> 4];
      out += hex[b & 15];
    }
  }
  return out;
}

}  // namespace folio
