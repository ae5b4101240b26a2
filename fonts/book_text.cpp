// Collecting the distinct characters a book shows, per font role, with their first place.
#include "book_text.hpp"

#include <string_view>
#include <variant>

#include "base/han_runs.hpp"
#include "base/utf8.hpp"

namespace folio::fonts {

bool is_invisible(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) ||
         c == 0xFEFF || (c >= 0xE0000 && c <= 0xE0FFF);
}

namespace {

/// The walk's state: one seen-bitmap per role (a flat bitmap of all of Unicode is 136 KB and
/// makes the per-character test a single load, which matters for a 1.5 MB book).
class Collector {
 public:
  Collector() {
    for (auto& s : seen_) s.assign(0x110000, false);
    for (auto& s : as_text_) s.assign(0x110000, false);
  }

  /// Adds text that starts at `where`; columns and lines advance through the text so that a
  /// character is located where it stands (exact for text written on one source line).
  void add(FontRole role, std::string_view text, SourceLocation where) {
    auto& seen = seen_[size_t(role)];
    size_t line_start = 0;
    uint32_t line = where.line, column0 = where.column;
    for (size_t i = 0; i < text.size();) {
      size_t at = i;
      char32_t c = utf8::next(text, i);
      // U+FE0F after a character asks for its emoji presentation (UTS #51). The reader may
      // have split "❤" and U+FE0F into two text nodes, so the decision waits for the next one.
      settle_pending(c == 0xFE0F);
      if (c == '\n') {
        if (line) ++line;
        line_start = i;
        column0 = 1;
        continue;
      }
      if (c >= 0x110000 || is_invisible(c)) continue;
      pending_ = {size_t(role), c, true};
      if (seen[c]) continue;
      seen[c] = true;
      SourceLocation first = where;
      first.line = line;
      first.column = where.line && column0 ? column0 + uint32_t(at - line_start) : 0;
      text_.roles[size_t(role)].push_back({c, std::move(first), order_++});
    }
  }

  /// Adds the Han runs of text that stands inside emphasis.
  void add_emphasis_han(std::string_view text) {
    for (auto [first, last] : han_runs(text))
      for (size_t i = first; i < last;) {
        char32_t c = utf8::next(text, i);
        if (c < 0x110000 && !emphasis_seen_[c] && !is_invisible(c)) {
          emphasis_seen_[c] = true;
          text_.emphasis_han.push_back(c);
        }
      }
  }

  BookText take() {
    settle_pending(false);
    for (size_t role = 0; role < text_.roles.size(); ++role)
      for (UsedChar& used : text_.roles[role]) used.only_as_emoji = !as_text_[role][used.code_point];
    return std::move(text_);
  }

 private:
  std::array<std::vector<bool>, 3> seen_;
  std::array<std::vector<bool>, 3> as_text_;  ///< seen at least once without U+FE0F after it
  /// The last visible character, whose presentation the character after it decides.
  struct Pending {
    size_t role = 0;
    char32_t c = 0;
    bool waiting = false;
  } pending_;
  void settle_pending(bool followed_by_fe0f) {
    if (pending_.waiting && !followed_by_fe0f) as_text_[pending_.role][pending_.c] = true;
    pending_.waiting = false;
  }
  std::vector<bool> emphasis_seen_ = std::vector<bool>(0x110000, false);
  BookText text_;
  size_t order_ = 0;
};

struct DocumentWalker {
  Collector& out;
  const Document& doc;
  int emphasis_depth = 0;  ///< inside how many Emphasis nodes the walk is

  SourceLocation at(SourcePos pos, SourcePos fallback) const {
    return doc.at(pos.line ? pos : fallback);
  }

