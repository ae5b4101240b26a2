// folio_embed: a program built against the installed libfolio. Loads a book (book.yaml, a
// folder holding one, or a content folder), runs the front half of the pipeline, and
// prints the book's title, its chapters and how many figures they show.
//
//   folio_embed [examples/meetup | path/to/book.yaml | content folder]
#include <folio/folio.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>

namespace fs = std::filesystem;

namespace {

// The build's notion of "now": SOURCE_DATE_EPOCH when set, as the folio command does,
// so that future posts are judged the same way in reproducible builds.
int64_t build_time() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long v = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0') return v;
  }
  return static_cast<int64_t>(std::time(nullptr));
}

// A book.yaml is read as the book's config; a folder without one is a book of all its posts.
std::optional<folio::BookConfig> load(const fs::path& arg, folio::Diagnostics& diagnostics) {
  std::error_code ec;
  fs::path file = arg;
  if (fs::is_directory(arg, ec)) {
    file = arg / "book.yaml";
    if (!fs::exists(file, ec)) {
      folio::BookConfig config;
      config.base_dir = fs::absolute(arg);
      config.content.push_back(config.base_dir.string());
      return config;
    }
  }
  if (!fs::exists(file, ec)) {
    diagnostics.error({file.string()}, "no such file");
    return std::nullopt;
  }
  return folio::load_book_config(file, diagnostics);
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path arg = argc > 1 ? fs::path(argv[1]) : fs::path("examples/meetup");
  folio::Diagnostics diagnostics([](const folio::Diagnostic& d) {
    std::fprintf(stderr, "%s\n", d.format().c_str());
  });

  auto config = load(arg, diagnostics);
  if (!config) return 2;
  const folio::Book book = folio::make_book(std::move(*config), build_time(), diagnostics);

  std::printf("libfolio %s (headers %s)\n", folio::version(), FOLIO_VERSION);
  std::printf("book: %s\n", book.meta().title.c_str());
  std::printf("chapters: %zu\n", book.chapters.size());
  for (size_t i = 0; i < book.chapters.size(); ++i) {
    const folio::Post& post = book.chapters[i].post;
    std::printf("%3zu. %s  %s\n", i + 1, post.date ? post.date->ymd().c_str() : "----------",
                post.title.c_str());
  }
  size_t usable = 0;
  for (const auto& figure : book.figures) usable += figure.ok ? 1 : 0;
  std::printf("figures: %zu (%zu usable)\n", book.figures.size(), usable);
  std::printf("diagnostics: %zu errors, %zu warnings\n", diagnostics.error_count(),
              diagnostics.warning_count());
  return diagnostics.error_count() > 0 ? 1 : 0;
}
