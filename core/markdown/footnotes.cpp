// Footnotes: `[^label]` references numbered by first use within the post, definitions
// parsed on their own; missing and unused ones reported.
#include <map>

#include "reading.hpp"

namespace folio::markdown {

void resolve_footnotes(Document& doc, PostReader& reader) {
  std::map<std::string, size_t> defined;  // label → index into footnote_sources
  for (size_t i = 0; i < reader.footnote_sources.size(); ++i) {
    const auto& src = reader.footnote_sources[i];
    if (auto [it, fresh] = defined.emplace(src.label, i); !fresh)
      reader.warn(src.origin, "footnote [^" + src.label + "] is defined twice; the first is kept");
  }
  std::map<std::string, int> numbers;
  std::vector<std::string> order;
  auto number_refs = [&](Inline& in) {
    auto* ref = std::get_if<FootnoteRef>(&in.node);
    if (!ref) return;
    if (!defined.count(ref->label)) {
      reader.warn_at(in.pos, "footnote [^" + ref->label + "] has no definition");
      ref->number = 0;
      return;
    }
    auto [it, fresh] = numbers.emplace(ref->label, static_cast<int>(numbers.size()) + 1);
    if (fresh) order.push_back(ref->label);
    ref->number = it->second;
  };
  for_each_inline(doc, number_refs);
  // Definitions are parsed after the body; references inside them number on.
  for (size_t n = 0; n < order.size(); ++n) {
    const FootnoteSource src = reader.footnote_sources[defined[order[n]]];  // parsing may add more
    Footnote note;
    note.label = src.label;
    note.number = static_cast<int>(n) + 1;
    note.pos = reader.pos(src.origin);
    note.children = parse_blocks(src.body, reader);
    Document inner;
    inner.blocks = std::move(note.children);
    for_each_inline(inner, number_refs);
    note.children = std::move(inner.blocks);
    doc.footnotes.push_back(std::move(note));
  }
  for (const auto& [label, index] : defined)
    if (!numbers.count(label))
      reader.warn(reader.footnote_sources[index].origin,
                  "footnote [^" + label + "] is defined but never referenced; dropped");
}

}  // namespace folio::markdown