  void inlines(const Inlines& list, FontRole role, SourcePos parent) {
    for (const auto& in : list) {
      SourcePos pos = in.pos.line ? in.pos : parent;
      std::visit(
          [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, Text>) {
              out.add(role, node.text, at(pos, parent));
              if (emphasis_depth > 0) out.add_emphasis_han(node.text);
            } else if constexpr (std::is_same_v<T, Emphasis>) {
              ++emphasis_depth;
              inlines(node.children, role, pos);
              --emphasis_depth;
            } else if constexpr (std::is_same_v<T, Code>) {
              out.add(FontRole::code, node.text, at(pos, parent));
            } else if constexpr (std::is_same_v<T, Math>) {
              out.add(FontRole::code, node.tex, at(pos, parent));
            } else if constexpr (std::is_same_v<T, Image>) {
              out.add(role, node.alt, at(pos, parent));
            } else if constexpr (std::is_same_v<T, Strong>) {
              // Bold is set in the heading role's bold face (EPUB strong, PDF bold).
              inlines(node.children, role, pos);
              if (role != FontRole::heading) inlines(node.children, FontRole::heading, pos);
            } else if constexpr (requires { node.children; }) {
              inlines(node.children, role, pos);
            }
          },
          in.node);
    }
  }

  void blocks(const Blocks& list, SourcePos parent) {
    for (const auto& block : list) {
      SourcePos pos = block.pos.line ? block.pos : parent;
      std::visit(
          [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
              inlines(node.children, FontRole::body, pos);
            } else if constexpr (std::is_same_v<T, Heading>) {
              inlines(node.children, FontRole::heading, pos);
              // The navigation document lists headings in the body font.
              inlines(node.children, FontRole::body, pos);
            } else if constexpr (std::is_same_v<T, List>) {
              for (const auto& item : node.items) blocks(item.children, item.pos.line ? item.pos : pos);
            } else if constexpr (std::is_same_v<T, BlockQuote>) {
              blocks(node.children, pos);
            } else if constexpr (std::is_same_v<T, CodeBlock>) {
              // The code starts on the line after the opening fence.
              SourceLocation where = doc.at(pos);
              if (where.line) {
                ++where.line;
                where.column = 1;
              }
              out.add(FontRole::code, node.text, where);
            } else if constexpr (std::is_same_v<T, Table>) {
              for (const auto& cell : node.header) inlines(cell.children, FontRole::body, cell.pos.line ? cell.pos : pos);
              for (const auto& row : node.rows)
                for (const auto& cell : row) inlines(cell.children, FontRole::body, cell.pos.line ? cell.pos : pos);
            } else if constexpr (std::is_same_v<T, Figure>) {
              inlines(node.caption, FontRole::body, pos);
              out.add(FontRole::body, node.alt, doc.at(pos));
            } else if constexpr (std::is_same_v<T, DefinitionList>) {
              for (const auto& item : node.items) {
                SourcePos ipos = item.pos.line ? item.pos : pos;
                inlines(item.term, FontRole::body, ipos);
                for (const auto& def : item.definitions) blocks(def, ipos);
              }
            } else if constexpr (std::is_same_v<T, Division>) {
              inlines(node.title, FontRole::body, pos);
              blocks(node.children, pos);
            } else if constexpr (std::is_same_v<T, RawBlock>) {
              // Writers show unmapped source as code.
              out.add(FontRole::code, node.text, doc.at(pos));
            }
          },
          block.node);
    }
  }
};

}  // namespace

BookText collect_book_text(const Book& book) {
  Collector out;
  const auto& meta = book.meta();
  SourceLocation book_file{book.config.file.string()};
  for (FontRole role : {FontRole::heading, FontRole::body}) {
    out.add(role, meta.title, book_file);
    out.add(role, meta.subtitle, book_file);
  }
  for (const auto& author : meta.authors) out.add(FontRole::body, author, book_file);
  for (const auto* s : {&meta.description, &meta.publisher, &meta.rights}) out.add(FontRole::body, *s, book_file);
  for (const auto& part : book.parts)
    for (FontRole role : {FontRole::heading, FontRole::body}) out.add(role, part.title, book_file);
  for (const auto& chapter : book.chapters) {
    SourceLocation post_file{chapter.document.source.empty() ? chapter.post.display_path : chapter.document.source};
    for (FontRole role : {FontRole::heading, FontRole::body}) out.add(role, chapter.post.title, post_file);
    for (const auto& author : chapter.post.authors) out.add(FontRole::body, author, post_file);
    DocumentWalker walker{out, chapter.document};
    walker.blocks(chapter.document.blocks, {});
    for (const auto& note : chapter.document.footnotes) walker.blocks(note.children, note.pos);
  }
  return out.take();
}

}  // namespace folio::fonts
