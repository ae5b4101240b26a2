#include <doctest/doctest.h>

#include <thread>

#include "folio/diagnostics.hpp"

using namespace folio;

TEST_CASE("diagnostics format as path:line:col: severity: message") {
  Diagnostic d{Severity::warning, {"content/posts/a.md", 12, 3}, "figure not found: x.png"};
  CHECK(d.format() == "content/posts/a.md:12:3: warning: figure not found: x.png");
  d.where.column = 0;
  CHECK(d.format() == "content/posts/a.md:12: warning: figure not found: x.png");
  d.where.line = 0;
  CHECK(d.format() == "content/posts/a.md: warning: figure not found: x.png");
  d.where.file.clear();
  d.severity = Severity::error;
  CHECK(d.format() == "error: figure not found: x.png");
}

TEST_CASE("strict mode turns warnings into errors") {
  Diagnostics sink;
  sink.warning({"a.md", 1, 1}, "w1");
  CHECK(sink.warning_count() == 1);
  CHECK(sink.error_count() == 0);
  sink.set_strict(true);
  sink.warning({"a.md", 2, 1}, "w2");
  CHECK(sink.warning_count() == 1);
  CHECK(sink.error_count() == 1);
  CHECK(sink.all().back().severity == Severity::error);
  CHECK(sink.contains("w2"));
  CHECK_FALSE(sink.contains("nothing"));
}

TEST_CASE("the sink collects from several threads and calls its handler for each") {
  int seen = 0;
  Diagnostics sink([&](const Diagnostic&) { ++seen; });  // handler runs under the lock
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 250; ++i) sink.note({}, "n");
    });
  for (auto& t : threads) t.join();
  CHECK(sink.all().size() == 1000);
  CHECK(seen == 1000);
}
