// Hyphenation with libhyphen. Why U+00AD in the layout text rather than a Pango attribute:
// Pango 1.50 has no attribute that adds a break opportunity (allow-breaks only takes them
// away), but it breaks at a soft hyphen and draws a hyphen there (insert-hyphens, on
// outside inline code), and draws nothing for one that does not end a line. So the
// hyphenation points of the words chosen go into the text as U+00AD, the way
// code_breaks.cpp puts U+200B into long code, with every byte range behind them moved.
#include "inline/hyphenation.hpp"

#include <hyphen.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string_view>

#include "base/utf8.hpp"

namespace folio::pdf {

namespace {

constexpr std::string_view kSoftHyphen = "\u00AD";
/// libhyphen's margins: letters kept before the first and after the last hyphen.
constexpr int kLeftMin = 2, kRightMin = 3;
constexpr size_t kShortestWord = kLeftMin + kRightMin;
/// Wraps of a paragraph that look for loose lines to hyphenate after the first.
constexpr int kPasses = 3;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

// Characters that end a token: white space and CJK text (Latin words inside Chinese text
// are separate tokens, with or without a space).
bool ends_token(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == 0xA0 || c == 0x2028 || c == 0x200B || c >= 0x2E80;
}

// Punctuation that may stand around a word without making it something else.
bool is_word_punctuation(char32_t c) {
  switch (c) {
    case U',': case U';': case U':': case U'!': case U'?': case U'"': case U'\'': case U'(': case U')':
    case U'[': case U']': case U'-': case U'.': case 0x2018: case 0x2019: case 0x201C: case 0x201D:
    case 0x2013: case 0x2014: case 0x2026: case 0xAB: case 0xBB:
      return true;
    default:
      return false;
  }
}

// Adds the words of one token [start, end) of `text` to `out`, unless the token is not prose.
void add_token_words(std::string_view text, size_t start, size_t end, std::vector<HyphenWord>& out) {
  const std::string_view token = text.substr(start, end - start);
  if (token.find("://") != std::string_view::npos || token.find("www.") != std::string_view::npos) return;
  std::vector<HyphenWord> words;
  size_t i = start;
  char32_t previous = 0;
  while (i < end) {
    const size_t at = i;
    const char32_t c = utf8::next(text, i);
    if (is_ascii_letter(c)) {
      size_t word_end = i;
      while (word_end < end && is_ascii_letter(static_cast<unsigned char>(text[word_end]))) ++word_end;
      // A dot or an apostrophe between letters: a host or file name, an abbreviation, a
      // contraction ("don't"): leave the whole token alone.
      if (previous == U'.' && at >= start + 2 && is_ascii_letter(static_cast<unsigned char>(text[at - 2]))) return;
      const std::string_view word = text.substr(at, word_end - at);
      bool inner_capital = false;
      for (size_t k = 1; k < word.size(); ++k) inner_capital = inner_capital || std::isupper(static_cast<unsigned char>(word[k]));
      if (inner_capital) return;
      if (word.size() >= kShortestWord) words.push_back({static_cast<int>(at), static_cast<int>(word_end)});
      i = word_end;
      previous = static_cast<unsigned char>(text[word_end - 1]);
      continue;
    }
    // Digits, `_`, `/`, `@`, `#`, `=`, letters beyond ASCII...: code or a name, not prose.
    if (!is_word_punctuation(c)) return;
    if ((c == U'.' || c == U'\'' || c == 0x2019) && is_ascii_letter(previous) && i < end &&
        is_ascii_letter(static_cast<unsigned char>(text[i])))
      return;
    previous = c;
  }
  out.insert(out.end(), words.begin(), words.end());
}

}  // namespace

std::unique_ptr<Hyphenator> Hyphenator::load(const std::string& language, const std::string& dir) {
  namespace fs = std::filesystem;
  std::string primary = lower(language.substr(0, language.find_first_of("-_")));
  std::string region;
  if (size_t dash = language.find_first_of("-_"); dash != std::string::npos) {
    region = language.substr(dash + 1, 2);
    for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (primary == "zh" || primary == "ja" || primary == "ko" || primary.empty()) primary = "en", region = "US";
  if (primary == "en" && region != "GB") region = "US";
  std::vector<fs::path> candidates;
  if (!region.empty()) candidates.push_back(fs::path(dir) / ("hyph_" + primary + "_" + region + ".dic"));
  candidates.push_back(fs::path(dir) / ("hyph_" + primary + ".dic"));
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), stop; !ec && it != stop; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("hyph_" + primary + "_", 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".dic")
      candidates.push_back(it->path());
  }
  std::sort(candidates.begin() + std::min<ptrdiff_t>(2, static_cast<ptrdiff_t>(candidates.size())), candidates.end());
  for (const fs::path& path : candidates) {
    if (!fs::is_regular_file(path, ec)) continue;
    if (HyphenDict* dict = hnj_hyphen_load(path.c_str())) return std::unique_ptr<Hyphenator>(new Hyphenator(dict));
  }
  return nullptr;
}

