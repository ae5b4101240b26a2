// Token classes from KSyntaxHighlighting in Go, shell, JSON and YAML.
#include <doctest/doctest.h>

#include <string>
#include <thread>

#include "folio/code.hpp"
#include "highlight/highlight.hpp"

using namespace folio;
using namespace folio::highlight;

namespace {

// The style of the token that covers the first occurrence of `needle` (normal when none).
TokenStyle style_of(const std::vector<CodeToken>& tokens, const std::string& code, const std::string& needle) {
  size_t at = code.find(needle);
  REQUIRE(at != std::string::npos);
  for (const CodeToken& t : tokens)
    if (t.offset <= at && at + needle.size() <= t.offset + t.length) return t.style;
  return TokenStyle::normal;
}

std::vector<CodeToken> run(const std::string& definition, const std::string& code) {
  prepare_definition(definition);
  return highlight_code(definition, code);
}

}  // namespace

TEST_CASE("Go: keywords, types, strings, raw strings, comments, numbers") {
  if (!highlighting_available()) return;
  const std::string code =
      "package main\n\nimport \"fmt\"\n\n// main prints 注释 a greeting\n"
      "func main() {\n\tvar n int = 42\n\ts := `raw\nstring`\n\tfmt.Println(\"héllo\", n, s, 0x1f, 3.5)\n}\n";
  auto tokens = run("Go", code);
  CHECK(style_of(tokens, code, "package") == TokenStyle::keyword);
  CHECK(style_of(tokens, code, "func") == TokenStyle::keyword);
  CHECK(style_of(tokens, code, " int ") == TokenStyle::normal);  // the spaces around it are not styled
  CHECK(style_of(tokens, code, "int =") == TokenStyle::normal);
  size_t int_at = code.find(" int ") + 1;
  bool int_is_type = false;
  for (const CodeToken& t : tokens) int_is_type = int_is_type || (t.offset == int_at && t.length == 3 && t.style == TokenStyle::data_type);
  CHECK(int_is_type);
  CHECK(style_of(tokens, code, "\"héllo\"") == TokenStyle::string);
  // A raw string runs over two lines: both parts are strings.
  CHECK(style_of(tokens, code, "`raw") == TokenStyle::string);
  CHECK(style_of(tokens, code, "string`") == TokenStyle::string);
  CHECK(style_of(tokens, code, "// main prints 注释 a greeting") == TokenStyle::comment);
  CHECK(style_of(tokens, code, "42") == TokenStyle::dec_val);
  CHECK(style_of(tokens, code, "0x1f") == TokenStyle::base_n);
  CHECK(style_of(tokens, code, "3.5") == TokenStyle::floating);
  // Offsets are UTF-8 bytes: the comment with Han characters ends where its line does.
  size_t comment = code.find("// main");
  for (const CodeToken& t : tokens)
    if (t.offset == comment) CHECK(code.substr(t.offset, t.length) == "// main prints 注释 a greeting");
  // Tokens are in order and do not overlap.
  for (size_t i = 1; i < tokens.size(); ++i) CHECK(tokens[i - 1].offset + tokens[i - 1].length <= tokens[i].offset);
}

TEST_CASE("shell: builtins, variables, strings, comments") {
  if (!highlighting_available()) return;
  const std::string code = "export GOPATH=$HOME/go  # where modules go\necho \"done\"\nif [ -f x ]; then cat x; fi\n";
  auto tokens = run("Bash", code);
  CHECK(style_of(tokens, code, "# where modules go") == TokenStyle::comment);
  CHECK(style_of(tokens, code, "$HOME") == TokenStyle::variable);
  CHECK(style_of(tokens, code, "\"done\"") == TokenStyle::string);
  CHECK(style_of(tokens, code, "if") == TokenStyle::control_flow);
  CHECK(style_of(tokens, code, "echo") == TokenStyle::builtin);
}

