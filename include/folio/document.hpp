// The Document model: one post's content as blocks and inlines. The only contract
// between reading (Markdown, shortcodes, raw HTML) and writing (EPUB, PDF): writers
// never see Markdown. Walk it with std::visit, or with the helpers at the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "folio/export.hpp"
#include "folio/code.hpp"
#include "folio/diagnostics.hpp"

namespace folio {
FOLIO_API_BEGIN

/// Where a node starts in its post's Markdown file (1-based; 0 = unknown, e.g. a
/// node a program added). The file is the Document's `source`.
struct SourcePos {
  uint32_t line = 0;
  uint32_t column = 0;
};

struct Inline;
struct Block;
using Inlines = std::vector<Inline>;
using Blocks = std::vector<Block>;

// ---- Inlines -------------------------------------------------------------------------

/// Plain text (UTF-8). Soft line breaks are already resolved: a space, or nothing
/// between two CJK characters.
struct Text { std::string text; };
struct Emphasis { Inlines children; };
struct Strong { Inlines children; };
struct Strikethrough { Inlines children; };
struct Superscript { Inlines children; };
struct Subscript { Inlines children; };
/// Inline code: shown as written, never typeset further.
struct Code { std::string text; };
/// TeX math, `$...$` (inline) or `$$...$$` (display).
struct Math { std::string tex; bool display = false; };
/// A hard line break (two trailing spaces, `\`, `<br>`).
struct LineBreak {};

/// Where a link goes once the book is assembled.
struct LinkTarget {
  /// Index into Book::chapters of the target post when it is in the book, else -1.
  int chapter = -1;
  /// Id of the target heading or anchor in that chapter (empty: the chapter's start).
  std::string fragment;
  /// For external links (and posts not in the book): the absolute URL to open.
  std::string url;
  bool internal() const { return chapter >= 0; }
};

struct Link {
  Inlines children;
  std::string href;    ///< as written in the source
  std::string title;
  LinkTarget target;   ///< resolved when the book is assembled (resolve_links)
};

/// An image inside running text (a figure stands alone as a block instead).
struct Image {
  std::string src;     ///< as written: relative path, site-absolute path or URL
  std::string alt;
  std::string title;
  int figure = -1;     ///< index into Book::figures once figures are resolved
};

/// A footnote reference `[^label]`. Labels are scoped to their post.
struct FootnoteRef {
  std::string label;
  int number = 0;      ///< 1-based in the chapter; 0 when the label has no definition
};

/// Ruby (`<ruby>漢<rt>kan</rt></ruby>`): base text with a small annotation set above it.
/// One node per base and annotation pair; `<rp>` fallback parentheses are not kept.
struct Ruby {
  Inlines children;        ///< the base text
  std::string annotation;  ///< the reading (the `<rt>` text)
};

struct Inline {
  std::variant<Text, Emphasis, Strong, Strikethrough, Superscript, Subscript, Code, Math,
               LineBreak, Link, Image, FootnoteRef, Ruby>
      node;
  SourcePos pos;
};

// ---- Blocks --------------------------------------------------------------------------

struct Paragraph { Inlines children; };

/// A heading. The chapter title is level 1 and is not a block; body headings are
/// shifted so that they start at level 2 ("second-level headings" are the TOC's).
struct Heading {
  int level = 2;
  std::string id;       ///< unique within the book (what writers emit)
  std::string post_id;  ///< the id Hugo gives it within its post (what links are written against)
  Inlines children;
};

struct ListItem {
  std::optional<bool> task;  ///< `[ ]` / `[x]` task items: checked or not
  Blocks children;
  SourcePos pos;
};

struct List {
  bool ordered = false;
  int start = 1;           ///< first number of an ordered list
  bool tight = true;       ///< items' paragraphs without space between them
  std::vector<ListItem> items;
};

struct BlockQuote { Blocks children; };

struct CodeBlock {
  // A constructor rather than aggregate initialisation, so that `CodeBlock{lang, info, text}`
  // leaves what the highlighter settles at its defaults without -Wmissing-field-initializers.
  CodeBlock(std::string language_ = {}, std::string info_ = {}, std::string text_ = {})
      : language(std::move(language_)), info(std::move(info_)), text(std::move(text_)) {}
  std::string language;  ///< first word of the info string, lowercased; aliases kept ("golang")
  std::string info;      ///< the whole info string
  std::string text;      ///< ends with a newline unless empty
  // Settled when the book is assembled (highlight_book), read by the writers:
  std::string highlight;           ///< the language it is highlighted as ("Go"); empty: plain
  bool guessed = false;            ///< `highlight` was guessed (the block had no language)
  std::vector<CodeToken> tokens;   ///< styled runs of `text`, in order, not overlapping
  CodeLines lines;                 ///< line numbers and highlighted lines
};

enum class Align { none, left, center, right };

struct TableCell {
  Inlines children;
  SourcePos pos;
};

struct Table {
  std::vector<Align> align;                  ///< one per column
  std::vector<TableCell> header;             ///< one per column
  std::vector<std::vector<TableCell>> rows;  ///< each padded to the column count
};

struct ThematicBreak {};

/// A figure: an image standing alone (Markdown image alone in its paragraph,
/// `figure` shortcode, HTML `<img>`/`<figure>` block).
struct Figure {
  std::string src;       ///< as written
  std::string alt;
  std::string title;
  Inlines caption;
  std::string link;      ///< where the figure links to, if anywhere
  int figure = -1;       ///< index into Book::figures once figures are resolved
};

struct DefinitionItem {
  Inlines term;
  std::vector<Blocks> definitions;
  SourcePos pos;
};

struct DefinitionList { std::vector<DefinitionItem> items; };

/// A titled container: `details` shortcode, HTML `<div>`/`<center>`, GitHub alerts.
struct Division {
  std::string kind;  ///< "details", "center", "div", "note", "warning", "video", ...
  Inlines title;     ///< summary / alert title; may be empty
  Blocks children;
};

/// Source that could not be mapped into the model, kept as text.
struct RawBlock {
  std::string format;  ///< "html", "shortcode"
  std::string text;
};

struct Block {
  std::variant<Paragraph, Heading, List, BlockQuote, CodeBlock, Table, ThematicBreak, Figure,
               DefinitionList, Division, RawBlock>
      node;
  SourcePos pos;
};

/// A footnote definition `[^label]: ...`, numbered in order of first reference.
struct Footnote {
  std::string label;
  int number = 0;  ///< 1-based; footnotes never referenced are dropped (with a warning)
  Blocks children;
  SourcePos pos;
};

/// One post's content.
struct Document {
  std::string source;              ///< the Markdown file as diagnostics name it
  Blocks blocks;
  std::vector<Footnote> footnotes; ///< ordered by number

  /// The full location of a node of this document, for diagnostics.
  SourceLocation at(SourcePos pos) const { return {source, pos.line, pos.column}; }
};

// ---- Helpers -------------------------------------------------------------------------

/// The text of inlines without markup (code kept, images by their alt text).
std::string plain_text(const Inlines& inlines);

/// Calls f(Block&) for every block, depth first, including blocks inside lists,
/// quotes, divisions, definition lists and footnotes.
template <class F>
void for_each_block(Blocks& blocks, F&& f);
template <class F>
void for_each_block(const Blocks& blocks, F&& f);

/// Calls f(Inline&) for every inline in every block (and nested inline), depth first.
template <class F>
void for_each_inline(Document& doc, F&& f);
template <class F>
void for_each_inline(const Document& doc, F&& f);

/// The model as JSON (a stable schema, as pandoc's JSON AST: each node an object
/// with "t" for its type, "pos" [line, column], and its fields).
std::string to_json(const Document& doc);

FOLIO_API_END
}  // namespace folio

#include "folio/document_walk.hpp"
