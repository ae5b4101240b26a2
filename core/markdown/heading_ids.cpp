// Heading ids as Hugo makes them (autoIDType github, github-ascii, blackfriday), `{#id}` kept.
#include <glib.h>

#include <map>
#include <set>
#include <unordered_map>

#include "base/utf8.hpp"
#include "reading.hpp"

namespace folio::markdown {
namespace {

bool is_letter_or_digit(char32_t c) {
  GUnicodeType t = g_unichar_type(static_cast<gunichar>(c));
  switch (t) {
    case G_UNICODE_LOWERCASE_LETTER: case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER: case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER: case G_UNICODE_DECIMAL_NUMBER:
      return true;
    default:
      return false;
  }
}

/// github-ascii: accents removed (NFD, marks dropped), then anything non-ASCII dropped.
std::string strip_accents(std::string_view text) {
  gchar* nfd = g_utf8_normalize(text.data(), static_cast<gssize>(text.size()), G_NORMALIZE_NFD);
  if (!nfd) return std::string(text);
  std::string out;
  std::string_view s(nfd);
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = utf8::next(s, i);
    if (c < 0x80) out += static_cast<char>(c);
  }
  g_free(nfd);
  return out;
}

}  // namespace

std::string hugo_heading_id(std::string_view raw, std::string_view type) {
  std::string text(raw);
  size_t b = text.find_first_not_of(" \t\n");
  size_t e = text.find_last_not_of(" \t\n");
  text = b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
  std::string out;
  if (type == "blackfriday") {
    // Runs of anything but letters and digits become one '-', trimmed at both ends.
    bool dash = false;
    size_t i = 0;
    while (i < text.size()) {
      char32_t c = utf8::next(text, i);
      if (is_letter_or_digit(c)) {
        if (dash && !out.empty()) out += '-';
        dash = false;
        utf8::append(out, static_cast<char32_t>(g_unichar_tolower(static_cast<gunichar>(c))));
      } else {
        dash = true;
      }
    }
  } else {
    if (type == "github-ascii") text = strip_accents(text);
    size_t i = 0;
    while (i < text.size()) {
      char32_t c = utf8::next(text, i);
      if (c == ' ' || c == '-') out += '-';
      else if (c == '_' || is_letter_or_digit(c))
        utf8::append(out, static_cast<char32_t>(g_unichar_tolower(static_cast<gunichar>(c))));
    }
  }
  if (out.empty()) out = "heading";
  return out;
}

std::string take_heading_attribute(Inlines& children) {
  if (children.empty()) return {};
  auto* t = std::get_if<Text>(&children.back().node);
  if (!t) return {};
  std::string& s = t->text;
  size_t end = s.find_last_not_of(" \t");
  if (end == std::string::npos || s[end] != '}') return {};
  size_t open = s.rfind('{', end);
  if (open == std::string::npos) return {};
  std::string_view inside = std::string_view(s).substr(open + 1, end - open - 1);
  // Attributes: `#id`, `.class`, `key=value`, separated by spaces.
  std::string id;
  bool valid = true;
  size_t k = 0;
  while (k < inside.size()) {
    while (k < inside.size() && inside[k] == ' ') ++k;
    size_t w = k;
    while (k < inside.size() && inside[k] != ' ') ++k;
    std::string_view word = inside.substr(w, k - w);
    if (word.empty()) continue;
    if (word[0] == '#' && word.size() > 1) id = std::string(word.substr(1));
    else if (word[0] != '.' && word.find('=') == std::string_view::npos) valid = false;
  }
  if (!valid || inside.empty()) return {};
  s.erase(open);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  if (s.empty()) children.pop_back();
  return id;
}

void assign_heading_ids(Blocks& blocks, PostReader& reader) {
  std::set<std::string> used;
  std::map<std::string, SourcePos> explicit_ids;
  // Explicit ids first: automatic ones step around them, as Hugo's id registry does.
  for_each_block(blocks, [&](Block& b) {
    if (auto* h = std::get_if<Heading>(&b.node); h && !h->id.empty()) {
      if (auto [it, fresh] = explicit_ids.emplace(h->id, b.pos); !fresh)
        reader.warn_at(b.pos, "duplicate heading id '" + h->id + "' (first at line " +
                                  std::to_string(it->second.line) + ")");
      used.insert(h->id);
    }
  });
  std::set<std::string> explicit_seen;
  std::unordered_map<std::string, int> next_suffix;  // base id -> the last suffix tried
  for_each_block(blocks, [&](Block& b) {
    auto* h = std::get_if<Heading>(&b.node);
    if (!h) return;
    if (!h->id.empty() && explicit_seen.insert(h->id).second) {
      h->post_id = h->id;
      return;
    }
    std::string base = h->id.empty() ? hugo_heading_id(plain_text(h->children), reader.auto_id_type)
                                     : h->id;
    // `used` only grows, so the suffixes tried for a base before stay taken: each search
    // resumes where the last one for that base stopped (100k equal headings stay linear).
    int& n = next_suffix[base];
    std::string id = n == 0 ? base : base + "-" + std::to_string(n);
    while (used.count(id)) id = base + "-" + std::to_string(++n);
    used.insert(id);
    h->id = h->post_id = id;
  });
}

}  // namespace folio::markdown
