// The highlighting module's private interface: language names, guessing, Hugo's code
// options, the KSyntaxHighlighting engine and themes. Qt stays inside engine.cpp and
// theme.cpp; nothing here names a Qt type.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "folio/code.hpp"
#include "folio/diagnostics.hpp"

namespace folio::highlight {

// ---- languages.cpp -------------------------------------------------------------------

/// What a fence's language name means.
struct LanguageName {
  enum class Kind { plain, definition, unknown };
  Kind kind = Kind::unknown;
  std::string definition;  ///< KSyntaxHighlighting's name ("Go") for Kind::definition
};

/// Maps a name as Hugo and GitHub users write it (`golang`, `sh`, `yml`, `c++`, `text`)
/// to a definition: the alias table first, then the engine's own names and file
/// extensions. Case does not matter.
LanguageName resolve_language(std::string_view name);

/// ASCII lowercase (language and theme names are ASCII).
std::string lower_ascii(std::string_view s);

/// The alias table alone: the definition an alias names, "" for the names that mean
/// "no highlighting" (`text`, `plain`, `output`), nullopt when it is not an alias.
std::optional<std::string> language_alias(std::string_view name);

// ---- guess.cpp -----------------------------------------------------------------------

/// A guess at an unlabelled block's language, as a definition name: among a short list
/// (Go, Bash, JSON, YAML, SQL, C/C++, Python, Dockerfile, Makefile, Protobuf), then among
/// the languages the book labels elsewhere (`book_languages`, definition names) that
/// guess_book.cpp knows signs for. Conservative: empty unless the text is clearly that
/// language; program output, logs and prose stay plain.
std::string guess_language(std::string_view code, const std::set<std::string>& book_languages = {});

// ---- guess_book.cpp ------------------------------------------------------------------

/// True for a unified diff (hunk headers and changed lines), whatever language it patches.
bool looks_like_diff(const std::vector<std::string_view>& lines);

/// The second half of guess_language: Rust, Java, JavaScript, TypeScript, PHP, TOML, INI,
/// nginx, XML and HTML, each only when `book_languages` has it. `lines`: the non-empty lines.
std::string guess_book_language(const std::vector<std::string_view>& lines, const std::set<std::string>& book_languages);

// ---- options.cpp ---------------------------------------------------------------------

/// Hugo's highlighting options (fence attributes, shortcode options, markup.highlight).
struct CodeAttributes {
  std::optional<CodeLines::Numbers> numbers;  ///< linenos=true|false|table|inline
  std::optional<int> start;                   ///< linenostart
  std::vector<int> highlighted;               ///< hl_lines, expanded and sorted
  std::optional<bool> guess;                  ///< guessSyntax
  std::optional<std::string> style;           ///< style (a Chroma name)
  std::optional<int> tab_width;               ///< tabWidth
  std::vector<std::string> unknown;           ///< keys folio does not know
};

/// Parses `{linenos=table,hl_lines=[8,"15-17"],linenostart=199}` (a fence's attributes,
/// braces optional) or `linenos=inline,hl_lines=2 4-5` (the highlight shortcode's).
CodeAttributes parse_code_attributes(std::string_view text);

/// The attribute part of a fence's info string (from the first `{`), or "".
std::string_view info_attributes(std::string_view info);

// ---- engine.cpp (KSyntaxHighlighting) ------------------------------------------------

/// The definition's own name when the engine has it (any case), or its name for a file
/// extension ("rs" -> "Rust"); nullopt otherwise (and always without the engine).
std::optional<std::string> engine_definition(std::string_view name);

/// Loads a definition and everything it includes, so that highlighting with it can
/// then run on several threads at once. Call on one thread before highlight_code.
void prepare_definition(const std::string& definition);

/// A KSyntaxHighlighting theme's colours as the theme file gives them (no contrast
/// adjustment); nullopt when the engine is off or has no theme of that name.
std::optional<CodePalette> engine_theme(const std::string& theme);

/// Names of the engine's themes (empty without the engine).
std::vector<std::string> engine_themes();

/// The styled runs of `text` (UTF-8 byte offsets) with a prepared definition.
/// Thread-safe for prepared definitions. Empty without the engine.
std::vector<CodeToken> highlight_code(const std::string& definition, std::string_view text);

// ---- theme.cpp -----------------------------------------------------------------------

/// A Chroma style name (Hugo's markup.highlight.style) or a KSyntaxHighlighting theme
/// name mapped to the closest KSyntaxHighlighting theme; nullopt when there is none.
std::optional<std::string> theme_for_style(std::string_view style);

/// The palette of a KSyntaxHighlighting theme with every token colour moved until it
/// keeps 4.5:1 contrast against the background (WCAG AA). Without the engine (or for a
/// theme it does not have), a built-in light or dark palette.
/// `background` replaces the theme's (the PDF keeps its own light grey box).
/// `grayscale`: the contrast also holds once printed in gray (BT.601 luma).
CodePalette make_palette(const std::string& theme, bool dark, std::optional<Rgb> background = std::nullopt,
                         bool grayscale = false);

/// The dark theme that goes with a light one ("Solarized Light" -> "Solarized Dark").
std::string dark_counterpart(const std::string& theme);

/// Moves `color` towards black or white until it has at least `ratio` contrast against `background`.
Rgb with_contrast(Rgb color, Rgb background, double ratio);

}  // namespace folio::highlight
