// The alias table, unknown names (one warning each), and highlight_book on a whole book.
#include <doctest/doctest.h>

#include "folio/book.hpp"
#include "highlight/highlight.hpp"

using namespace folio;
using namespace folio::highlight;

TEST_CASE("aliases as Hugo and GitHub users write them") {
  CHECK(language_alias("golang") == "Go");
  for (const char* shell : {"shell", "sh", "zsh", "console", "bash"}) CHECK(language_alias(shell) == "Bash");
  CHECK(language_alias("yml") == "YAML");
  CHECK(language_alias("C++") == "C++");
  CHECK(language_alias("js") == "JavaScript");
  CHECK(language_alias("ts") == "TypeScript");
  CHECK(language_alias("py") == "Python");
  CHECK(language_alias("dockerfile") == "Dockerfile");
  CHECK(language_alias("proto") == "Protobuf");
  CHECK(language_alias("conf") == "INI Files");
  CHECK(language_alias("ini") == "INI Files");
  for (const char* plain : {"text", "plain", "output", "TEXT"}) CHECK(language_alias(plain) == "");
  CHECK_FALSE(language_alias("klingon").has_value());
}

TEST_CASE("every alias names a definition the engine has") {
  if (!highlighting_available()) return;
  for (const char* name : {"golang", "sh", "yml", "c++", "js", "ts", "py", "dockerfile", "proto", "conf", "sql",
                           "json", "toml", "makefile", "diff", "rust", "java", "php", "c", "cpp"}) {
    LanguageName r = resolve_language(name);
    INFO(std::string(name));
    CHECK(r.kind == LanguageName::Kind::definition);
  }
  // Names the engine knows itself, in any case, and file extensions.
  CHECK(resolve_language("Kotlin").definition == "Kotlin");
  CHECK(resolve_language("HASKELL").definition == "Haskell");
  CHECK(resolve_language("text").kind == LanguageName::Kind::plain);
  CHECK(resolve_language("klingon").kind == LanguageName::Kind::unknown);
}

namespace {

Book book_with(std::vector<CodeBlock> blocks) {
  Book book;
  Chapter ch;
  ch.document.source = "content/posts/a.md";
  uint32_t line = 3;
  for (auto& b : blocks) {
    ch.document.blocks.push_back(Block{std::move(b), {line, 1}});
    line += 10;
  }
  book.chapters.push_back(std::move(ch));
  return book;
}

CodeBlock& code_at(Book& book, size_t i) { return std::get<CodeBlock>(book.chapters[0].document.blocks[i].node); }

}  // namespace

TEST_CASE("unknown languages: one located warning per distinct name, blocks stay plain") {
  Book book = book_with({CodeBlock{"klingon", "klingon", "qapla'\n"}, CodeBlock{"klingon", "klingon", "x\n"},
                         CodeBlock{"vulcan", "vulcan", "y\n"}, CodeBlock{"golang", "golang", "func main() {}\n"}});
  Diagnostics diag;
  highlight_book(book, nullptr, diag);
  CHECK(code_at(book, 0).highlight.empty());
  CHECK(code_at(book, 0).tokens.empty());
  CHECK(code_at(book, 2).highlight.empty());
  if (!highlighting_available()) {
    CHECK(diag.warning_count() == 0);  // without the engine every name is unknown: no noise
    return;
  }
  auto all = diag.all();
  REQUIRE(all.size() == 2);
  CHECK(all[0].where.file == "content/posts/a.md");
  CHECK(all[0].where.line == 3);
  CHECK(all[0].message.find("'klingon'") != std::string::npos);
  CHECK(all[1].where.line == 23);
  CHECK(all[1].message.find("'vulcan'") != std::string::npos);
  CHECK(code_at(book, 3).highlight == "Go");
  CHECK_FALSE(code_at(book, 3).guessed);
  CHECK_FALSE(code_at(book, 3).tokens.empty());
}

TEST_CASE("unlabelled blocks are guessed unless code.guess is off") {
  const std::string go = "package main\n\nfunc main() {\n\tfmt.Println(1)\n}\n";
  Book book = book_with({CodeBlock{"", "", go}, CodeBlock{"", "", "2024/01/02 server started on :8080\n"}});
  Diagnostics diag;
  highlight_book(book, nullptr, diag);
  if (highlighting_available()) {
    CHECK(code_at(book, 0).highlight == "Go");
    CHECK(code_at(book, 0).guessed);
  }
  CHECK(code_at(book, 1).highlight.empty());  // program output stays plain

  Book off = book_with({CodeBlock{"", "", go}});
  off.config.code.guess = false;
  highlight_book(off, nullptr, diag);
  CHECK(code_at(off, 0).highlight.empty());
}
