// Guessing unlabelled blocks, measured as the issue asks: hide the labels of labelled
// blocks (examples/meetup, a generated bench corpus, guess_corpus.md), guess them back.
// Precision: right guesses / guesses (a guess on an output block counts as wrong);
// recall: labelled blocks with a right guess / labelled blocks.
#include <doctest/doctest.h>

#include <cstdlib>
#include <unistd.h>
#include <filesystem>
#include <fstream>
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
  void add(const CodeBlock& c) {
    LanguageName truth = resolve_language(c.language);
    std::string guess = guess_language(c.text);
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
  void add(const Book& book) {
    for (const Chapter& ch : book.chapters)
      for_each_block(ch.document.blocks, [&](const Block& b) {
        if (auto* c = std::get_if<CodeBlock>(&b.node)) add(*c);
      });
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
