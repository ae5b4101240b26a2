// Scanning: site roots vs content folders vs files, skipped folders, bundles, _index.md, site config.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/siteconfig.hpp"
#include "folio/content.hpp"
#include "temp_dir.hpp"

using namespace folio;
using folio::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> rel_paths(const Collection& c) {
  std::vector<std::string> out;
  for (const auto& p : c.posts) out.push_back(p.rel_path);
  return out;
}

Collection scan(const TempDir& dir, std::vector<std::string> paths, Diagnostics& sink) {
  BookConfig config;
  config.base_dir = dir.path();
  config.content = std::move(paths);
  return collect_posts(config, sink);
}

// A small Hugo site with the things a scan must leave alone.
void write_site(const TempDir& dir) {
  dir.write("site/hugo.toml",
            "title = \"Go 夜读\"\nbaseURL = \"https://example.org/\"\nlanguageCode = \"zh-CN\"\n"
            "timeZone = \"Asia/Shanghai\"\nenableEmoji = true\n[params]\nauthor = \"夜读小组\"\n"
            "[taxonomies]\ntag = \"tags\"\ncategory = \"categories\"\nseries = \"series\"\n"
            "[markup.goldmark.parser]\nautoHeadingIDType = \"github-ascii\"\n");
  dir.write("site/content/_index.md", "---\ntitle: Home\n---\n");
  dir.write("site/content/posts/_index.md", "---\ntitle: 文章\n---\n");
  dir.write("site/content/posts/b.md", "---\ntitle: B\ndate: 2021-01-01 10:00:00\n---\nbody\n");
  dir.write("site/content/posts/a.markdown", "---\ntitle: A\n---\n");
  dir.write("site/content/posts/c.mdown", "---\ntitle: C\n---\n");
  dir.write("site/content/posts/notes.txt", "not a post");
  dir.write("site/content/posts/bundle/index.md", "---\ntitle: Bundle\n---\n![](pic.png)\n");
  dir.write("site/content/posts/bundle/pic.png", "png");
  dir.write("site/content/posts/bundle/extra.md", "---\ntitle: a resource, not a post\n---\n");
  dir.write("site/content/posts/bundle/sub/deeper.md", "---\ntitle: also a resource\n---\n");
  dir.write("site/content/posts/.hidden.md", "---\ntitle: hidden\n---\n");
  dir.write("site/content/posts/backup.md~", "x");
  dir.write("site/themes/even/exampleSite/content/post/theme.md", "---\ntitle: theme post\n---\n");
  dir.write("site/archetypes/default.md", "---\ntitle: archetype\n---\n");
  dir.write("site/layouts/partials/x.md", "x");
  dir.write("site/public/posts/index.md", "x");
  dir.write("site/static/images/logo.png", "png");
}

}  // namespace

TEST_CASE("a site root means its content/ folder, never themes/ archetypes/ layouts/ public/") {
  TempDir dir;
  write_site(dir);
  Diagnostics sink;
  auto c = scan(dir, {"site"}, sink);
  CHECK(sink.all().empty());
  CHECK(rel_paths(c) == std::vector<std::string>{"posts/a.markdown", "posts/b.md", "posts/bundle/index.md",
                                                 "posts/c.mdown"});
  REQUIRE(c.roots.size() == 1);
  CHECK(c.roots[0].site_root == dir.path() / "site");
  CHECK(c.roots[0].content_dir == dir.path() / "site/content");
  REQUIRE(c.roots[0].static_dirs.size() == 1);
  CHECK(c.roots[0].static_dirs[0] == dir.path() / "site/static");
}

TEST_CASE("a leaf bundle is one post; its other Markdown files are resources") {
  TempDir dir;
  write_site(dir);
  Diagnostics sink;
  auto c = scan(dir, {"site"}, sink);
  auto it = std::find_if(c.posts.begin(), c.posts.end(), [](const Post& p) { return p.title == "Bundle"; });
  REQUIRE(it != c.posts.end());
  CHECK(it->leaf_bundle);
  CHECK(it->section == "posts");
  CHECK(it->permalink() == "/posts/bundle/");
  for (const auto& p : c.posts) CHECK(p.title.find("resource") == std::string::npos);
}

TEST_CASE("_index.md names a section and is not a chapter") {
  TempDir dir;
  write_site(dir);
  Diagnostics sink;
  auto c = scan(dir, {"site"}, sink);
  REQUIRE(c.sections.size() == 2);
  CHECK(c.sections[0].rel_dir == "");
  CHECK(c.sections[0].title == "Home");
  CHECK(c.sections[1].rel_dir == "posts");
  CHECK(c.sections[1].title == "文章");
  for (const auto& p : c.posts) CHECK(p.rel_path.find("_index") == std::string::npos);
}

