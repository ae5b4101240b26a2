// Language names as people write them on fences, mapped to KSyntaxHighlighting definitions.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "highlight.hpp"

namespace folio::highlight {

namespace {

// The names Hugo (Chroma) and GitHub (linguist) users write, sorted by alias.
// "" means: shown plain on purpose.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"asm", "GNU Assembler"}, {"bash", "Bash"}, {"c", "C"}, {"c#", "C#"}, {"c++", "C++"},
    {"cc", "C++"}, {"cfg", "INI Files"}, {"cmake", "CMake"}, {"conf", "INI Files"},
    {"console", "Bash"}, {"cpp", "C++"}, {"cs", "C#"}, {"csharp", "C#"}, {"css", "CSS"},
    {"cxx", "C++"}, {"diff", "Diff"}, {"docker", "Dockerfile"}, {"dockerfile", "Dockerfile"},
    {"go", "Go"}, {"go-html-template", "HTML"}, {"go-text-template", ""}, {"golang", "Go"},
    {"gomod", ""}, {"h", "C"}, {"hcl", "HCL"}, {"hpp", "C++"}, {"html", "HTML"},
    {"ini", "INI Files"}, {"java", "Java"}, {"javascript", "JavaScript"}, {"js", "JavaScript"},
    {"json", "JSON"}, {"jsx", "JavaScript React (JSX)"}, {"kotlin", "Kotlin"}, {"kt", "Kotlin"},
    {"log", ""}, {"lua", "Lua"}, {"make", "Makefile"}, {"makefile", "Makefile"},
    {"markdown", "Markdown"}, {"md", "Markdown"}, {"mysql", "SQL (MySQL)"},
    {"nginx", "Nginx"}, {"none", ""}, {"objc", "Objective-C"}, {"output", ""}, {"patch", "Diff"}, {"perl", "Perl"},
    {"php", "PHP (HTML)"}, {"plain", ""}, {"plaintext", ""}, {"postgres", "SQL (PostgreSQL)"},
    {"postgresql", "SQL (PostgreSQL)"}, {"powershell", "PowerShell"}, {"proto", "Protobuf"},
    {"protobuf", "Protobuf"}, {"ps1", "PowerShell"}, {"py", "Python"}, {"python", "Python"},
    {"python3", "Python"}, {"rb", "Ruby"}, {"rs", "Rust"}, {"ruby", "Ruby"}, {"rust", "Rust"},
    {"scala", "Scala"}, {"sh", "Bash"}, {"shell", "Bash"}, {"shell-session", "Bash"},
    {"sql", "SQL"}, {"swift", "Swift"}, {"terminal", "Bash"}, {"text", ""}, {"toml", "TOML"},
    {"ts", "TypeScript"}, {"tsx", "TypeScript React (TSX)"}, {"txt", ""},
    {"typescript", "TypeScript"}, {"vim", "Vim Script"}, {"xml", "XML"}, {"yaml", "YAML"},
    {"yml", "YAML"}, {"zsh", "Bash"},
};

}  // namespace

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::string> language_alias(std::string_view name) {
  std::string key = lower_ascii(name);
  auto it = std::lower_bound(std::begin(kAliases), std::end(kAliases), key,
                             [](const auto& entry, const std::string& k) { return entry.first < k; });
  if (it != std::end(kAliases) && it->first == key) return std::string(it->second);
  return std::nullopt;
}

LanguageName resolve_language(std::string_view name) {
  LanguageName out;
  if (name.empty()) {
    out.kind = LanguageName::Kind::plain;
    return out;
  }
  std::optional<std::string> definition = language_alias(name);
  if (definition && definition->empty()) {
    out.kind = LanguageName::Kind::plain;
    return out;
  }
  // An alias names a definition; check that the engine has it (the engine may be off).
  if (auto found = engine_definition(definition ? *definition : std::string(name))) {
    out.kind = LanguageName::Kind::definition;
    out.definition = *found;
  }
  return out;
}

}  // namespace folio::highlight
