// One run of normal Markdown text into inlines: footnote references, emoji, typographer.
#include "base/utf8.hpp"
#include "reading.hpp"

namespace folio::markdown {

void append_normal_text(Inlines& out, std::string_view text, const std::vector<uint32_t>& origins,
                        char32_t previous, bool typographer_on, PostReader& reader) {
  std::string current;
  size_t current_start = 0;
  char32_t before = previous;
  auto flush = [&](size_t at) {
    if (!current.empty()) {
      std::string shown = typographer_on ? typographer(current, before) : current;
      // Merge into a preceding Text so md4c's chunking does not split words.
      if (!out.empty())
        if (auto* t = std::get_if<Text>(&out.back().node);
            t && t->text.find(kMarkerOpen) == std::string::npos) {
          t->text += shown;
          current.clear();
          return;
        }
      out.push_back(Inline{Text{std::move(shown)}, reader.pos(origins[current_start])});
      current.clear();
    }
    (void)at;
  };
  size_t i = 0;
  while (i < text.size()) {
    // `[^label]`: a footnote reference (labels scoped to the post).
    if (text[i] == '[' && i + 2 < text.size() && text[i + 1] == '^') {
      size_t close = text.find(']', i + 2);
      if (close != std::string_view::npos && close > i + 2 &&
          text.substr(i + 2, close - i - 2).find_first_of(" \t\n[") == std::string_view::npos) {
        flush(i);
        out.push_back(Inline{FootnoteRef{std::string(text.substr(i + 2, close - i - 2)), 0},
                             reader.pos(origins[i])});
        before = ']';
        i = close + 1;
        current_start = i;
        continue;
      }
    }
    // `:name:` emoji codes, when the site enables them.
    if (reader.emoji && text[i] == ':') {
      size_t close = text.find(':', i + 1);
      if (close != std::string_view::npos && close > i + 1 && close - i < 64) {
        if (const char* e = emoji_for(text.substr(i + 1, close - i - 1))) {
          if (current.empty()) current_start = i;
          current += e;
          i = close + 1;
          continue;
        }
      }
    }
    if (current.empty()) {
      current_start = i;
      if (i > 0) {
        size_t k = i - 1;
        while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
        before = utf8::next(text, k);
      }
    }
    current += text[i];
    ++i;
  }
  flush(text.size());
}

}  // namespace folio::markdown
