// Plain text of Document nodes: inline text, block prose, a whole document.
#include "base/document_text.hpp"

#include <type_traits>

namespace folio {

namespace {

void append_inlines(const Inlines& inlines, bool with_code, std::string& out) {
  for (const auto& in : inlines) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, Text>) {
            out += node.text;
          } else if constexpr (std::is_same_v<T, Code>) {
            if (with_code) out += node.text;
          } else if constexpr (std::is_same_v<T, Math>) {
            if (with_code) out += node.tex;
          } else if constexpr (std::is_same_v<T, LineBreak>) {
            out += ' ';
          } else if constexpr (std::is_same_v<T, Image>) {
            out += node.alt;
          } else if constexpr (std::is_same_v<T, FootnoteRef>) {
            // A reference mark is not text of its own.
          } else {
            append_inlines(node.children, with_code, out);
          }
        },
        in.node);
  }
}

}  // namespace

void append_block_text(const Blocks& blocks, bool with_code, std::string& out) {
  for (const auto& block : blocks) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, Paragraph> || std::is_same_v<T, Heading>) {
            append_inlines(node.children, with_code, out);
            out += '\n';
          } else if constexpr (std::is_same_v<T, List>) {
            for (const auto& item : node.items) append_block_text(item.children, with_code, out);
          } else if constexpr (std::is_same_v<T, BlockQuote>) {
            append_block_text(node.children, with_code, out);
          } else if constexpr (std::is_same_v<T, Division>) {
            append_inlines(node.title, with_code, out);
            out += '\n';
            append_block_text(node.children, with_code, out);
          } else if constexpr (std::is_same_v<T, CodeBlock>) {
            if (with_code) out += node.text;
          } else if constexpr (std::is_same_v<T, Table>) {
            for (const auto& cell : node.header) {
              append_inlines(cell.children, with_code, out);
              out += '\t';
            }
            out += '\n';
            for (const auto& row : node.rows) {
              for (const auto& cell : row) {
                append_inlines(cell.children, with_code, out);
                out += '\t';
              }
              out += '\n';
            }
          } else if constexpr (std::is_same_v<T, Figure>) {
            out += node.alt;
            out += '\n';
            append_inlines(node.caption, with_code, out);
            out += '\n';
          } else if constexpr (std::is_same_v<T, DefinitionList>) {
            for (const auto& item : node.items) {
              append_inlines(item.term, with_code, out);
              out += '\n';
              for (const auto& def : item.definitions) append_block_text(def, with_code, out);
            }
          } else if constexpr (std::is_same_v<T, RawBlock>) {
            if (with_code) out += node.text;
          }
        },
        block.node);
  }
}

std::string document_text(const Document& doc, bool with_code) {
  std::string out;
  append_block_text(doc.blocks, with_code, out);
  for (const auto& note : doc.footnotes) append_block_text(note.children, with_code, out);
  return out;
}

}  // namespace folio
