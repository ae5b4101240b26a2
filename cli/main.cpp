// folio: the command line. Parsing and dispatch only; the work is in libfolio.
#include <CLI/CLI.hpp>

#include <clocale>
#include <cstdio>

#include "base/temp_files.hpp"
#include "common.hpp"
#include "console.hpp"
#include "folio/version.hpp"
#include "suggest.hpp"

int main(int argc, char** argv) {
  // Numbers in PDF tag attributes must use '.', whatever the user's locale (cairo#347).
  std::setlocale(LC_ALL, "");
  std::setlocale(LC_NUMERIC, "C");
  // Ctrl-C or a kill during a build leaves no `.tmp-` file beside the book or in the cache.
  folio::remove_temp_files_on_signals();

  CLI::App app{"folio compiles Hugo-style Markdown posts into EPUB 3 and PDF books.", "folio"};
  app.set_version_flag("--version", std::string("folio ") + folio::version());
  app.require_subcommand(1);
  // --color, -q and -v are the app's, and are taken after the subcommand too.
  app.fallthrough();
  folio::cli::ConsoleFlags console;
  folio::cli::add_console_flags(app, console);

  folio::cli::remember_command_line(argc, argv);
  folio::cli::Action run;
  folio::cli::register_list(app, run);
  folio::cli::register_dump(app, run);
  folio::cli::register_build(app, run);
  folio::cli::register_watch(app, run);
  folio::cli::register_fetch(app, run);
  folio::cli::register_fonts(app, run);
  folio::cli::register_init(app, run);
  folio::cli::register_completions(app, run);
  folio::cli::register_manpage(app, run);

  // `folio biuld`: name the nearest command rather than "A subcommand is required".
  if (auto unknown = folio::cli::unknown_subcommand(app, argc, argv)) {
    std::fprintf(stderr, "folio: '%s' is not a folio command", unknown->typed.c_str());
    if (!unknown->nearest.empty()) std::fprintf(stderr, "; did you mean '%s'?", unknown->nearest.c_str());
    std::fprintf(stderr, "\nRun 'folio --help' for the list of commands.\n");
    return folio::cli::usage;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : folio::cli::usage;
  }
  folio::cli::Console::get().configure(console);
  return run ? run() : folio::cli::usage;
}
