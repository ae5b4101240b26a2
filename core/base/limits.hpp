// Budgets for untrusted input: how deep, how big and how many before folio stops
// following what a post, a front matter block or a config file asks for.
// Each is documented in README.md ("Limits"); past a limit the content is flattened or
// refused with a located diagnostic, never a crash, a hang or unbounded memory.
#pragma once

#include <cstddef>

namespace folio::limits {

/// Containers (block quotes, lists, list items, emphasis and other spans, raw HTML
/// elements) nested deeper than this in one post are flattened into their parent.
/// It bounds the depth of the Document, so every recursive walker over it (both
/// writers, the figure and link passes) stays far from the end of the stack.
inline constexpr size_t kMaxMarkdownNesting = 64;

/// `{{< details >}}`, `<div>` and other divisions open at once in one post; deeper ones
/// are kept as plain content of the innermost division.
inline constexpr size_t kMaxDivisionNesting = 32;

/// Lists and maps nested inside one YAML, TOML or JSON document (front matter,
/// book.yaml, the site config).
inline constexpr size_t kMaxDataNesting = 64;

/// YAML aliases (`*name`) in one document.
inline constexpr size_t kMaxYamlAliases = 1000;

/// Values one YAML document may expand to once its aliases are followed: a "billion
/// laughs" bomb of a few hundred bytes is refused here instead of filling memory.
inline constexpr size_t kMaxDataValues = 1000000;

/// Bytes of text one YAML document may expand to once its aliases are followed.
inline constexpr size_t kMaxDataBytes = 16u << 20;

/// Combining marks (accents, "Zalgo" stacks) kept on one character; more are dropped.
/// Unicode's stream-safe text format (UAX #15) allows 30 in a row; no script needs more,
/// and shaping a cluster costs time that grows with the square of its marks.
inline constexpr size_t kMaxCombiningMarks = 30;

}  // namespace folio::limits
