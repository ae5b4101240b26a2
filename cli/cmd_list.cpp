// folio list: the posts a book would hold, in order, with date, size and tags; counts per tag.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <thread>

#include "base/json_writer.hpp"
#include "common.hpp"
#include "console.hpp"
#include "folio/content.hpp"
#include "folio/markdown.hpp"

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

// Figures per chapter (block figures and images in running text), read with the Markdown
// reader the build uses, so the count is what the book will hold. Chapters are read in
// parallel; their diagnostics are reported afterwards in chapter order.
std::vector<size_t> count_figures(const BookPlan& plan, const Collection& collection, const BookConfig& config,
                                  Diagnostics& diagnostics) {
  std::vector<size_t> counts(plan.chapters.size(), 0);
  std::vector<std::vector<Diagnostic>> reported(plan.chapters.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t k = next++; k < plan.chapters.size(); k = next++) {
      const Post& post = *plan.chapters[k].post;
      ReadContext context;
      context.options = &config.markdown;
      for (const auto& root : collection.roots)
        if (root.content_dir == post.content_dir && root.site) context.site = &*root.site;
      Diagnostics local;
      Document doc = read_post(post, context, local);
      size_t n = 0;
      for_each_block(doc.blocks, [&](const Block& b) { n += std::holds_alternative<Figure>(b.node); });
      for_each_inline(doc, [&](const Inline& i) { n += std::holds_alternative<Image>(i.node); });
      counts[k] = n;
      reported[k] = local.all();
    }
  };
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), plan.chapters.size() / 8 + 1);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (auto& list : reported)
    for (auto& d : list) diagnostics.report(d.severity, std::move(d.where), std::move(d.message));
  return counts;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void print_text(const BookPlan& plan, const std::vector<size_t>& figures, const std::vector<TagCount>& tags) {
  size_t total_chars = 0, total_figures = 0;
  int last_part = -1;
  std::printf("%-10s  %7s  %7s  %s\n", "DATE", "CHARS", "FIGURES", "TITLE [TAGS]");
  for (size_t k = 0; k < plan.chapters.size(); ++k) {
    const auto& entry = plan.chapters[k];
    const Post& p = *entry.post;
    if (entry.part >= 0 && entry.part != last_part) {
      std::printf("== %s\n", plan.parts[size_t(entry.part)].c_str());
      last_part = entry.part;
    }
    std::string date = p.date ? p.date->ymd() : "-";
    std::string line = p.title;
    if (!p.tags.empty()) line += "  [" + joined(p.tags) + "]";
    if (p.draft) line += "  (draft)";
    std::printf("%-10s  %7zu  %7zu  %s\n", date.c_str(), p.char_count, figures[k], line.c_str());
    total_chars += p.char_count;
    total_figures += figures[k];
  }
  std::printf("\n%zu %s, %zu characters, %zu %s\n", plan.chapters.size(), plan.chapters.size() == 1 ? "post" : "posts",
              total_chars, total_figures, total_figures == 1 ? "figure" : "figures");
  if (!tags.empty()) {
    std::printf("\nTAG COUNTS\n");
    for (const auto& t : tags) std::printf("%7zu  %s\n", t.count, t.term.c_str());
  }
}

void print_json(const BookPlan& plan, const std::vector<size_t>& figures, const std::vector<TagCount>& tags) {
  JsonWriter w(2);
  w.begin_object();
  w.key("posts");
  w.begin_array();
  for (size_t k = 0; k < plan.chapters.size(); ++k) {
    const auto& entry = plan.chapters[k];
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
    w.key("figures");
    w.number(int64_t(figures[k]));
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

  auto figures = count_figures(plan, collection, *config, *diagnostics);
  auto tags = count_tags(plan);
  Console::get().finish_progress();  // the progress line goes before the output does
  if (flags.json) print_json(plan, figures, tags);
  else print_text(plan, figures, tags);
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
