// Language detection from the book's text, and book.yaml's language winning over it.
#include <doctest/doctest.h>

#include "book_fixture.hpp"
#include "base/language.hpp"

using namespace folio;
using namespace folio::test;

namespace {
Book book_of(std::vector<std::string> paragraphs, Blocks extra = {}) {
  Blocks blocks;
  for (auto& p : paragraphs) blocks.push_back(para(p));
  for (auto& b : extra) blocks.push_back(std::move(b));
  Book book;
  book.chapters.push_back(chapter("t", "posts/a.md", std::move(blocks)));
  return book;
}
}  // namespace

TEST_CASE("Chinese prose with English words is zh-CN") {
  Book b = book_of({"我们在 Go 语言的 goroutine 调度器里看到了 work stealing 的实现，它让 runtime 更高效。"});
  CHECK(book_language(b) == "zh-CN");
}

TEST_CASE("code does not make a Chinese book English") {
  std::string go;
  for (int i = 0; i < 200; ++i) go += "func handler(w http.ResponseWriter, r *http.Request) { return }\n";
  Book b = book_of({"这是一段很短的中文说明。"}, {code_block("go", go)});
  CHECK(book_language(b) == "zh-CN");
}

TEST_CASE("kana makes Japanese, hangul makes Korean, Latin text makes English") {
  CHECK(book_language(book_of({"これは日本語の文章です。東京で勉強会を開きました。"})) == "ja");
  CHECK(book_language(book_of({"이것은 한국어 문장입니다. 서울에서 모임을 열었습니다."})) == "ko");
  CHECK(book_language(book_of({"The scheduler steals work from other threads when idle."})) == "en");
  CHECK(book_language(book_of({"English with a single 字 is still English text overall."})) == "en");
  CHECK(book_language(Book{}) == "en");
}

TEST_CASE("book.yaml's language is used as it is") {
  Book b = book_of({"我们在 Go 语言的调度器里看到了实现。"});
  b.config.meta.language = "zh-TW";
  CHECK(book_language(b) == "zh-TW");
}

TEST_CASE("the environment does not change detection") {
  setenv("LANG", "C", 1);
  setenv("LC_ALL", "ja_JP.UTF-8", 1);
  CHECK(book_language(book_of({"中文内容，讲述调度器。"})) == "zh-CN");
}

TEST_CASE("language tags are normalized; what is not a tag falls back to detection") {
  CHECK(normalize_language_tag("zh-CN") == "zh-CN");
  CHECK(normalize_language_tag(" zh_CN.UTF-8 ") == "zh-CN");
  CHECK(normalize_language_tag("zh-Hant-TW") == "zh-Hant-TW");
  CHECK(normalize_language_tag("en") == "en");
  CHECK_FALSE(normalize_language_tag("C"));
  CHECK_FALSE(normalize_language_tag("POSIX"));
  CHECK_FALSE(normalize_language_tag(""));
  CHECK_FALSE(normalize_language_tag("zh--CN"));
  CHECK_FALSE(normalize_language_tag("中文"));
  Book b = book_of({"我们在 Go 语言的调度器里看到了实现。"});
  b.config.meta.language = "C";
  CHECK(book_language(b) == "zh-CN");
  b.config.meta.language = "ja_JP.UTF-8";
  CHECK(book_language(b) == "ja-JP");
}
