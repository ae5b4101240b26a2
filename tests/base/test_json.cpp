#include <doctest/doctest.h>

#include "base/json_writer.hpp"
#include "folio/value.hpp"

using namespace folio;

TEST_CASE("JsonWriter escapes strings and nests containers") {
  JsonWriter w;
  w.begin_object();
  w.key("title");
  w.string("a \"quoted\"\nline\x01");
  w.key("tags");
  w.begin_array();
  w.string("go");
  w.number(int64_t{3});
  w.end_array();
  w.key("empty");
  w.begin_object();
  w.end_object();
  w.end_object();
  CHECK(w.str() == R"({"title":"a \"quoted\"\nline\u0001","tags":["go",3],"empty":{}})");
}

TEST_CASE("Value lookups are case-insensitive and print as JSON") {
  Value::Map m{{"title", Value("标题")}, {"showtoc", Value(true)},
               {"n", Value(int64_t{2})}, {"list", Value(Value::List{Value("a"), Value()})}};
  Value v(m);
  REQUIRE(v.find("ShowToc"));
  CHECK(v.find("ShowToc")->as_bool());
  CHECK(v.find("missing") == nullptr);
  CHECK(v.find("n")->scalar_text() == "2");
  CHECK(v.to_json() == R"({"title":"标题","showtoc":true,"n":2,"list":["a",null]})");
}
