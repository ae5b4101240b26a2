// folio list (to be written).
#include "common.hpp"

namespace folio::cli {

void register_list(CLI::App& app, Action& run) {
  auto* cmd = app.add_subcommand("list", "(not written yet)");
  cmd->callback([&run] { run = [] { return int(usage); }; });
}

}  // namespace folio::cli
