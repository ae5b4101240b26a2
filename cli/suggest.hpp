// The nearest command to a mistyped one (`folio biuld` -> build).
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace folio::cli {

struct UnknownCommand {
  std::string typed;    ///< what the user wrote
  std::string nearest;  ///< the closest command name, empty when none is close
};

/// The first word that is not an option, when it names no subcommand of `app`.
std::optional<UnknownCommand> unknown_subcommand(const CLI::App& app, int argc, char** argv);

/// Levenshtein distance, for suggestions.
size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace folio::cli