Hyphenator::~Hyphenator() { hnj_hyphen_free(dict_); }

std::vector<size_t> Hyphenator::points(std::string_view word) const {
  std::vector<size_t> out;
  if (word.size() < kShortestWord || word.size() > 60) return out;
  const std::string lowered = lower(std::string(word));
  std::vector<char> hyphens(lowered.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  if (hnj_hyphen_hyphenate3(dict_, lowered.c_str(), static_cast<int>(lowered.size()), hyphens.data(), nullptr, &rep,
                            &pos, &cut, kLeftMin, kRightMin, 0, 0) == 0) {
    // hyphens[k] odd: a break after letter k. Non-standard points (replacements) are
    // for other languages' spelling changes; English has none, and they are skipped.
    for (size_t k = 0; k + 1 < lowered.size(); ++k)
      if ((hyphens[k] & 1) != 0 && (rep == nullptr || rep[k] == nullptr)) out.push_back(k + 1);
  }
  if (rep != nullptr) {
    for (size_t k = 0; k < lowered.size(); ++k) free(rep[k]);
    free(rep);
  }
  free(pos);
  free(cut);
  // The margins again: some patterns set their own smaller ones.
  std::erase_if(out, [&](size_t p) { return p < kLeftMin || p + kRightMin > word.size(); });
  return out;
}

std::vector<HyphenWord> hyphenatable_words(const InlineText& text) {
  std::vector<HyphenWord> words;
  const std::string_view s = text.text;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = utf8::next(s, i);
    if (ends_token(c)) continue;
    size_t end = i;
    while (end < s.size()) {
      size_t next = end;
      if (ends_token(utf8::next(s, next))) break;
      end = next;
    }
    add_token_words(s, start, end, words);
    i = end;
  }
  // Never inside inline code, nor in a link that shows its URL.
  std::erase_if(words, [&](const HyphenWord& w) {
    for (const CodeSpan& c : text.code)
      if (w.start < c.end && c.start < w.end) return true;
    for (const LinkSpan& l : text.links)
      if (w.start < l.end && l.start < w.end && !l.target.url.empty() &&
          std::string_view(text.text).substr(static_cast<size_t>(l.start), static_cast<size_t>(l.end - l.start)) ==
              l.target.url)
        return true;
    return false;
  });
  return words;
}

