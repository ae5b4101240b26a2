// Shared flags, config loading and diagnostics printing for the commands.
#include "common.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "console.hpp"
#include "folio/figures.hpp"
#include "folio/post.hpp"

namespace folio::cli {

namespace fs = std::filesystem;

void add_book_flags(CLI::App& command, BookFlags& flags) {
  command.add_option("paths", flags.paths, "Hugo site roots, content folders or Markdown files")->type_name("PATH");
  command.add_option("-c,--config", flags.config, "book.yaml to read")->type_name("FILE");
  // Each selection flag takes one value per use (a comma list is split), so the PATH
  // after `--tag go` is never taken for a second tag.
  auto one_each = [](CLI::Option* option, const char* type) {
    option->allow_extra_args(false)->delimiter(',')->type_name(type);
  };
  one_each(command.add_option("-t,--tag", flags.tags, "select posts with any of these tags (repeatable, or a,b)"), "TAG");
  one_each(command.add_option("--all-tags", flags.all_tags, "select posts with all of these tags"), "TAG");
  one_each(command.add_option("--exclude-tag", flags.exclude_tags, "leave out posts with this tag"), "TAG");
  one_each(command.add_option("--category", flags.categories, "select posts in any of these categories"), "NAME");
  one_each(command.add_option("--section", flags.sections, "select posts under these content folders"), "FOLDER");
  command.add_option("--from", flags.from, "only posts dated on or after this date");
  command.add_option("--to", flags.to, "only posts dated on or before this date");
  command.add_option("--order", flags.order, "date | date-desc | weight | title | path")
      ->check(CLI::IsMember({"date", "date-desc", "weight", "title", "path"}));
  command.add_option("--group", flags.group, "group chapters into parts: none | tag | section | year")
      ->check(CLI::IsMember({"none", "tag", "section", "year"}));
  command.add_flag("--drafts", flags.drafts, "include drafts");
  command.add_flag("--future", flags.future, "include posts published in the future");
  command.add_flag("--expired", flags.expired, "include expired posts");
  command.add_flag("--strict,--fail-on-warnings", flags.strict, "treat warnings as errors");
  command.add_option("--code-theme", flags.code_theme,
                     "code colours: a Chroma style (github, monokai, dracula, ...) or a KSyntaxHighlighting theme");
  command.add_flag("--line-numbers,!--no-line-numbers", flags.line_numbers, "number the lines of code blocks");
  command.add_flag("--no-highlight", flags.no_highlight, "leave code blocks monochrome");
}

void add_figure_flags(CLI::App& command, FigureFlags& flags) {
  command.add_option("--cache", flags.cache, "folder for downloaded figures and the build cache (default: $XDG_CACHE_HOME/folio)")
      ->type_name("DIR");
  command.add_flag("--offline", flags.offline, "download nothing: use only cached figures, report what is missing");
  command.add_flag("--refresh", flags.refresh, "revalidate cached figures with conditional requests");
  command.add_option("--figure-rewrite", flags.rewrites,
                     "FROM=TO: fetch figures under URL prefix FROM from TO, a URL or a folder (repeatable)");
}

bool apply_figure_flags(const FigureFlags& flags, BookConfig& config, Diagnostics& diagnostics) {
  if (!flags.cache.empty()) config.figures.cache_dir = fs::absolute(flags.cache);
  // One cache for every book (as pip's and go's), not a folder inside the content.
  else if (config.figures.cache_dir.empty()) config.figures.cache_dir = default_cache_dir();
  if (flags.offline) config.figures.offline = true;
  if (flags.refresh) config.figures.refresh = true;
  for (const auto& rule : flags.rewrites) {
    size_t eq = rule.find('=');
    if (eq == std::string::npos || eq == 0) {
      diagnostics.error({}, "--figure-rewrite wants FROM=TO, got '" + rule + "'");
      return false;
    }
    std::string to = rule.substr(eq + 1);
    if (to.find("://") == std::string::npos) to = fs::absolute(to).lexically_normal().string();
    config.figures.rewrite.push_back({rule.substr(0, eq), to});
  }
  return true;
}

std::string human_size(uint64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / (1024.0 * 1024.0));
  else if (bytes >= 1024) std::snprintf(buf, sizeof buf, "%.1f KB", double(bytes) / 1024.0);
  else std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
  return buf;
}

