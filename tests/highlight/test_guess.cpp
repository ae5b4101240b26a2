// Guessing unlabelled blocks, measured as the issue asks: hide the labels of labelled
// blocks (examples/meetup, a generated bench corpus, guess_corpus.md), guess them back.
// Precision: right guesses / guesses (a guess on an output block counts as wrong);
// recall: labelled blocks with a right guess / labelled blocks.
#include <doctest/doctest.h>

#include <cstdlib>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "folio/folio.hpp"
#include "highlight/highlight.hpp"

using namespace folio;
using namespace folio::highlight;
namespace fs = std::filesystem;

namespace {

struct Score {
  int labelled = 0;  // blocks with a language the engine knows
  int plain = 0;     // blocks labelled text/output
  int guesses = 0;
  int right = 0;
  void add(const CodeBlock& c, const std::set<std::string>& book_languages) {
    LanguageName truth = resolve_language(c.language);
    std::string guess = guess_language(c.text, book_languages);
    if (truth.kind == LanguageName::Kind::plain) {
      ++plain;
      if (!guess.empty()) {
        ++guesses;
        MESSAGE("output guessed as " << guess << ":\n" << c.text);
      }
      return;
    }
    if (truth.kind != LanguageName::Kind::definition) return;
    ++labelled;
    if (guess.empty()) return;
    ++guesses;
    if (guess == truth.definition) ++right;
    else MESSAGE("wrong guess " << guess << " for " << truth.definition << ":\n" << c.text);
  }
  // With the languages the book labels as candidates, as highlight_book() guesses.
  void add(const Book& book, bool with_book_languages = true) {
    std::set<std::string> languages;
    if (with_book_languages) languages = labelled_languages(book);
    for (const Chapter& ch : book.chapters)
      for_each_block(ch.document.blocks, [&](const Block& b) {
        if (auto* c = std::get_if<CodeBlock>(&b.node)) add(*c, languages);
      });
  }
  static std::set<std::string> labelled_languages(const Book& book) {
    std::set<std::string> out;
    for (const Chapter& ch : book.chapters)
      for_each_block(ch.document.blocks, [&](const Block& b) {
        if (auto* c = std::get_if<CodeBlock>(&b.node)) {
          LanguageName n = resolve_language(c->language);
          if (n.kind == LanguageName::Kind::definition) out.insert(n.definition);
        }
      });
    return out;
  }
  double precision() const { return guesses ? double(right) / guesses : 1.0; }
  double recall() const { return labelled ? double(right) / labelled : 0.0; }
};

Book load(const fs::path& book_yaml) {
  Diagnostics diag;
  auto config = load_book_config(book_yaml, diag);
  REQUIRE(config);
  return make_book(*config, 1'900'000'000, diag, /*with_figures=*/false);
}

Book load_markdown(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  Post p;
  p.file = p.display_path = file.string();
  p.rel_path = "posts/x.md";
  p.section = "posts";
  p.body = text.str();
  p.body_line = 1;
  p.title = "x";
  MarkdownOptions options;
  ReadContext ctx{&options, nullptr};
  Diagnostics diag;
  Book book;
  Chapter ch;
  ch.document = read_post(p, ctx, diag);
  book.chapters.push_back(std::move(ch));
  return book;
}

}  // namespace

TEST_CASE("guessing hidden labels: at least 95% of guesses right, at least 70% of blocks guessed") {
  if (!highlighting_available()) return;
  Score total;
  Score meetup;
  meetup.add(load(fs::path(FOLIO_SOURCE_DIR) / "examples/meetup/book.yaml"));
  Score fixture;
  fixture.add(load_markdown(fs::path(FOLIO_TEST_DIR) / "guess_corpus.md"));

  // The bench corpus generator (Go and shell blocks, as the bench books have them).
  Score bench;
  fs::path corpus = fs::temp_directory_path() / ("folio-guess-" + std::to_string(::getpid()));
  std::string cmd = "python3 '" FOLIO_SOURCE_DIR "/bench/generate' '" + corpus.string() +
                    "' --posts 30 --images 0 >/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  bench.add(load(corpus / "book.yaml"));
  fs::remove_all(corpus);

  for (const Score* s : {&meetup, &fixture, &bench}) {
    total.labelled += s->labelled;
    total.plain += s->plain;
    total.guesses += s->guesses;
    total.right += s->right;
  }
  MESSAGE("examples/meetup: " << meetup.labelled << " labelled, " << meetup.guesses << " guesses, " << meetup.right
                              << " right");
  MESSAGE("guess_corpus.md: " << fixture.labelled << " labelled + " << fixture.plain << " output, "
                              << fixture.guesses << " guesses, " << fixture.right << " right");
  MESSAGE("bench corpus: " << bench.labelled << " labelled, " << bench.guesses << " guesses, " << bench.right
                           << " right");
  MESSAGE("total: precision " << total.precision() * 100 << "%, recall " << total.recall() * 100 << "%");
  CHECK(meetup.labelled > 10);
  CHECK(bench.labelled > 20);
  CHECK(total.precision() >= 0.95);
  CHECK(total.recall() >= 0.70);
  CHECK(fixture.precision() >= 0.95);
}

TEST_CASE("guessing among the languages the book uses: Rust, JavaScript, TypeScript, Java, PHP, Diff, TOML, INI, nginx, XML, HTML") {
  if (!highlighting_available()) return;
  Book book = load_markdown(fs::path(FOLIO_TEST_DIR) / "guess_corpus_book.md");
  std::set<std::string> languages = Score::labelled_languages(book);
  for (const char* l : {"Rust", "JavaScript", "TypeScript", "Java", "PHP (HTML)", "Diff", "TOML", "INI Files", "XML", "HTML", "Nginx"})
    CHECK_MESSAGE(languages.count(l), l);
  Score with;
  with.add(book);
  MESSAGE("guess_corpus_book.md with the book's languages: " << with.labelled << " labelled + " << with.plain
                                                              << " output, " << with.guesses << " guesses, "
                                                              << with.right << " right");
  CHECK(with.labelled >= 20);
  CHECK(with.precision() >= 0.95);
  CHECK(with.recall() >= 0.70);

  // A book that does not use these languages gets no guess for them: the short list only.
  Score without;
  without.add(book, /*with_book_languages=*/false);
  MESSAGE("without: " << without.guesses << " guesses, " << without.right << " right");
  CHECK(without.guesses == 0);
}

TEST_CASE("C or C++: a block that could be either takes the one the book uses") {
  const std::string code = "#include <stdio.h>\nint main() {\n  return 0;\n}\n";
  CHECK(guess_language(code) == "C");
  CHECK(guess_language(code, {"C++", "Go"}) == "C++");
  CHECK(guess_language(code, {"C++", "C"}) == "C");
}
