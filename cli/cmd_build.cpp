// folio build (to be written).
#include "common.hpp"

namespace folio::cli {

void register_build(CLI::App& app, Action& run) {
  auto* cmd = app.add_subcommand("build", "(not written yet)");
  cmd->callback([&run] { run = [] { return int(usage); }; });
}

}  // namespace folio::cli
