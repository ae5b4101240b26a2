// What every folio command shares: the PATHS and selection flags, loading the book's
// config, printing diagnostics, exit codes.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "folio/config.hpp"
#include "folio/diagnostics.hpp"
#include "folio/progress.hpp"

namespace folio::cli {

/// Exit codes: 0 success, 1 the build had errors, 2 usage (bad flags, broken book.yaml,
/// missing content folder, empty selection).
enum Exit { ok = 0, build_failed = 1, usage = 2 };

/// Flags that choose the book: PATHS, --config and the selection flags.
struct BookFlags {
  std::vector<std::string> paths;
  std::string config;
  std::vector<std::string> tags, all_tags, exclude_tags, categories, sections;
  std::string from, to, order, group;
  bool drafts = false, future = false, expired = false;
  bool strict = false;
  std::string code_theme;               ///< --code-theme: book.yaml code.theme
  std::optional<bool> line_numbers;     ///< --line-numbers / --no-line-numbers: code.line_numbers
  bool no_highlight = false;            ///< --no-highlight: code.highlight false
};

/// Adds PATHS and the selection flags to a subcommand.
void add_book_flags(CLI::App& command, BookFlags& flags);

/// Flags that say where figures come from (build and fetch).
struct FigureFlags {
  std::string cache;
  bool offline = false, refresh = false;
  std::vector<std::string> rewrites;  ///< FROM=TO
};

/// Adds --cache, --offline, --refresh and --figure-rewrite to a subcommand.
void add_figure_flags(CLI::App& command, FigureFlags& flags);

/// Applies the figure flags over config.figures. A local TO folder is taken from the
/// working folder, as PATHS are. False after an error (a rewrite that is not FROM=TO).
bool apply_figure_flags(const FigureFlags& flags, BookConfig& config, Diagnostics& diagnostics);

/// "1.4 MB", "891.1 KB", "12 bytes" for summary lines.
std::string human_size(uint64_t bytes);

/// book.yaml (given, or `book.yaml` in the single PATH folder or the working folder)
/// with the flags applied over it. nullopt after an error diagnostic (exit 2).
std::optional<BookConfig> load_config(const BookFlags& flags, Diagnostics& diagnostics);

/// A sink that prints each diagnostic to stderr as it comes, with the Console drawing its
/// progress events (and stopping the build on Ctrl-C).
class ConsoleDiagnostics : public Diagnostics {
 public:
  ConsoleDiagnostics();

 private:
  ProgressScope progress_;
};
std::unique_ptr<ConsoleDiagnostics> make_diagnostics();

/// Remembers the command line (main calls it) for command_line_key().
void remember_command_line(int argc, char** argv);
/// The words after the subcommand, without -q/-v/--color (which change no output), one a
/// line: what a build's options were, for the build cache.
std::string command_line_key();

/// SOURCE_DATE_EPOCH when set, else the clock.
int64_t now_unix();

// Each command registers itself on the app; `run` is set to the command's action.
using Action = std::function<int()>;
void register_list(CLI::App& app, Action& run);
void register_dump(CLI::App& app, Action& run);
void register_build(CLI::App& app, Action& run);
void register_fetch(CLI::App& app, Action& run);
void register_fonts(CLI::App& app, Action& run);
void register_watch(CLI::App& app, Action& run);
void register_init(CLI::App& app, Action& run);
void register_completions(CLI::App& app, Action& run);
void register_manpage(CLI::App& app, Action& run);

}  // namespace folio::cli
