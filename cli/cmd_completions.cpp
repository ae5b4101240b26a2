// folio completions bash|zsh|fish: a completion script made from the option definitions.
#include <cstdio>
#include <string>

#include "common.hpp"
#include "option_table.hpp"

namespace folio::cli {

namespace {

std::string join_names(const std::vector<OptionInfo>& options, bool with_values) {
  std::string out;
  for (const auto& o : options) {
    if (o.positional || (!with_values && !o.value.empty()) || (with_values && o.value.empty())) continue;
    for (const auto& n : o.names) out += (out.empty() ? "" : " ") + n;
  }
  return out;
}

// Single quotes for the shell.
std::string sq(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string bash(const std::vector<CommandInfo>& table) {
  std::string commands, cases;
  for (const auto& c : table) {
    if (c.name.empty()) continue;
    commands += (commands.empty() ? "" : " ") + c.name;
    std::vector<OptionInfo> all = c.options;
    all.insert(all.end(), table[0].options.begin(), table[0].options.end());
    cases += "    " + c.name + ")\n";
    cases += "      flags=" + sq(join_names(all, false)) + "\n";
    cases += "      valued=" + sq(join_names(all, true)) + "\n";
    cases += "      ;;\n";
  }
  std::string s;
  s += "# bash completion for folio (folio completions bash)\n";
  s += "_folio() {\n";
  s += "  local cur prev command='' flags='' valued='' i\n";
  s += "  cur=${COMP_WORDS[COMP_CWORD]}\n";
  s += "  prev=${COMP_WORDS[COMP_CWORD-1]}\n";
  s += "  for ((i = 1; i < COMP_CWORD; i++)); do\n";
  s += "    case ${COMP_WORDS[i]} in\n";
  s += "      -*) ;;\n";
  s += "      *) command=${COMP_WORDS[i]}; break ;;\n";
  s += "    esac\n";
  s += "  done\n";
  s += "  if [[ -z $command ]]; then\n";
  s += "    COMPREPLY=($(compgen -W " + sq(commands + " " + join_names(table[0].options, false) + " " +
                                          join_names(table[0].options, true)) +
       " -- \"$cur\"))\n";
  s += "    return\n";
  s += "  fi\n";
  s += "  case $command in\n" + cases + "  esac\n";
  s += "  case $prev in\n";
  s += "    --format) COMPREPLY=($(compgen -W 'epub pdf' -- \"$cur\")); return ;;\n";
  s += "    --color|--colour) COMPREPLY=($(compgen -W 'auto always never' -- \"$cur\")); return ;;\n";
  s += "    --order) COMPREPLY=($(compgen -W 'date date-desc weight title path' -- \"$cur\")); return ;;\n";
  s += "    --group) COMPREPLY=($(compgen -W 'none tag section year' -- \"$cur\")); return ;;\n";
  s += "    --page) COMPREPLY=($(compgen -W 'A4 A5 B5 JIS-B5 Letter 6x9' -- \"$cur\")); return ;;\n";
  s += "  esac\n";
  s += "  if [[ \" $valued \" == *\" $prev \"* ]]; then\n";
  s += "    COMPREPLY=($(compgen -f -- \"$cur\"))\n";
  s += "    return\n";
  s += "  fi\n";
  s += "  if [[ $cur == -* ]]; then\n";
  s += "    COMPREPLY=($(compgen -W \"$flags $valued\" -- \"$cur\"))\n";
  s += "  elif [[ $command == completions ]]; then\n";
  s += "    COMPREPLY=($(compgen -W 'bash zsh fish' -- \"$cur\"))\n";
  s += "  else\n";
  s += "    COMPREPLY=($(compgen -f -- \"$cur\"))\n";
  s += "  fi\n";
  s += "}\n";
  s += "complete -o filenames -F _folio folio\n";
  return s;
}

// zsh: one _arguments spec per command.
std::string zsh_spec(const OptionInfo& o) {
  std::string help = o.help;
  for (char& c : help)
    if (c == '[' || c == ']' || c == ':' || c == '\'') c = ' ';
  std::string s;
  for (const auto& n : o.names) {
    s += "    " + sq(n + "[" + help + "]" + (o.value.empty() ? "" : ":" + o.value + ":_files")) + "\n";
  }
  return s;
}

std::string zsh(const std::vector<CommandInfo>& table) {
  std::string s = "#compdef folio\n# zsh completion for folio (folio completions zsh)\n\n_folio() {\n";
  s += "  local context state line\n";
  s += "  _arguments -C \\\n";
  for (const auto& o : table[0].options) {
    std::string spec = zsh_spec(o);
    for (size_t at; (at = spec.find('\n')) != std::string::npos && at + 1 != spec.size();) spec.replace(at, 1, " \\\001");
    for (size_t at; (at = spec.find('\001')) != std::string::npos;) spec.replace(at, 1, "\n");
    s += spec.substr(0, spec.size() - 1) + " \\\n";
  }
  s += "    '1:command:->command' \\\n    '*::arg:->args'\n";
  s += "  case $state in\n    command)\n      local -a commands\n      commands=(\n";
  for (const auto& c : table)
    if (!c.name.empty()) {
      std::string help = c.help;
      for (char& ch : help)
        if (ch == ':' || ch == '\'') ch = ' ';
      s += "        " + sq(c.name + ":" + help) + "\n";
    }
  s += "      )\n      _describe command commands\n      ;;\n    args)\n      case $line[1] in\n";
  for (const auto& c : table) {
    if (c.name.empty()) continue;
    s += "        " + c.name + ")\n          _arguments \\\n";
    for (const auto& o : c.options) {
      if (o.positional) continue;
      std::string spec = zsh_spec(o);
      size_t start = 0;
      for (size_t nl; (nl = spec.find('\n', start)) != std::string::npos; start = nl + 1)
        s += "      " + spec.substr(start, nl - start) + " \\\n";
    }
    s += "            '*:file:_files'\n          ;;\n";
  }
  s += "      esac\n      ;;\n  esac\n}\n\n_folio \"$@\"\n";
  return s;
}

std::string fish(const std::vector<CommandInfo>& table) {
  std::string s = "# fish completion for folio (folio completions fish)\n";
  std::string commands;
  for (const auto& c : table)
    if (!c.name.empty()) commands += (commands.empty() ? "" : " ") + c.name;
  s += "complete -c folio -f\n";
  for (const auto& c : table) {
    if (c.name.empty()) continue;
    s += "complete -c folio -n " + sq("not __fish_seen_subcommand_from " + commands) + " -a " + c.name + " -d " +
         sq(c.help) + "\n";
  }
  for (const auto& c : table) {
    std::string cond = c.name.empty() ? "" : " -n " + sq("__fish_seen_subcommand_from " + c.name);
    for (const auto& o : c.options) {
      if (o.positional) {
        s += "complete -c folio" + cond + " -F\n";
        continue;
      }
      s += "complete -c folio" + cond;
      for (const auto& n : o.names) s += n.size() == 2 ? " -s " + n.substr(1) : " -l " + n.substr(2);
      if (!o.value.empty()) s += " -r -F";
      s += " -d " + sq(o.help) + "\n";
    }
  }
  return s;
}

}  // namespace

void register_completions(CLI::App& app, Action& run) {
  auto shell = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("completions", "Print a completion script: folio completions bash|zsh|fish");
  cmd->add_option("shell", *shell, "bash | zsh | fish")->type_name("SHELL")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  cmd->callback([shell, &app, &run] {
    run = [shell, &app] {
      auto table = option_table(app);
      std::string script = *shell == "bash" ? bash(table) : *shell == "zsh" ? zsh(table) : fish(table);
      std::fwrite(script.data(), 1, script.size(), stdout);
      return int(ok);
    };
  });
}

}  // namespace folio::cli
