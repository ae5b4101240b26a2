// Suggestions for mistyped commands.
#include "suggest.hpp"

#include <algorithm>
#include <vector>

namespace folio::cli {

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::optional<UnknownCommand> unknown_subcommand(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word == "--") return std::nullopt;
    if (!word.empty() && word[0] == '-') {
      // The app's own options that take a value as the next word.
      if (word == "--color" || word == "--colour") ++i;
      continue;
    }
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
      names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), word) != names.end()) return std::nullopt;
    UnknownCommand unknown{word, {}};
    size_t best = 3;  // more edits than this is not a typo
    for (const auto& name : names) {
      if (name.empty()) continue;
      size_t d = edit_distance(word, name);
      // A prefix ("bui") counts as close too.
      if (name.rfind(word, 0) == 0 && word.size() >= 2) d = std::min<size_t>(d, 1);
      if (d < best) best = d, unknown.nearest = name;
    }
    return unknown;
  }
  return std::nullopt;
}

}  // namespace folio::cli
