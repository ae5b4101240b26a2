// Template definitions of the Document walking helpers (included by document.hpp).
#pragma once

#include <type_traits>

namespace folio::detail {

template <class BlocksT, class F>
void walk_blocks(BlocksT& blocks, F& f) {
  for (auto& block : blocks) {
    f(block);
    std::visit(
        [&](auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, List>) {
            for (auto& item : node.items) walk_blocks(item.children, f);
          } else if constexpr (std::is_same_v<T, BlockQuote> || std::is_same_v<T, Division>) {
            walk_blocks(node.children, f);
          } else if constexpr (std::is_same_v<T, DefinitionList>) {
            for (auto& item : node.items)
              for (auto& def : item.definitions) walk_blocks(def, f);
          }
        },
        block.node);
  }
}

template <class InlinesT, class F>
void walk_inlines(InlinesT& inlines, F& f) {
  for (auto& in : inlines) {
    f(in);
    std::visit(
        [&](auto& node) {
          if constexpr (requires { node.children; }) walk_inlines(node.children, f);
        },
        in.node);
  }
}

template <class BlockT, class F>
void walk_block_inlines(BlockT& block, F& f) {
  std::visit(
      [&](auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Paragraph> || std::is_same_v<T, Heading>) {
          walk_inlines(node.children, f);
        } else if constexpr (std::is_same_v<T, Table>) {
          for (auto& cell : node.header) walk_inlines(cell.children, f);
          for (auto& row : node.rows)
            for (auto& cell : row) walk_inlines(cell.children, f);
        } else if constexpr (std::is_same_v<T, Figure>) {
          walk_inlines(node.caption, f);
        } else if constexpr (std::is_same_v<T, DefinitionList>) {
          for (auto& item : node.items) walk_inlines(item.term, f);
        } else if constexpr (std::is_same_v<T, Division>) {
          walk_inlines(node.title, f);
        }
      },
      block.node);
}

}  // namespace folio::detail

namespace folio {

template <class F>
void for_each_block(Blocks& blocks, F&& f) {
  detail::walk_blocks(blocks, f);
}
template <class F>
void for_each_block(const Blocks& blocks, F&& f) {
  detail::walk_blocks(blocks, f);
}

template <class F>
void for_each_inline(Document& doc, F&& f) {
  auto per_block = [&](Block& b) { detail::walk_block_inlines(b, f); };
  detail::walk_blocks(doc.blocks, per_block);
  for (auto& note : doc.footnotes) detail::walk_blocks(note.children, per_block);
}
template <class F>
void for_each_inline(const Document& doc, F&& f) {
  auto per_block = [&](const Block& b) { detail::walk_block_inlines(b, f); };
  detail::walk_blocks(doc.blocks, per_block);
  for (const auto& note : doc.footnotes) detail::walk_blocks(note.children, per_block);
}

}  // namespace folio