TEST_CASE("the site config gives defaults and its time zone applies to posts") {
  TempDir dir;
  write_site(dir);
  Diagnostics sink;
  auto c = scan(dir, {"site"}, sink);
  REQUIRE(c.roots[0].site);
  const SiteConfig& site = *c.roots[0].site;
  CHECK(site.title == "Go 夜读");
  CHECK(site.author == "夜读小组");
  CHECK(site.language_code == "zh-CN");
  CHECK(site.base_url == "https://example.org/");
  CHECK(site.enable_emoji);
  CHECK(site.auto_id_type == "github-ascii");
  CHECK(site.time_zone_offset_minutes == 480);
  CHECK(site.taxonomies.size() == 3);
  auto b = std::find_if(c.posts.begin(), c.posts.end(), [](const Post& p) { return p.title == "B"; });
  REQUIRE(b != c.posts.end());
  CHECK(b->date->rfc3339() == "2021-01-01T10:00:00+08:00");
}

TEST_CASE("site config defaults when keys are missing, in YAML and JSON") {
  TempDir dir;
  auto yaml = dir.write("y/config.yaml", "title: Y\nauthor: {name: Ann}\n");
  Diagnostics sink;
  auto y = content::load_site_config(yaml, sink);
  REQUIRE(y);
  CHECK(y->title == "Y");
  CHECK(y->author == "Ann");
  CHECK_FALSE(y->enable_emoji);
  CHECK(y->auto_id_type == "github");
  CHECK(y->time_zone_offset_minutes == 0);
  CHECK(y->taxonomies == std::vector<std::pair<std::string, std::string>>{{"tag", "tags"}, {"category", "categories"}});
  auto json = dir.write("j/config.json", "{\"Title\": \"J\", \"languageCode\": \"en-us\", \"params\": {\"author\": \"Bo\"}}");
  auto j = content::load_site_config(json, sink);
  REQUIRE(j);
  CHECK(j->title == "J");
  CHECK(j->language_code == "en-us");
  CHECK(j->author == "Bo");
  CHECK(sink.all().empty());
}

TEST_CASE("hugo.* is preferred over config.*; config/_default is found") {
  TempDir dir;
  dir.write("s/config.toml", "title = \"old\"\n");
  dir.write("s/hugo.toml", "title = \"new\"\n");
  CHECK(content::find_site_config(dir.path() / "s").filename() == "hugo.toml");
  dir.write("t/config/_default/hugo.yaml", "title: split\n");
  CHECK(content::find_site_config(dir.path() / "t") == dir.path() / "t/config/_default/hugo.yaml");
  CHECK(content::find_site_config(dir.path() / "none").empty());
}

TEST_CASE("a broken site config is a located error; an unknown timeZone a warning") {
  TempDir dir;
  auto bad = dir.write("s/hugo.toml", "title = \"x\"\nbaseURL = \n");
  Diagnostics sink;
  CHECK_FALSE(content::load_site_config(bad, sink));
  REQUIRE(sink.error_count() == 1);
  CHECK(sink.all()[0].where.line == 2);
  auto tz = dir.write("t/hugo.toml", "title = \"x\"\ntimeZone = \"Mars/Olympus\"\n");
  Diagnostics sink2;
  auto site = content::load_site_config(tz, sink2);
  REQUIRE(site);
  CHECK(sink2.warning_count() == 1);
  CHECK(sink2.all()[0].where.line == 2);
  CHECK(content::time_zone_offset("Asia/Tokyo") == 540);
  CHECK(content::time_zone_offset("Etc/GMT-8") == 480);
  CHECK(content::time_zone_offset("+05:30") == 330);
}

TEST_CASE("a content folder inside a site still reads the site's config") {
  TempDir dir;
  write_site(dir);
  Diagnostics sink;
  auto c = scan(dir, {"site/content"}, sink);
  REQUIRE(c.roots.size() == 1);
  CHECK(c.roots[0].site_root == dir.path() / "site");
  CHECK(c.roots[0].site);
  CHECK(c.posts.size() == 4);
}

TEST_CASE("a bare content folder skips non-content folders at its top") {
  TempDir dir;
  dir.write("bare/one.md", "# One\n");
  dir.write("bare/sub/two.md", "# Two\n");
  dir.write("bare/themes/x/three.md", "# Three\n");
  dir.write("bare/node_modules/pkg/README.md", "# readme\n");
  Diagnostics sink;
  auto c = scan(dir, {"bare"}, sink);
  CHECK(rel_paths(c) == std::vector<std::string>{"one.md", "sub/two.md"});
  CHECK(c.posts[1].section == "sub");
  CHECK(c.posts[0].section == "");
  CHECK_FALSE(c.roots[0].site);
}

TEST_CASE("a single Markdown file is a book; inside a site it gets the site") {
  TempDir dir;
  write_site(dir);
  dir.write("loose/note.md", "---\ntitle: Note\n---\n");
  Diagnostics sink;
  auto c = scan(dir, {"loose/note.md"}, sink);
  REQUIRE(c.posts.size() == 1);
  CHECK(c.posts[0].title == "Note");
  CHECK(c.posts[0].rel_path == "note.md");
  auto in_site = scan(dir, {"site/content/posts/b.md"}, sink);
  REQUIRE(in_site.posts.size() == 1);
  CHECK(in_site.posts[0].rel_path == "posts/b.md");
  CHECK(in_site.roots[0].site);
  auto bundle = scan(dir, {"site/content/posts/bundle/index.md"}, sink);
  REQUIRE(bundle.posts.size() == 1);
  CHECK(bundle.posts[0].leaf_bundle);
  CHECK(sink.all().empty());
}

