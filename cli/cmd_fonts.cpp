// folio fonts (to be written).
#include "common.hpp"

namespace folio::cli {

void register_fonts(CLI::App& app, Action& run) {
  auto* cmd = app.add_subcommand("fonts", "(not written yet)");
  cmd->callback([&run] { run = [] { return int(usage); }; });
}

}  // namespace folio::cli