TEST_CASE("JSON: keys, strings, numbers, literals") {
  if (!highlighting_available()) return;
  const std::string code = "{\n  \"name\": \"folio\",\n  \"port\": 8080,\n  \"debug\": true\n}\n";
  auto tokens = run("JSON", code);
  TokenStyle key = style_of(tokens, code, "\"name\"");
  TokenStyle value = style_of(tokens, code, "\"folio\"");
  CHECK(key != TokenStyle::normal);
  CHECK(value == TokenStyle::string);
  CHECK(key != value);
  CHECK(style_of(tokens, code, "8080") == TokenStyle::dec_val);
  CHECK(style_of(tokens, code, "true") != TokenStyle::normal);
}

TEST_CASE("YAML: keys, comments, strings") {
  if (!highlighting_available()) return;
  const std::string code = "# service\nserver:\n  port: 8080\n  name: \"api\"\n";
  auto tokens = run("YAML", code);
  CHECK(style_of(tokens, code, "# service") == TokenStyle::comment);
  CHECK(style_of(tokens, code, "server") != TokenStyle::normal);
  CHECK(style_of(tokens, code, "\"api\"") == TokenStyle::string);
  CHECK(style_of(tokens, code, "port") == style_of(tokens, code, "server"));
}

TEST_CASE("highlighting is the same on many threads at once") {
  if (!highlighting_available()) return;
  const std::string code = "func f(x int) string { return fmt.Sprint(x) } // ok\n";
  auto expected = run("Go", code);
  std::vector<std::vector<CodeToken>> got(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      for (int k = 0; k < 50; ++k) got[i] = highlight_code("Go", code);
    });
  for (auto& t : threads) t.join();
  for (const auto& g : got) {
    REQUIRE(g.size() == expected.size());
    for (size_t k = 0; k < g.size(); ++k) CHECK((g[k].offset == expected[k].offset && g[k].style == expected[k].style));
  }
}

TEST_CASE("nginx (folio's own definition): blocks, directives, variables, strings, sizes, regexes, comments") {
  if (!highlighting_available()) return;
  CHECK(resolve_language("nginx").definition == "Nginx");
  const std::string code =
      "# the API behind a proxy\n"
      "server {\n"
      "    listen 443 ssl;\n"
      "    client_max_body_size 10m;\n"
      "    location ~* \\.(png|jpg)$ {\n"
      "        expires 30d;\n"
      "    }\n"
      "    location /api/ {\n"
      "        proxy_set_header Host $host;\n"
      "        proxy_pass \"http://backend\";\n"
      "        return 301 https://$server_name$request_uri;\n"
      "    }\n"
      "}\n";
  auto tokens = run("Nginx", code);
  CHECK(style_of(tokens, code, "# the API behind a proxy") == TokenStyle::comment);
  CHECK(style_of(tokens, code, "server") == TokenStyle::keyword);
  CHECK(style_of(tokens, code, "location") == TokenStyle::keyword);
  CHECK(style_of(tokens, code, "listen") == TokenStyle::function);
  CHECK(style_of(tokens, code, "proxy_pass") == TokenStyle::function);
  CHECK(style_of(tokens, code, "443") == TokenStyle::dec_val);
  CHECK(style_of(tokens, code, "10m") == TokenStyle::dec_val);
  CHECK(style_of(tokens, code, "ssl") == TokenStyle::constant);
  CHECK(style_of(tokens, code, "$host") == TokenStyle::variable);
  CHECK(style_of(tokens, code, "\"http://backend\"") == TokenStyle::string);
  CHECK(style_of(tokens, code, "\\.(png|jpg)$") == TokenStyle::special_string);
  CHECK(style_of(tokens, code, "return") == TokenStyle::control_flow);
  CHECK(style_of(tokens, code, "$request_uri") == TokenStyle::variable);
  CHECK(style_of(tokens, code, "/api/") == TokenStyle::normal);
}
