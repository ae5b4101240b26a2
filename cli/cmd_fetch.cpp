// folio fetch (to be written).
#include "common.hpp"

namespace folio::cli {

void register_fetch(CLI::App& app, Action& run) {
  auto* cmd = app.add_subcommand("fetch", "(not written yet)");
  cmd->callback([&run] { run = [] { return int(usage); }; });
}

}  // namespace folio::cli
