// folio fetch: download every remote figure the chosen posts show into the cache, without
// building a book (so a later build, or one with --offline, finds them there).
#include <cstdio>
#include <filesystem>

#include "common.hpp"
#include "console.hpp"
#include "folio/folio.hpp"

namespace folio::cli {

namespace {

struct FetchFlags {
  BookFlags book;
  FigureFlags figures;
};

int run_fetch(const FetchFlags& flags) {
  auto diagnostics = make_diagnostics();
  auto config = load_config(flags.book, *diagnostics);
  if (!config || diagnostics->error_count() > 0) return usage;
  if (!apply_figure_flags(flags.figures, *config, *diagnostics)) return usage;

  // make_book's stages one by one (as make_book(..., with_figures=false) runs them), keeping
  // the Collection that resolve_figures needs for the content and static folders.
  Collection collection = collect_posts(*config, *diagnostics);
  if (collection.roots.empty()) return usage;
  BookPlan plan = select_posts(collection, *config, now_unix(), *diagnostics);
  if (plan.chapters.empty()) {
    diagnostics->error({}, "no posts selected: nothing to fetch");
    return usage;
  }
  complete_metadata(*config, collection, plan);
  Book book = read_book(*config, collection, plan, *diagnostics);
  FigureReport report = resolve_figures(book, collection, *diagnostics);
  Console::get().finish_progress();  // the progress line goes before the summary does
  std::printf("%zu figures ready, %zu failed; %zu requests, %s downloaded; cache %s\n", report.embedded,
              report.failed, report.requests, human_size(report.bytes).c_str(),
              book.config.figures.cache_dir.string().c_str());
  return diagnostics->error_count() > 0 ? build_failed : ok;
}

}  // namespace

void register_fetch(CLI::App& app, Action& run) {
  auto flags = std::make_shared<FetchFlags>();
  auto* cmd = app.add_subcommand("fetch", "Download the chosen posts' figures into the cache without building");
  add_book_flags(*cmd, flags->book);
  add_figure_flags(*cmd, flags->figures);
  cmd->callback([flags, &run] { run = [flags] { return run_fetch(*flags); }; });
}

}  // namespace folio::cli
