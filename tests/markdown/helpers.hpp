// Test helpers: a Post made by hand and read, and finders over the model.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "folio/markdown.hpp"

namespace folio::test {

inline Post make_post(std::string body, std::string path = "content/posts/a.md",
                      std::string title = "A post") {
  Post p;
  p.file = path;
  p.display_path = path;
  p.rel_path = path.substr(path.find('/') + 1);
  p.section = p.rel_path.substr(0, p.rel_path.find('/'));
  p.body = std::move(body);
  p.body_line = 1;
  p.title = std::move(title);
  p.title_from_front_matter = true;
  return p;
}

/// Reads one body with the given options; diagnostics collected in `diag`.
inline Document read(const std::string& body, Diagnostics& diag, MarkdownOptions options = {},
                     uint32_t body_line = 1, const SiteConfig* site = nullptr) {
  Post p = make_post(body);
  p.body_line = body_line;
  ReadContext ctx{&options, site};
  return read_post(p, ctx, diag);
}

template <class T>
std::vector<const T*> blocks_of(const Document& doc) {
  std::vector<const T*> out;
  for_each_block(doc.blocks, [&](const Block& b) {
    if (auto* x = std::get_if<T>(&b.node)) out.push_back(x);
  });
  return out;
}

template <class T>
std::vector<const Block*> block_nodes(const Document& doc) {
  std::vector<const Block*> out;
  for_each_block(doc.blocks, [&](const Block& b) {
    if (std::holds_alternative<T>(b.node)) out.push_back(&b);
  });
  return out;
}

template <class T>
std::vector<const Inline*> inlines_of(const Document& doc) {
  std::vector<const Inline*> out;
  for_each_inline(doc, [&](const Inline& in) {
    if (std::holds_alternative<T>(in.node)) out.push_back(&in);
  });
  return out;
}

/// True if a diagnostic, formatted as `file:line:col: severity: message`, contains needle.
inline bool has(const Diagnostics& diag, const std::string& needle) {
  for (const auto& d : diag.all())
    if (d.format().find(needle) != std::string::npos) return true;
  return false;
}

/// Every diagnostic formatted, for failure messages.
inline std::string all_diagnostics(const Diagnostics& diag) {
  std::string out;
  for (const auto& d : diag.all()) out += d.format() + "\n";
  return out;
}

inline std::string para_text(const Document& doc, size_t i = 0) {
  auto ps = blocks_of<Paragraph>(doc);
  REQUIRE(ps.size() > i);
  return plain_text(ps[i]->children);
}

}  // namespace folio::test