TEST_CASE("missing paths and non-Markdown files are errors; the rest is still scanned") {
  TempDir dir;
  write_site(dir);
  Diagnostics sink;
  auto c = scan(dir, {"nowhere", "site/content/posts/notes.txt", "site"}, sink);
  CHECK(sink.error_count() == 2);
  CHECK(sink.contains("content folder not found"));
  CHECK(sink.contains("not a Markdown file"));
  CHECK(c.posts.size() == 4);
}

TEST_CASE("a post with broken front matter is left out with a located warning; strict makes it an error") {
  TempDir dir;
  dir.write("c/good.md", "---\ntitle: Good\n---\n");
  dir.write("c/bad.md", "---\ntitle: [oops\n---\n");
  Diagnostics sink;
  auto c = scan(dir, {"c"}, sink);
  CHECK(rel_paths(c) == std::vector<std::string>{"good.md"});
  CHECK(sink.error_count() == 0);
  CHECK(sink.warning_count() >= 1);
  CHECK(sink.all()[0].where.file.find("bad.md") != std::string::npos);
  // yaml-cpp notices the unclosed flow list where the block ends.
  CHECK((sink.all()[0].where.line == 2 || sink.all()[0].where.line == 3));
  Diagnostics strict;
  strict.set_strict(true);
  scan(dir, {"c"}, strict);
  CHECK(strict.error_count() >= 1);
}

TEST_CASE("scan order is by path and the same folder twice is scanned once") {
  TempDir dir;
  for (int i = 40; i > 0; --i) dir.write("c/p" + std::to_string(100 + i) + ".md", "# x\n");
  Diagnostics sink;
  auto c = scan(dir, {"c", "c/"}, sink);
  REQUIRE(c.posts.size() == 40);
  CHECK(std::is_sorted(c.posts.begin(), c.posts.end(),
                       [](const Post& a, const Post& b) { return a.rel_path < b.rel_path; }));
  CHECK(c.roots.size() == 1);
}

TEST_CASE("a section's cascade applies below it; the nearest section and the post itself win") {
  TempDir dir;
  dir.write("c/_index.md", "---\ntitle: Home\ncascade:\n  Categories: [全站]\n  toc: false\n---\n");
  dir.write("c/notes/_index.md", "---\ntitle: Notes\ncascade:\n  - categories: [笔记]\n  - _target: {kind: page}\n"
                                 "    draft: true\n---\n");
  dir.write("c/notes/a.md", "---\ntitle: A\n---\n");
  dir.write("c/notes/b.md", "---\ntitle: B\ncategories: [自己的]\n---\n");
  dir.write("c/notes/bundle/index.md", "---\ntitle: Bundle\n---\n");
  dir.write("c/top.md", "---\ntitle: Top\n---\n");
  Diagnostics sink;
  auto c = scan(dir, {"c"}, sink);
  CHECK(sink.all().empty());
  REQUIRE(c.posts.size() == 4);
  auto find = [&](const std::string& title) -> const Post& {
    return *std::find_if(c.posts.begin(), c.posts.end(), [&](const Post& p) { return p.title == title; });
  };
  CHECK(find("A").categories == std::vector<std::string>{"笔记"});
  CHECK(find("A").toc == false);
  CHECK_FALSE(find("A").draft);  // the entry with a _target is not applied
  CHECK(find("B").categories == std::vector<std::string>{"自己的"});
  CHECK(find("Bundle").categories == std::vector<std::string>{"笔记"});
  CHECK(find("Top").categories == std::vector<std::string>{"全站"});
}

TEST_CASE("headless pages and pages that are never rendered are not chapters") {
  TempDir dir;
  dir.write("c/shown.md", "---\ntitle: Shown\n---\n");
  dir.write("c/headless/index.md", "---\ntitle: Headless\nheadless: true\n---\n");
  dir.write("c/never.md", "---\ntitle: Never\nbuild:\n  render: never\n---\n");
  dir.write("c/listed.md", "---\ntitle: Listed\nbuild: {render: always}\n---\n");
  Diagnostics sink;
  auto c = scan(dir, {"c"}, sink);
  CHECK(rel_paths(c) == std::vector<std::string>{"listed.md", "shown.md"});
}

TEST_CASE("a symlink loop is reported, not followed forever") {
  TempDir dir;
  dir.write("c/a.md", "# A\n");
  std::error_code ec;
  fs::create_directory_symlink(dir.path() / "c", dir.path() / "c/loop", ec);
  REQUIRE_FALSE(ec);
  Diagnostics sink;
  auto c = scan(dir, {"c"}, sink);
  CHECK(sink.contains("symlink loop"));
  CHECK(c.posts.front().rel_path == "a.md");
}
