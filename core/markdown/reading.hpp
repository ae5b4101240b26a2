// The private state of reading one post and the passes that share it (shortcodes,
// preprocess, md4c reader, inline text rules, HTML mapping, ids, footnotes).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/config.hpp"
#include "folio/content.hpp"
#include "folio/diagnostics.hpp"
#include "folio/document.hpp"
#include "folio/markdown.hpp"
#include "folio/post.hpp"
#include "source_map.hpp"

namespace folio::markdown {

/// A definition list cut out of the text before md4c (which lacks them).
struct DefinitionListSource {
  struct Item {
    MappedText term;
    std::vector<MappedText> definitions;
    uint32_t origin = 0;
  };
  std::vector<Item> items;
};

/// A footnote definition `[^label]: ...` cut out before md4c, parsed on its own.
struct FootnoteSource {
  std::string label;
  MappedText body;
  uint32_t origin = 0;
};

/// Nodes made before md4c runs (by shortcodes, definition lists). The text carries a
/// marker in their place (U+E000, a kind letter, the index, U+E001) that md4c passes
/// through as plain text; the reader swaps the marker for the node.
///   B: blocks[i]   I: inlines[i]   O: opens divisions[i]   C: closes divisions[i]
///   L: definition_lists[i]
struct Insertions {
  std::vector<Block> blocks;
  std::vector<Inline> inlines;
  std::vector<Division> divisions;
  std::vector<DefinitionListSource> definition_lists;
};

inline constexpr std::string_view kMarkerOpen = "\xEE\x80\x80";   // U+E000
inline constexpr std::string_view kMarkerClose = "\xEE\x80\x81";  // U+E001
std::string marker(char kind, size_t index);
/// A marker at text[i]: its kind and index, and i moved past it; false if none is there.
bool parse_marker(std::string_view text, size_t& i, char& kind, size_t& index);

/// Everything reading one post carries: where it came from, options, the sink.
struct PostReader {
  const Post& post;
  const MarkdownOptions& options;
  const SiteConfig* site;
  Diagnostics& diagnostics;
  LineIndex lines;
  Insertions insertions;
  std::vector<FootnoteSource> footnote_sources;
  bool emoji = false;
  std::string auto_id_type = "github";

  PostReader(const Post& p, const ReadContext& context, Diagnostics& d);
  SourcePos pos(uint32_t origin) const { return lines.at(origin); }
  SourceLocation where(uint32_t origin) const;
  void warn(uint32_t origin, std::string message);
  void warn_at(SourcePos pos, std::string message);
};

/// Fence state across lines: ``` or ~~~ fences, any indentation (fences sit in lists too).
struct FenceTracker {
  char ch = 0;
  size_t length = 0;
  bool open() const { return ch != 0; }
  void line(std::string_view line) {
    size_t k = 0;
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t' || line[k] == '>')) ++k;
    if (k >= line.size() || (line[k] != '`' && line[k] != '~')) return;
    char c = line[k];
    size_t n = 0;
    while (k + n < line.size() && line[k + n] == c) ++n;
    if (n < 3) return;
    if (!open()) {
      ch = c;
      length = n;
    } else if (c == ch && n >= length &&
               line.find_first_not_of(" \t\r", k + n) == std::string_view::npos) {
      ch = 0;
    }
  }
};

// ---- passes --------------------------------------------------------------------------

/// Cuts runs of combining marks on one character to limits::kMaxCombiningMarks, with one
/// located warning for the post.
MappedText limit_combining_marks(MappedText in, PostReader& reader);

/// Expands Hugo shortcodes (also inside code fences) into Markdown text and markers.
MappedText expand_shortcodes(const MappedText& in, PostReader& reader);

/// Table delimiter repair, `<!--more-->` removal, footnote definitions and definition
/// lists cut out (into reader.footnote_sources / insertions).
MappedText preprocess(const MappedText& in, PostReader& reader);

/// Runs md4c over `text` and returns its blocks (markers resolved, divisions folded).
Blocks parse_blocks(const MappedText& text, PostReader& reader);

/// Normal text of one run (never code, HTML or URLs) → Text / FootnoteRef / emoji /
/// typographer output. `previous` is the character before the run (for quote direction).
void append_normal_text(Inlines& out, std::string_view text, const std::vector<uint32_t>& origins,
                        char32_t previous, bool typographer, PostReader& reader);

/// Curly quotes, dashes and ellipsis over one run of normal text.
std::string typographer(std::string_view text, char32_t previous);

/// How many bytes of `text`, the text of a bare-URL autolink, belong to the URL: it ends
/// at whitespace, `<`, CJK characters and full-width punctuation, and GFM's trailing
/// punctuation rules apply.
size_t autolink_length(std::string_view text);

/// `:name:` → the emoji, or nullptr for an unknown name.
const char* emoji_for(std::string_view name);

/// libxml2 must initialise itself on one thread before several threads parse.
void prepare_html_parser();
/// Raw HTML block text → blocks. `origins` maps each byte of html to the body.
Blocks html_blocks(std::string_view html, const std::vector<uint32_t>& origins, PostReader& reader);
/// The characters of an HTML5 named character reference (`check` → "✓"), if it is one.
std::optional<std::string_view> named_entity(std::string_view name);
/// Rewrites the named references of HTML5 that libxml2's HTML 4 parser does not know
/// (`&check;`, `&NewLine;`) as numeric ones, which it does; `origins` (one source offset
/// per byte, when it has html's size) follows, each new byte taking its '&'s origin.
void html5_references_as_numeric(std::string& html, std::vector<uint32_t>& origins);
/// Decodes an HTML entity (`&nbsp;`, `&#x4e2d;`) to UTF-8; empty if unknown.
std::string decode_entity(std::string_view entity);

/// One inline raw HTML tag, as md4c hands it over.
struct HtmlTag {
  std::string name;  ///< lowercased; empty for comments and declarations
  bool closing = false;
  bool self_closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string attribute(std::string_view key) const;
};
HtmlTag parse_html_tag(std::string_view raw);

/// Hugo's automatic heading id of `text` for an autoIDType.
std::string hugo_heading_id(std::string_view text, std::string_view auto_id_type);
/// Strips a trailing `{#id ...}` attribute block from a heading; returns the id (or "").
std::string take_heading_attribute(Inlines& children);
/// Gives every heading its post_id and id (unique in the post; `{#id}` honoured).
void assign_heading_ids(Blocks& blocks, PostReader& reader);

/// Shifts `#` body headings under the chapter title and drops a first `# Title`.
void normalize_headings(Blocks& blocks, const Post& post);

/// Numbers footnote references by first use; parses and attaches the definitions.
void resolve_footnotes(Document& doc, PostReader& reader);

}  // namespace folio::markdown
