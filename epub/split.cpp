// Chapter splitting at level-2 headings, heading ids, and the id → file map.
#include "split.hpp"

#include "base/uri.hpp"

#include "base/document_text.hpp"

#include <cstdio>
#include <set>
#include <span>
#include <type_traits>

namespace folio::epub {

namespace {

std::string key_of(int chapter, std::string_view fragment) {
  std::string key = std::to_string(chapter);
  key += '\x1f';
  key.append(fragment);
  return key;
}

// An id that can be written as a URL fragment without escaping: ASCII letters, digits,
// '-', '_' and '.', and any non-ASCII character (IRIs allow them). Everything else
// (spaces, '%', '#', quotes ... which a custom `{#id}` may hold) becomes '-'.
std::string clean_id(std::string_view id) {
  std::string out;
  for (char c : id) {
    unsigned char u = static_cast<unsigned char>(c);
    bool keep = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.';
    out += keep ? c : '-';
  }
  return out;
}

std::string unique_id(std::string base, std::set<std::string>& used) {
  if (used.insert(base).second) return base;
  for (int n = 1;; ++n) {
    std::string candidate = base + "-" + std::to_string(n);
    if (used.insert(candidate).second) return candidate;
  }
}

// Calls f(const FootnoteRef&) for every footnote reference in a block, nested ones too.
template <class F>
void for_each_footnote_ref(const Block& block, F&& f) {
  auto on_inline = [&](const Inline& in) {
    if (auto* ref = std::get_if<FootnoteRef>(&in.node)) f(*ref);
  };
  auto on_block = [&](const Block& b) { detail::walk_block_inlines(b, on_inline); };
  auto range = std::span<const Block>(&block, 1);
  detail::walk_blocks(range, on_block);
}

}  // namespace

std::string chapter_stem(size_t chapter) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "ch%03zu", chapter + 1);
  return buf;
}

std::string footnote_id(int number) { return "fn-" + std::to_string(number); }

std::string footnote_ref_id(int number, int k) {
  std::string id = "fnref-" + std::to_string(number);
  if (k > 1) id += "-" + std::to_string(k);
  return id;
}

void LinkMap::add(int chapter, std::string_view key, std::string_view file, std::string_view id) {
  if (key.empty()) return;
  places_.try_emplace(key_of(chapter, key), Place{std::string(file), std::string(id)});
}

void LinkMap::set_chapter_start(int chapter, std::string file) {
  if (chapter < 0) return;
  if (starts_.size() <= size_t(chapter)) starts_.resize(size_t(chapter) + 1);
  starts_[size_t(chapter)] = std::move(file);
}

const std::string& LinkMap::chapter_start(int chapter) const {
  static const std::string none;
  if (chapter < 0 || size_t(chapter) >= starts_.size()) return none;
  return starts_[size_t(chapter)];
}

std::string fragment_ref(std::string_view id) {
  // An id may be Chinese ("#总结"); in an href it is percent-encoded UTF-8, as RFC 3986 wants.
  return to_uri(id).value_or(std::string(id));
}

std::optional<std::string> LinkMap::href(int chapter, std::string_view fragment,
                                         std::string_view from_file) const {
  const std::string& start = chapter_start(chapter);
  if (start.empty()) return std::nullopt;
  if (fragment.empty()) return start;
  auto it = places_.find(key_of(chapter, fragment));
  if (it == places_.end()) return std::nullopt;
  if (it->second.file == from_file) return "#" + fragment_ref(it->second.id);
  return it->second.file + "#" + fragment_ref(it->second.id);
}

