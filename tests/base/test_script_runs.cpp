// The context rules both writers share: quotes between Latin letters, Han runs, emphasis dots.
#include <doctest/doctest.h>

#include <string>

#include "base/han_runs.hpp"
#include "base/latin_quotes.hpp"

using namespace folio;

TEST_CASE("a quote between Latin letters is Latin; next to Han it is not") {
  std::string s = "The API’s design";
  CHECK(latin_quote_offsets(s) == std::vector<size_t>{s.find("’")});
  std::string generics = "Go’s “generics” arrived";
  CHECK(latin_quote_offsets(generics).size() == 3);  // ’ “ ”: spaces and quotes are skipped
  CHECK(latin_quote_offsets("中文里的“引号”和‘单引号’").empty());
  CHECK(latin_quote_offsets("Go 的“泛型”").empty());   // Latin on one side only
  CHECK(latin_quote_offsets("’s").empty());            // nothing before it
}

TEST_CASE("Han runs take CJK characters and punctuation; dots only the characters") {
  std::string s = "强调 emphasis，中文";
  auto runs = han_runs(s);
  REQUIRE(runs.size() == 2);
  CHECK(s.substr(runs[0].first, runs[0].second - runs[0].first) == "强调");
  CHECK(s.substr(runs[1].first, runs[1].second - runs[1].first) == "，中文");
  CHECK(takes_emphasis_dot(U'强'));
  CHECK_FALSE(takes_emphasis_dot(U'，'));
  CHECK_FALSE(takes_emphasis_dot(U'。'));
  CHECK_FALSE(takes_emphasis_dot(U'e'));
  CHECK(han_runs("plain").empty());
}
