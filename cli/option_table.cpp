// Reading the option definitions back from CLI11.
#include "option_table.hpp"

namespace folio::cli {

namespace {

std::vector<OptionInfo> options_of(const CLI::App& app) {
  std::vector<OptionInfo> out;
  for (const CLI::Option* opt : app.get_options()) {
    OptionInfo info;
    info.help = opt->get_description();
    if (opt->get_positional()) {
      info.positional = true;
      info.names = {opt->get_name()};
      info.value = opt->get_type_name();
    } else {
      for (const auto& s : opt->get_snames()) info.names.push_back("-" + s);
      for (const auto& l : opt->get_lnames()) info.names.push_back("--" + l);
      if (opt->get_expected_min() > 0) info.value = opt->get_type_name();
    }
    if (info.names.empty()) continue;
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace

std::vector<CommandInfo> option_table(const CLI::App& app) {
  std::vector<CommandInfo> table;
  table.push_back({"", app.get_description(), options_of(app)});
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    table.push_back({sub->get_name(), sub->get_description(), options_of(*sub)});
  return table;
}

}  // namespace folio::cli
