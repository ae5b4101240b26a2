// folio fonts: prints each font role and the files its chain resolved to and, for a book,
// the characters no font covers (the same coverage check every build runs).
#include <cstdio>

#include "common.hpp"
#include "console.hpp"
#include "folio/folio.hpp"

namespace folio::cli {

namespace {

struct FontsFlags {
  BookFlags book;
  std::string language;  ///< overrides the book's language (or stands in when there is no book)
  bool roles_only = false;
};

void print_chain(const FontChain& chain) {
  std::printf("%-8s %s\n", to_string(chain.role), chain.pango_families().c_str());
  if (chain.fonts.empty()) std::printf("  (no font found)\n");
  for (const auto& f : chain.fonts) {
    std::string file = f.file.string();
    if (f.face_index) file += "#" + std::to_string(f.face_index);
    std::printf("  %-8s %-24s %s (weight %d)\n", f.script.c_str(), f.family.c_str(), file.c_str(), f.weight);
  }
}

int run_fonts(const FontsFlags& flags) {
  auto diagnostics = make_diagnostics();
  auto config = load_config(flags.book, *diagnostics);
  if (!config) return usage;

  std::optional<Book> book;
  if (!flags.roles_only) {
    // Figures play no part in fonts: skip fetching them.
    book = make_book(*config, now_unix(), *diagnostics, false);
    if (diagnostics->error_count()) return build_failed;
  }
  const BookConfig& used = book ? book->config : *config;
  std::string language = flags.language.empty() ? used.meta.language : flags.language;

  FontSet fonts = resolve_fonts(used.fonts, language, *diagnostics, used.base_dir);
  Console::get().finish_progress();  // the progress line goes before the output does
  std::printf("language %s (CJK variant %s)\n", language.empty() ? "(unset)" : language.c_str(),
              fonts.cjk_variant.c_str());
  for (FontRole role : {FontRole::body, FontRole::heading, FontRole::code}) print_chain(fonts.chain(role));

  if (book) {
    size_t before = diagnostics->warning_count() + diagnostics->error_count();
    check_coverage(*book, fonts, *diagnostics);
    size_t misses = diagnostics->warning_count() + diagnostics->error_count() - before;
    std::printf("coverage: %zu chapters checked, %zu characters without a font\n", book->chapters.size(), misses);
  }
  return diagnostics->error_count() ? build_failed : ok;
}

}  // namespace

void register_fonts(CLI::App& app, Action& run) {
  auto* cmd = app.add_subcommand("fonts", "Show the fonts each role resolves to and the characters no font covers");
  auto flags = std::make_shared<FontsFlags>();
  add_book_flags(*cmd, flags->book);
  cmd->add_option("--language", flags->language, "language to resolve the roles for (default: the book's)");
  cmd->add_flag("--roles-only", flags->roles_only, "only resolve the roles; do not read the posts");
  cmd->callback([&run, flags] { run = [flags] { return run_fonts(*flags); }; });
}

}  // namespace folio::cli
