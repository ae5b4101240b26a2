// Language detection: which script dominates the book's prose.
#include "base/language.hpp"

#include "base/utf8.hpp"
#include "base/document_text.hpp"

namespace folio {

ScriptCounts count_scripts(std::string_view text) {
  ScriptCounts counts;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = utf8::next(text, i);
    if (utf8::is_han(c)) ++counts.han;
    else if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9D))
      ++counts.kana;
    else if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F))
      ++counts.hangul;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7))
      ++counts.latin;
  }
  return counts;
}

std::string language_from_counts(const ScriptCounts& c) {
  size_t cjk = c.han + c.kana + c.hangul;
  if (cjk == 0 || cjk * 3 < c.latin) return "en";
  if (c.hangul > c.han + c.kana) return "ko";
  if (c.kana > 0 && c.kana * 10 >= c.han + c.kana) return "ja";
  return "zh-CN";
}

std::optional<std::string> normalize_language_tag(std::string_view tag) {
  while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
  while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
  tag = tag.substr(0, tag.find_first_of(".@"));  // a locale's codeset or modifier
  std::string out;
  size_t subtag = 0;  // letters and digits since the last '-'
  for (char c : tag) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == '_' || c == '-') {
      if (subtag == 0) return std::nullopt;
      out += '-';
      subtag = 0;
    } else if (alnum && subtag < 8) {
      out += c;
      ++subtag;
    } else {
      return std::nullopt;
    }
  }
  if (subtag == 0) return std::nullopt;
  // The primary subtag: two or three letters ("C" and "POSIX" are locales, not languages).
  size_t primary = out.find('-') == std::string::npos ? out.size() : out.find('-');
  if (primary < 2 || primary > 3) return std::nullopt;
  for (size_t i = 0; i < primary; ++i)
    if (out[i] >= '0' && out[i] <= '9') return std::nullopt;
  return out;
}

std::string book_language(const Book& book) {
  if (auto tag = normalize_language_tag(book.meta().language)) return *tag;
  // A sample is enough to tell the script; reading a few hundred KB keeps big books fast.
  constexpr size_t sample_limit = 512 * 1024;
  ScriptCounts total;
  auto add = [&](std::string_view text) {
    ScriptCounts c = count_scripts(text);
    total.han += c.han;
    total.kana += c.kana;
    total.hangul += c.hangul;
    total.latin += c.latin;
  };
  add(book.meta().title);
  size_t seen = 0;
  for (const auto& chapter : book.chapters) {
    if (seen > sample_limit) break;
    add(chapter.post.title);
    std::string text = document_text(chapter.document, false);
    seen += text.size();
    add(text);
  }
  return language_from_counts(total);
}

}  // namespace folio
