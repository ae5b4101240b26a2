// UTF-8 helpers shared by every stage: decoding, validation and character classes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace folio::utf8 {

/// Decodes the code point at s[i] and advances i past it. Invalid bytes decode as
/// U+FFFD and advance by one byte.
char32_t next(std::string_view s, size_t& i);

/// Appends code point c as UTF-8.
void append(std::string& out, char32_t c);

/// Offset of the first invalid byte sequence, or npos if s is valid UTF-8.
size_t find_invalid(std::string_view s);

/// s with every invalid sequence replaced by U+FFFD.
std::string sanitize(std::string_view s);

/// Number of code points.
size_t length(std::string_view s);

/// Han ideographs (CJK Unified Ideographs and extensions, compatibility ideographs).
bool is_han(char32_t c);
/// Han, Kana, Hangul, Bopomofo and CJK/full-width punctuation: characters between
/// which a soft line break is dropped rather than turned into a space.
bool is_cjk(char32_t c);
/// CJK symbols and punctuation, full-width forms (，。「」（） ...).
bool is_cjk_punctuation(char32_t c);

}  // namespace folio::utf8
