#include <doctest/doctest.h>

#include "base/utf8.hpp"

using namespace folio;

TEST_CASE("utf8 decoding and encoding round-trip") {
  std::string s = "Go 语言 🎉";
  std::string back;
  size_t i = 0;
  while (i < s.size()) utf8::append(back, utf8::next(s, i));
  CHECK(back == s);
  CHECK(utf8::length(s) == 7);
}

TEST_CASE("invalid UTF-8 is found and replaced") {
  std::string bad = "ok\xff\xfe" "done";
  CHECK(utf8::find_invalid(bad) == 2);
  CHECK(utf8::sanitize(bad) == "ok\xEF\xBF\xBD\xEF\xBF\xBD" "done");
  CHECK(utf8::find_invalid("\xEF\xBF\xBD") == std::string::npos);  // a real U+FFFD is valid
  CHECK(utf8::find_invalid("\xC0\xAF") == 0);                      // overlong
  CHECK(utf8::find_invalid("\xED\xA0\x80") == 0);                  // surrogate
}

TEST_CASE("CJK classes") {
  CHECK(utf8::is_han(U'语'));
  CHECK_FALSE(utf8::is_han(U'a'));
  CHECK(utf8::is_cjk(U'，'));
  CHECK(utf8::is_cjk(U'か'));
  CHECK_FALSE(utf8::is_cjk(U'é'));
  CHECK(utf8::is_cjk_punctuation(U'。'));
}
