// folio fetch: download every remote figure the chosen posts show into the cache, without
// building a book (so a later build, or one with --offline, finds them there).
#include <cstdio>
#include <filesystem>

#include "common.hpp"
#include "folio/folio.hpp"

namespace folio::cli {

namespace {

struct FetchFlags {
  BookFlags book;
  std::string cache;
  bool offline = false;
  bool refresh = false;
  std::vector<std::string> rewrites;
};

std::string human_size(uint64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / (1024.0 * 1024.0));
  else if (bytes >= 1024) std::snprintf(buf, sizeof buf, "%.1f KB", double(bytes) / 1024.0);
  else std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
  return buf;
}

int run_fetch(const FetchFlags& flags) {
  auto diagnostics = make_diagnostics();
  auto config = load_config(flags.book, *diagnostics);
  if (!config || diagnostics->error_count() > 0) return usage;
  if (!flags.cache.empty()) config->figures.cache_dir = std::filesystem::absolute(flags.cache);
  if (flags.offline) config->figures.offline = true;
  if (flags.refresh) config->figures.refresh = true;
  for (const auto& rule : flags.rewrites) {
    size_t eq = rule.find('=');
    if (eq == std::string::npos || eq == 0) {
      diagnostics->error({}, "--figure-rewrite wants FROM=TO, got '" + rule + "'");
      return usage;
    }
    std::string to = rule.substr(eq + 1);
    // A local mirror folder on the command line is relative to the working folder, as PATHS are.
    if (to.find("://") == std::string::npos) to = std::filesystem::absolute(to).lexically_normal().string();
    config->figures.rewrite.push_back({rule.substr(0, eq), to});
  }

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
  cmd->add_option("--cache", flags->cache, "folder for downloaded figures (default: .folio-cache/)");
  cmd->add_flag("--offline", flags->offline, "download nothing: report what the cache is missing");
  cmd->add_flag("--refresh", flags->refresh, "revalidate cached figures with conditional requests");
  cmd->add_option("--figure-rewrite", flags->rewrites, "FROM=TO: fetch figures under URL prefix FROM from TO (repeatable)");
  cmd->callback([flags, &run] { run = [flags] { return run_fetch(*flags); }; });
}

}  // namespace folio::cli