std::optional<BookConfig> load_config(const BookFlags& flags, Diagnostics& diagnostics) {
  fs::path config_file = flags.config;
  // Every PATH must exist: a typo is named, not silently skipped.
  for (const auto& p : flags.paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      diagnostics.error({p}, "content folder not found: no such file or folder");
      return std::nullopt;
    }
  }
  std::error_code config_ec;
  if (!config_file.empty() && fs::is_directory(config_file, config_ec)) {
    diagnostics.error({config_file.string()}, "--config wants a book.yaml file, this is a folder" +
                                                  std::string(fs::exists(config_file / "book.yaml", config_ec)
                                                                  ? " (give it as PATH, or -c " +
                                                                        (config_file / "book.yaml").string() + ")"
                                                                  : ""));
    return std::nullopt;
  }
  if (config_file.empty()) {
    // A book.yaml next to the only PATH (or in the working folder without PATHS) is used.
    fs::path dir = flags.paths.size() == 1 ? fs::path(flags.paths[0])
                   : flags.paths.empty()   ? fs::path(".")
                                           : fs::path();
    std::error_code ec;
    if (!dir.empty() && fs::is_directory(dir, ec) && fs::exists(dir / "book.yaml", ec))
      config_file = dir / "book.yaml";
  }

  // --strict applies to book.yaml's own warnings too.
  if (flags.strict) diagnostics.set_strict(true);
  BookConfig config;
  if (!config_file.empty()) {
    std::error_code ec;
    if (!fs::exists(config_file, ec)) {
      diagnostics.error({config_file.string()}, "config file not found");
      return std::nullopt;
    }
    auto loaded = load_book_config(config_file, diagnostics);
    if (!loaded) return std::nullopt;
    config = std::move(*loaded);
  } else {
    config.base_dir = fs::current_path();
  }

  // Flags override book.yaml. PATHS on the command line are relative to the working
  // folder, not to book.yaml's folder.
  if (!flags.paths.empty()) {
    config.content.clear();
    for (const auto& p : flags.paths) config.content.push_back(fs::absolute(p).lexically_normal().string());
  }
  if (config.content.empty()) config.content.push_back(config.base_dir.string());
  auto& sel = config.select;
  if (!flags.tags.empty()) sel.tags = flags.tags;
  if (!flags.all_tags.empty()) sel.all_tags = flags.all_tags;
  if (!flags.exclude_tags.empty()) sel.exclude_tags = flags.exclude_tags;
  if (!flags.categories.empty()) sel.categories = flags.categories;
  if (!flags.sections.empty()) sel.sections = flags.sections;
  auto date_flag = [&](const std::string& text, const char* name) -> std::optional<std::optional<Date>> {
    if (text.empty()) return std::optional<Date>{};
    auto d = parse_date(text);
    if (!d) {
      diagnostics.error({}, std::string("--") + name + ": not a date: " + text);
      return std::nullopt;
    }
    return d;
  };
  auto from = date_flag(flags.from, "from");
  auto to = date_flag(flags.to, "to");
  if (!from || !to) return std::nullopt;
  if (*from) sel.from = *from;
  if (*to) sel.to = *to;
  if (flags.drafts) sel.drafts = true;
  if (flags.future) sel.future = true;
  if (flags.expired) sel.expired = true;
  if (!flags.order.empty()) {
    if (flags.order == "date") config.order = Order::date;
    else if (flags.order == "date-desc") config.order = Order::date_desc;
    else if (flags.order == "weight") config.order = Order::weight;
    else if (flags.order == "title") config.order = Order::title;
    else config.order = Order::path;
  }
  if (!flags.group.empty()) {
    if (flags.group == "tag") config.group = Grouping::tag;
    else if (flags.group == "section") config.group = Grouping::section;
    else if (flags.group == "year") config.group = Grouping::year;
    else config.group = Grouping::none;
  }
  if (flags.strict) config.strict = true;
  if (!flags.code_theme.empty()) config.code.theme = flags.code_theme;
  if (flags.line_numbers) config.code.line_numbers = flags.line_numbers;
  if (flags.no_highlight) config.code.highlight = false;
  diagnostics.set_strict(config.strict);
  return config;
}

ConsoleDiagnostics::ConsoleDiagnostics()
    : Diagnostics([](const Diagnostic& d) { Console::get().diagnostic(d); }),
      progress_(*this, [](const ProgressEvent& e) { return Console::get().progress(e); }) {}

std::unique_ptr<ConsoleDiagnostics> make_diagnostics() { return std::make_unique<ConsoleDiagnostics>(); }

namespace {
std::vector<std::string> command_words;
}

void remember_command_line(int argc, char** argv) { command_words.assign(argv + 1, argv + argc); }

std::string command_line_key() {
  std::string key;
  // A rebuilt folio (same version, new code) and another font setup give other bytes.
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto size = fs::file_size(exe, ec);
    auto time = fs::last_write_time(exe, ec);
    key += "exe=" + exe.string() + " " + std::to_string(size) + " " +
           std::to_string(time.time_since_epoch().count()) + "\n";
  }
  for (const char* name : {"FONTCONFIG_FILE", "FONTCONFIG_PATH"}) {
    const char* value = std::getenv(name);
    key += std::string(name) + "=" + (value ? value : "") + "\n";
  }
  bool seen_command = false;
  for (size_t i = 0; i < command_words.size(); ++i) {
    const std::string& w = command_words[i];
    if (w == "-q" || w == "--quiet" || w == "-v" || w == "--verbose" || w.rfind("--color=", 0) == 0 ||
        w.rfind("--colour=", 0) == 0)
      continue;
    if (w == "--color" || w == "--colour") {
      ++i;
      continue;
    }
    if (!seen_command && (w == "build" || w == "watch")) {  // the same book either way
      seen_command = true;
      continue;
    }
    key += w + "\n";
  }
  return key;
}

int64_t now_unix() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0') return v;
  }
  return static_cast<int64_t>(std::time(nullptr));
}

}  // namespace folio::cli
