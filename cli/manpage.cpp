// folio manpage (hidden): folio(1) in roff, made from the option definitions. The build
// runs it to make folio.1, which `cmake --install` puts in share/man/man1.
#include <cstdio>
#include <string>

#include "common.hpp"
#include "folio/version.hpp"
#include "option_table.hpp"

namespace folio::cli {

namespace {

// Roff text: a leading '.' or '\'' would be a request; backslashes and hyphens escaped.
std::string roff(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

std::string options_section(const std::vector<OptionInfo>& options) {
  std::string s;
  for (const auto& o : options) {
    s += ".TP\n";
    std::string names;
    for (const auto& n : o.names) names += (names.empty() ? "" : ", ") + ("\\fB" + roff(n) + "\\fR");
    if (o.positional) names = "\\fI" + roff(o.value.empty() ? o.names[0] : o.value) + "\\fR";
    else if (!o.value.empty()) names += " \\fI" + roff(o.value) + "\\fR";
    s += names + "\n" + roff(o.help) + "\n";
  }
  return s;
}

std::string manpage(const std::vector<CommandInfo>& table) {
  std::string s;
  s += ".TH FOLIO 1 \"\" \"folio " + std::string(version()) + "\" \"User Commands\"\n";
  s += ".SH NAME\nfolio \\- compile Hugo\\-style Markdown posts into EPUB 3 and PDF books\n";
  s += ".SH SYNOPSIS\n";
  for (const auto& c : table) {
    if (c.name.empty()) continue;
    std::string operands;
    for (const auto& o : c.options)
      if (o.positional) operands += " [\\fI" + roff(o.value.empty() ? o.names[0] : o.value) + "\\fR...]";
    s += ".B folio " + roff(c.name) + "\n[\\fIoptions\\fR]" + operands + "\n.br\n";
  }
  s += ".SH DESCRIPTION\n" + roff(table[0].help) + "\n";
  s += "PATHS are Hugo site roots, content folders or single Markdown files. Without \\fB\\-\\-config\\fR, "
       "a book.yaml in the single PATH (or the working folder) is read.\n";
  s += ".SH GLOBAL OPTIONS\n" + options_section(table[0].options);
  s += ".SH COMMANDS\n";
  for (const auto& c : table) {
    if (c.name.empty()) continue;
    s += ".SS folio " + roff(c.name) + "\n" + roff(c.help) + "\n" + options_section(c.options);
  }
  s += ".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nno colour in diagnostics with \\fB\\-\\-color auto\\fR\n";
  s += ".TP\n.B XDG_CACHE_HOME\nthe cache is $XDG_CACHE_HOME/folio (else ~/.cache/folio)\n";
  s += ".TP\n.B SOURCE_DATE_EPOCH\nthe build time, for reproducible output\n";
  s += ".SH EXIT STATUS\n0 success, 1 the build had errors, 2 usage (bad flags, broken book.yaml, "
       "missing content folder, empty selection).\n";
  return s;
}

}  // namespace

void register_manpage(CLI::App& app, Action& run) {
  auto* cmd = app.add_subcommand("manpage", "Print folio(1) in roff");
  cmd->group("");  // hidden: the build uses it
  cmd->callback([&app, &run] {
    run = [&app] {
      std::string page = manpage(option_table(app));
      std::fwrite(page.data(), 1, page.size(), stdout);
      return int(ok);
    };
  });
}

}  // namespace folio::cli
