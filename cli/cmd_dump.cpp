// folio dump (to be written).
#include "common.hpp"

namespace folio::cli {

void register_dump(CLI::App& app, Action& run) {
  auto* cmd = app.add_subcommand("dump", "(not written yet)");
  cmd->callback([&run] { run = [] { return int(usage); }; });
}

}  // namespace folio::cli
