// folio list: the posts a book would hold, in order, with date, size and tags; counts per tag.
#include <algorithm>
#include <cstdio>
#include <map>

#include "base/json_writer.hpp"
#include "common.hpp"
#include "folio/content.hpp"

namespace folio::cli {

namespace {

struct ListFlags {
  BookFlags book;
  bool json = false;
};

// Tag counts over the chosen posts, by term identity; shown with the first spelling met.
struct TagCount {
  std::string term;     ///< normalized
  std::string shown;    ///< as the first post wrote it
  size_t count = 0;
};

std::vector<TagCount> count_tags(const BookPlan& plan) {
  std::vector<TagCount> counts;
  std::map<std::string, size_t> index;
  for (const auto& entry : plan.chapters) {
    std::vector<std::string> seen;  // a post that repeats a tag counts once
    for (const auto& tag : entry.post->tags) {
      std::string term = normalize_term(tag);
      if (std::find(seen.begin(), seen.end(), term) != seen.end()) continue;
      seen.push_back(term);
      auto [it, added] = index.emplace(term, counts.size());
      if (added) counts.push_back({term, tag, 0});
      ++counts[it->second].count;
    }
  }
  std::stable_sort(counts.begin(), counts.end(), [](const TagCount& a, const TagCount& b) {
    return a.count != b.count ? a.count > b.count : a.term < b.term;
  });
  return counts;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void print_text(const BookPlan& plan, const std::vector<TagCount>& tags) {
  size_t total_chars = 0;
  int last_part = -1;
  std::printf("%-10s  %7s  %s\n", "DATE", "CHARS", "TITLE [TAGS]");
  for (const auto& entry : plan.chapters) {
    const Post& p = *entry.post;
    if (entry.part >= 0 && entry.part != last_part) {
      std::printf("== %s\n", plan.parts[size_t(entry.part)].c_str());
      last_part = entry.part;
    }
    std::string date = p.date ? p.date->ymd() : "-";
    std::string line = p.title;
    if (!p.tags.empty()) line += "  [" + joined(p.tags) + "]";
    if (p.draft) line += "  (draft)";
    std::printf("%-10s  %7zu  %s\n", date.c_str(), p.char_count, line.c_str());
    total_chars += p.char_count;
  }
  std::printf("\n%zu posts, %zu characters\n", plan.chapters.size(), total_chars);
  if (!tags.empty()) {
    std::printf("\nTAG COUNTS\n");
    for (const auto& t : tags) std::printf("%7zu  %s\n", t.count, t.term.c_str());
  }
}

void print_json(const BookPlan& plan, const std::vector<TagCount>& tags) {
  JsonWriter w(2);
  w.begin_object();
  w.key("posts");
  w.begin_array();
  for (const auto& entry : plan.chapters) {
    const Post& p = *entry.post;
    w.begin_object();
    w.key("path");
    w.string(p.display_path);
    w.key("title");
    w.string(p.title);
    w.key("date");
    if (p.date) w.string(p.date->ymd());
    else w.null();
    w.key("tags");
    w.begin_array();
    for (const auto& t : p.tags) w.string(t);
    w.end_array();
    w.key("categories");
    w.begin_array();
    for (const auto& c : p.categories) w.string(c);
    w.end_array();
    w.key("chars");
    w.number(int64_t(p.char_count));
    w.key("draft");
    w.boolean(p.draft);
    w.key("weight");
    w.number(int64_t(p.weight));
    w.key("section");
    w.string(p.section);
    if (entry.part >= 0) {
      w.key("part");
      w.string(plan.parts[size_t(entry.part)]);
    }
    w.end_object();
  }
  w.end_array();
  w.key("tags");
  w.begin_object();
  for (const auto& t : tags) {
    w.key(t.term);
    w.number(int64_t(t.count));
  }
  w.end_object();
  w.end_object();
  std::printf("%s\n", w.str().c_str());
}

int run_list(const ListFlags& flags) {
  auto diagnostics = make_diagnostics();
  auto config = load_config(flags.book, *diagnostics);
  // A book.yaml with errors is a usage problem, even when it could be read.
  if (!config || diagnostics->error_count() > 0) return usage;

  Collection collection = collect_posts(*config, *diagnostics);
  if (collection.roots.empty() || diagnostics->contains("content folder not found")) return usage;
  BookPlan plan = select_posts(collection, *config, now_unix(), *diagnostics);
  if (plan.chapters.empty()) return usage;

  auto tags = count_tags(plan);
  if (flags.json) print_json(plan, tags);
  else print_text(plan, tags);
  return diagnostics->error_count() > 0 ? build_failed : ok;
}

}  // namespace

void register_list(CLI::App& app, Action& run) {
  auto flags = std::make_shared<ListFlags>();
  auto* cmd = app.add_subcommand("list", "List the posts a book would hold, in order, with counts per tag");
  add_book_flags(*cmd, flags->book);
  cmd->add_flag("--json", flags->json, "print JSON for scripts");
  cmd->callback([flags, &run] { run = [flags] { return run_list(*flags); }; });
}

}  // namespace folio::cli