int hyphenate_loose_lines(PangoLayout* layout, InlineText& text, const Hyphenator& hyphenator, int width,
                          int (*room)(PangoLayoutLine*)) {
  const std::vector<HyphenWord> words = hyphenatable_words(text);
  if (words.empty()) return 0;
  enum class State { whole, hyphenated, kept_whole };
  std::vector<State> state(words.size(), State::whole);
  std::vector<std::vector<size_t>> points(words.size());
  std::vector<bool> known(words.size(), false);
  const int indent = pango_layout_get_indent(layout);
  InlineText current = clone(text);
  std::vector<int> inserted;  // offsets in `text` where a soft hyphen went, ascending

  const auto word_at = [&](int source_offset) -> int {
    auto it = std::upper_bound(words.begin(), words.end(), source_offset,
                               [](int o, const HyphenWord& w) { return o < w.start; });
    if (it == words.begin()) return -1;
    --it;
    return source_offset < it->end ? static_cast<int>(it - words.begin()) : -1;
  };
  // Layout offset -> offset in `text`.
  const auto source = [&](int offset) {
    int k = 0;
    while (k < static_cast<int>(inserted.size()) &&
           inserted[static_cast<size_t>(k)] + k * static_cast<int>(kSoftHyphen.size()) < offset)
      ++k;
    return offset - k * static_cast<int>(kSoftHyphen.size());
  };
  const auto rewrap = [&] {
    current = clone(text);
    inserted.clear();
    for (size_t w = words.size(); w-- > 0;) {
      if (state[w] != State::hyphenated) continue;
      for (size_t p = points[w].size(); p-- > 0;) {
        const int at = words[w].start + static_cast<int>(points[w][p]);
        insert_invisible(current, at, kSoftHyphen);
        inserted.push_back(at);
      }
    }
    std::sort(inserted.begin(), inserted.end());
    pango_layout_set_text(layout, current.text.data(), static_cast<int>(current.text.size()));
    pango_layout_set_attributes(layout, current.attrs.get());
  };
  const auto ends_hyphenated = [&](PangoLayoutLine* line) {
    const int end = line->start_index + line->length;
    return end >= 2 && current.text.compare(static_cast<size_t>(end) - 2, 2, kSoftHyphen) == 0;
  };

  bool changed_ever = false;
  for (int pass = 0; pass <= kPasses; ++pass) {
    bool changed = false;
    int run = 0;
    for (GSList* l = pango_layout_get_lines_readonly(layout); l != nullptr && l->next != nullptr; l = l->next) {
      auto* line = static_cast<PangoLayoutLine*>(l->data);
      auto* next = static_cast<PangoLayoutLine*>(l->next->data);
      if (next->is_paragraph_start) continue;
      if (ends_hyphenated(line)) {
        // A third hyphen in a row: that word stays whole.
        if (++run > kMaxHyphenatedLines) {
          const int w = word_at(source(line->start_index + line->length - 2));
          if (w >= 0) state[static_cast<size_t>(w)] = State::kept_whole, changed = true;
          run = 0;
        }
        continue;
      }
      run = 0;
      if (pass == kPasses) continue;  // the last round only takes hyphens away
      const int end = line->start_index + line->length;
      if (end >= 3 && current.text.compare(static_cast<size_t>(end) - 3, 3, "\u2028") == 0) continue;
      PangoRectangle logical;
      pango_layout_line_get_extents(line, nullptr, &logical);
      const int measure = width - (line->is_paragraph_start ? std::max(indent, 0) : std::max(-indent, 0));
      if (measure - logical.width <= room(line)) continue;
      int start = next->start_index;
      while (static_cast<size_t>(start) < current.text.size() && current.text[static_cast<size_t>(start)] == ' ') ++start;
      const int w = word_at(source(start));
      if (w < 0 || state[static_cast<size_t>(w)] != State::whole) continue;
      if (!known[static_cast<size_t>(w)]) {
        const HyphenWord& word = words[static_cast<size_t>(w)];
        points[static_cast<size_t>(w)] = hyphenator.points(
            std::string_view(text.text).substr(static_cast<size_t>(word.start), static_cast<size_t>(word.end - word.start)));
        known[static_cast<size_t>(w)] = true;
      }
      if (points[static_cast<size_t>(w)].empty()) continue;
      state[static_cast<size_t>(w)] = State::hyphenated;
      changed = true;
    }
    if (!changed) break;
    rewrap();
    changed_ever = true;
    if (pass == kPasses) --pass;  // keep taking hyphens away until no run is too long
  }
  if (!changed_ever) return 0;
  text = std::move(current);
  return static_cast<int>(std::count(state.begin(), state.end(), State::hyphenated));
}

}  // namespace folio::pdf
