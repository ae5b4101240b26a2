// folio: the command line. Parsing and dispatch only; the work is in libfolio.
#include <CLI/CLI.hpp>

#include <clocale>
#include <cstdio>

#include "base/temp_files.hpp"
#include "common.hpp"
#include "folio/version.hpp"

int main(int argc, char** argv) {
  // Numbers in PDF tag attributes must use '.', whatever the user's locale (cairo#347).
  std::setlocale(LC_ALL, "");
  std::setlocale(LC_NUMERIC, "C");
  // Ctrl-C or a kill during a build leaves no `.tmp-` file beside the book or in the cache.
  folio::remove_temp_files_on_signals();

  CLI::App app{"folio compiles Hugo-style Markdown posts into EPUB 3 and PDF books.", "folio"};
  app.set_version_flag("--version", std::string("folio ") + folio::version());
  app.require_subcommand(1);

  folio::cli::Action run;
  folio::cli::register_list(app, run);
  folio::cli::register_dump(app, run);
  folio::cli::register_build(app, run);
  folio::cli::register_fetch(app, run);
  folio::cli::register_fonts(app, run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : folio::cli::usage;
  }
  return run ? run() : folio::cli::usage;
}