BookLayout layout_book(const Book& book, size_t split_bytes, const BlockSizer& sizer) {
  BookLayout out;
  out.chapters.resize(book.chapters.size());
  for (size_t c = 0; c < book.chapters.size(); ++c) {
    const Document& doc = book.chapters[c].document;
    ChapterLayout& layout = out.chapters[c];
    const int chapter = int(c);
    const std::string stem = chapter_stem(c);

    // Sections: runs of top-level blocks, each after the first starting at a level-2 heading.
    struct Section {
      size_t begin, end, bytes;
    };
    std::vector<Section> sections;
    size_t total = 0;
    for (size_t b = 0; b < doc.blocks.size(); ++b) {
      const auto* heading = std::get_if<Heading>(&doc.blocks[b].node);
      bool starts_section = heading && heading->level <= 2;
      if (sections.empty() || (starts_section && sections.back().end > sections.back().begin))
        sections.push_back({b, b, 0});
      size_t bytes = sizer ? sizer(doc.blocks[b]) : 0;
      sections.back().end = b + 1;
      sections.back().bytes += bytes;
      total += bytes;
    }
    if (sections.empty()) sections.push_back({0, 0, 0});

    // Files: the whole chapter, or sections packed greedily up to the limit.
    if (total <= split_bytes) {
      layout.files.push_back({stem + ".xhtml", 0, doc.blocks.size(), {}});
    } else {
      size_t bytes = 0;
      for (const auto& s : sections) {
        if (layout.files.empty() || (bytes > 0 && bytes + s.bytes > split_bytes)) {
          std::string name = layout.files.empty()
                                 ? stem + ".xhtml"
                                 : stem + "-" + std::to_string(layout.files.size() + 1) + ".xhtml";
          layout.files.push_back({std::move(name), s.begin, s.end, {}});
          bytes = 0;
        }
        layout.files.back().block_end = s.end;
        bytes += s.bytes;
      }
    }
    out.links.set_chapter_start(chapter, layout.files.front().name);

    // Ids the writer makes itself are reserved first, so a heading that happens to be
    // called "fn-1" is the one renamed.
    std::set<std::string> used{"chapter-title"};
    std::map<int, size_t> footnote_index;  // number → index into doc.footnotes
    for (size_t n = 0; n < doc.footnotes.size(); ++n) {
      int number = doc.footnotes[n].number;
      if (number <= 0) continue;
      footnote_index.emplace(number, n);
      used.insert(footnote_id(number));
      used.insert(footnote_ref_id(number, 1));
    }
    std::map<int, int> total_refs;
    for (const auto& block : doc.blocks)
      for_each_footnote_ref(block, [&](const FootnoteRef& ref) {
        if (footnote_index.count(ref.number)) used.insert(footnote_ref_id(ref.number, ++total_refs[ref.number]));
      });

    // Headings and footnote references, file by file.
    std::set<size_t> placed;  // footnotes already given a file
    std::map<int, int> ref_count;
    for (auto& file : layout.files) {
      out.links.add(chapter, "chapter-title", file.name, "chapter-title");
      for (size_t b = file.block_begin; b < file.block_end; ++b) {
        const Block& top = doc.blocks[b];
        auto on_block = [&](const Block& block) {
          const auto* heading = std::get_if<Heading>(&block.node);
          if (!heading) return;
          std::string base = clean_id(heading->id.empty() ? heading->post_id : heading->id);
          if (base.empty()) base = "section-" + std::to_string(layout.heading_ids.size() + 1);
          std::string id = unique_id(base, used);
          layout.heading_ids[heading] = id;
          out.links.add(chapter, heading->id, file.name, id);
          out.links.add(chapter, heading->post_id, file.name, id);
          if (&block == &top)
            layout.sections.push_back({plain_text(heading->children), file.name + "#" + fragment_ref(id), heading->level});
        };
        auto range = std::span<const Block>(&top, 1);
        detail::walk_blocks(range, on_block);
        for_each_footnote_ref(top, [&](const FootnoteRef& ref) {
          auto it = footnote_index.find(ref.number);
          if (ref.number <= 0 || it == footnote_index.end()) return;
          int k = ++ref_count[ref.number];
          std::string rid = footnote_ref_id(ref.number, k);
          out.links.add(chapter, rid, file.name, rid);
          if (placed.insert(it->second).second) {
            file.footnotes.push_back(it->second);
            out.links.add(chapter, footnote_id(ref.number), file.name, footnote_id(ref.number));
          }
        });
      }
    }
    // Notes referenced only from other notes go to the last file.
    for (const auto& [number, index] : footnote_index) {
      if (placed.count(index)) continue;
      layout.files.back().footnotes.push_back(index);
      out.links.add(chapter, footnote_id(number), layout.files.back().name, footnote_id(number));
    }
  }
  return out;
}

}  // namespace folio::epub
