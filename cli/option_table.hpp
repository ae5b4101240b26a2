// The commands and options of the CLI11 app as plain data, read back from the same
// definitions that parse the command line: completions and the man page are made from it.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace folio::cli {

struct OptionInfo {
  std::vector<std::string> names;  ///< "-t", "--tag"
  std::string value;               ///< "TAG"; empty for a flag
  std::string help;
  bool positional = false;
};

struct CommandInfo {
  std::string name;                ///< empty for the app's own options
  std::string help;
  std::vector<OptionInfo> options;
};

/// The app's options first (name empty), then every visible subcommand.
std::vector<CommandInfo> option_table(const CLI::App& app);

}  // namespace folio::cli
