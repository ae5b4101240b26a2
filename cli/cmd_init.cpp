// folio init [DIR]: write a commented book.yaml for the site or content folder in DIR, with
// the title, language and the most used tags taken from the site config and the posts.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "base/atomic_file.hpp"
#include "common.hpp"
#include "console.hpp"
#include "folio/folio.hpp"

namespace folio::cli {

namespace fs = std::filesystem;

namespace {

struct InitFlags {
  std::string dir = ".";
  bool force = false;
};

// A YAML scalar in double quotes (titles may hold ':' or '#').
std::string yaml_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

int run_init(const InitFlags& flags) {
  auto diagnostics = make_diagnostics();
  std::error_code ec;
  if (!fs::is_directory(flags.dir, ec)) {
    diagnostics->error({flags.dir}, "no such folder");
    return usage;
  }
  const fs::path target = fs::path(flags.dir) / "book.yaml";
  if (fs::exists(target, ec) && !flags.force) {
    diagnostics->error({target.string()}, "already exists (--force replaces it)");
    return usage;
  }

  BookConfig config;
  config.base_dir = fs::absolute(flags.dir).lexically_normal();
  config.content = {config.base_dir.string()};
  Diagnostics scan_diagnostics;  // a post with broken front matter is for build to report
  Collection collection = collect_posts(config, scan_diagnostics);
  if (collection.roots.empty()) {
    diagnostics->error({flags.dir}, "no Hugo site or content folder found here");
    return usage;
  }
  const SiteConfig* site = nullptr;
  for (const auto& root : collection.roots)
    if (root.site) site = &*root.site;

  // Tags by the number of posts that carry them (a post counts once per term).
  std::map<std::string, size_t> counts;
  std::map<std::string, std::string> spelling;
  for (const Post& p : collection.posts) {
    if (p.draft) continue;
    std::vector<std::string> seen;
    for (const auto& tag : p.tags) {
      std::string term = normalize_term(tag);
      if (std::find(seen.begin(), seen.end(), term) != seen.end()) continue;
      seen.push_back(term);
      ++counts[term];
      spelling.emplace(term, tag);
    }
  }
  std::vector<std::pair<std::string, size_t>> tags(counts.begin(), counts.end());
  std::stable_sort(tags.begin(), tags.end(), [](const auto& a, const auto& b) { return a.second > b.second; });

  std::string title = site && !site->title.empty() ? site->title : config.base_dir.filename().string();
  std::string language = site ? site->language_code : "";
  std::string author = site ? site->author : "";

  std::string y;
  y += "# book.yaml: what `folio build` makes of this folder. Written by `folio init`;\n";
  y += "# every key is optional. Flags on the command line override what is set here.\n\n";
  y += "title: " + yaml_quoted(title) + "\n";
  y += "# subtitle: \"\"\n";
  y += (author.empty() ? "# authors: [\"\"]\n" : "authors: [" + yaml_quoted(author) + "]\n");
  y += (language.empty() ? "# language: zh-CN             # default: detected from the text\n"
                         : "language: " + language + "\n");
  if (site && !site->base_url.empty()) y += "base_url: " + site->base_url + "\n";
  y += "# cover: cover.jpg              # default: a generated cover\n\n";
  y += "content: [.]                    # site roots, content folders or Markdown files\n";
  y += "select:\n";
  y += "  # Posts with any of these tags. This folder's most used tags, by number of posts:\n";
  for (size_t i = 0; i < tags.size() && i < 8; ++i)
    y += "  #   " + spelling[tags[i].first] + " (" + std::to_string(tags[i].second) + ")\n";
  if (!tags.empty()) y += "  # tags: [" + spelling[tags[0].first] + "]\n";
  else y += "  # tags: []\n";
  y += "  # exclude_tags: []\n";
  y += "  # sections: [posts]\n";
  y += "  # from: 2024-01-01\n";
  y += "  drafts: false\n";
  y += "order: date                     # date | date-desc | weight | title | path\n";
  y += "group: none                     # none | tag | section | year\n\n";
  y += "# pdf:\n";
  y += "#   page: A5                      # A4 | A5 | B5 | JIS-B5 | Letter | 6x9\n";
  y += "#   font_size: 10.5\n";
  y += "# epub:\n";
  y += "#   embed_fonts: subset           # subset | full | none\n";

  std::string error;
  if (!write_file_atomically(target, y, &error)) {
    diagnostics->error({target.string()}, "cannot write: " + error);
    return build_failed;
  }
  size_t posts = collection.posts.size();
  Console::get().summary("wrote " + target.string() + ": " + std::to_string(posts) + (posts == 1 ? " post, " : " posts, ") +
                         std::to_string(tags.size()) + (tags.size() == 1 ? " tag" : " tags") +
                         " found; edit it, then run folio build");
  return ok;
}

}  // namespace

void register_init(CLI::App& app, Action& run) {
  auto flags = std::make_shared<InitFlags>();
  auto* cmd = app.add_subcommand("init", "Write a commented book.yaml for the site or content folder in DIR");
  cmd->add_option("dir", flags->dir, "the site or content folder (default: the working folder)")->type_name("DIR");
  cmd->add_flag("--force", flags->force, "replace an existing book.yaml");
  cmd->callback([flags, &run] { run = [flags] { return run_init(*flags); }; });
}

}  // namespace folio::cli
