// Selection, order and grouping of chapters; book metadata defaults.
#include <doctest/doctest.h>

#include "folio/content.hpp"
#include "temp_dir.hpp"

using namespace folio;
using folio::test::TempDir;

namespace {

// 2026-06-01T00:00:00Z: what "now" is in these tests.
constexpr int64_t kNow = 1780272000;

struct Blog {
  TempDir dir;
  BookConfig config;
  Collection collection;
  Diagnostics scan_sink;

  Blog() {
    dir.write("site/hugo.toml", "title = \"Site Title\"\nauthor = \"Site Author\"\nlanguageCode = \"zh-CN\"\n"
                                "baseURL = \"https://blog.example/\"\n");
    dir.write("site/content/posts/_index.md", "---\ntitle: 文章\n---\n");
    dir.write("site/content/posts/m1.md",
              "---\ntitle: Meetup 1\ndate: 2024-03-01\ntags: [Meetup, Go]\nweight: 2\nauthor: Ann\n---\n");
    dir.write("site/content/posts/m2.md",
              "---\ntitle: Meetup 2\ndate: 2025-05-01T20:00:00+08:00\ntags: [meetup]\ncategories: [技术]\n"
              "author: Bo\n---\n");
    dir.write("site/content/posts/m3.md",
              "---\ntitle: Another meetup\ndate: 2025-12-31T23:30:00Z\ntags: [\"Cloud Native\", meetup]\nweight: 1\n---\n");
    dir.write("site/content/posts/draft.md", "---\ntitle: Draft\ndate: 2025-01-01\ntags: [meetup]\ndraft: \"true\"\n---\n");
    dir.write("site/content/posts/future.md",
              "---\ntitle: Future\ndate: 2025-01-01\npublishDate: 2027-01-01\ntags: [meetup]\n---\n");
    dir.write("site/content/posts/expired.md",
              "---\ntitle: Expired\ndate: 2024-06-01\nexpiryDate: 2025-01-01\ntags: [meetup]\n---\n");
    dir.write("site/content/notes/other.md", "---\ntitle: Other\ndate: 2024-01-01\ntags: [life]\n---\n");
    dir.write("site/content/notes/cn.md", "---\ntitle: CN\ndate: 2024-02-01\ntags: [cloud-native]\n---\n");
    config.base_dir = dir.path();
    config.content = {"site"};
    collection = collect_posts(config, scan_sink);
  }

  std::vector<std::string> titles(Diagnostics& sink) {
    auto plan = select_posts(collection, config, kNow, sink);
    std::vector<std::string> out;
    for (const auto& e : plan.chapters) out.push_back(e.post->title);
    return out;
  }
  std::vector<std::string> titles() {
    Diagnostics sink;
    return titles(sink);
  }
};

using Titles = std::vector<std::string>;

}  // namespace

TEST_CASE("without conditions: every post but drafts, future and expired ones, oldest first") {
  Blog b;
  CHECK(b.scan_sink.all().empty());
  CHECK(b.titles() == Titles{"Other", "CN", "Meetup 1", "Meetup 2", "Another meetup"});
}

TEST_CASE("drafts, future and expired posts come in when asked for") {
  Blog b;
  b.config.select.drafts = true;
  b.config.select.future = true;
  b.config.select.expired = true;
  CHECK(b.titles() == Titles{"Other", "CN", "Meetup 1", "Expired", "Draft", "Future", "Meetup 2", "Another meetup"});
}

TEST_CASE("tags any-of, compared after normalizing") {
  Blog b;
  b.config.select.tags = {"MEETUP"};
  CHECK(b.titles() == Titles{"Meetup 1", "Meetup 2", "Another meetup"});
  b.config.select.tags = {"cloud native"};
  CHECK(b.titles() == Titles{"CN", "Another meetup"});
  b.config.select.tags = {"go", "life"};
  CHECK(b.titles() == Titles{"Other", "Meetup 1"});
}

TEST_CASE("all-of tags, excluded tags, categories, sections") {
  Blog b;
  b.config.select.all_tags = {"meetup", "go"};
  CHECK(b.titles() == Titles{"Meetup 1"});
  b.config.select.all_tags.clear();
  b.config.select.tags = {"meetup"};
  b.config.select.exclude_tags = {"Cloud-Native"};
  CHECK(b.titles() == Titles{"Meetup 1", "Meetup 2"});
  b.config.select = {};
  b.config.select.categories = {"技术"};
  CHECK(b.titles() == Titles{"Meetup 2"});
  b.config.select = {};
  b.config.select.sections = {"notes/"};
  CHECK(b.titles() == Titles{"Other", "CN"});
}

TEST_CASE("a date range; a bare `to` date includes that whole day") {
  Blog b;
  b.config.select.from = parse_date("2024-03-01");
  b.config.select.to = parse_date("2025-12-31");
  CHECK(b.titles() == Titles{"Meetup 1", "Meetup 2", "Another meetup"});
  b.config.select.to = parse_date("2025-12-31T12:00:00Z");
  CHECK(b.titles() == Titles{"Meetup 1", "Meetup 2"});
}

TEST_CASE("orders with stable tie-breaks") {
  Blog b;
  b.config.select.tags = {"meetup"};
  b.config.order = Order::date_desc;
  CHECK(b.titles() == Titles{"Another meetup", "Meetup 2", "Meetup 1"});
  b.config.order = Order::weight;  // 1, 2, then unset (0) last
  CHECK(b.titles() == Titles{"Another meetup", "Meetup 1", "Meetup 2"});
  b.config.order = Order::title;
  CHECK(b.titles() == Titles{"Another meetup", "Meetup 1", "Meetup 2"});
  b.config.order = Order::path;
  CHECK(b.titles() == Titles{"Meetup 1", "Meetup 2", "Another meetup"});
  // Equal dates fall back to the path.
  b.dir.write("site/content/posts/m0.md", "---\ntitle: Same day\ndate: 2024-03-01\ntags: [meetup]\n---\n");
  Diagnostics sink;
  b.collection = collect_posts(b.config, sink);
  b.config.order = Order::date;
  CHECK(b.titles() == Titles{"Same day", "Meetup 1", "Meetup 2", "Another meetup"});
}

TEST_CASE("an explicit ordered list of posts replaces the conditions and the order") {
  Blog b;
  b.config.select.tags = {"life"};
  b.config.select.posts = {"posts/m3.md", "posts/m1", b.dir.path().string() + "/site/content/notes/cn.md",
                           "posts/draft.md"};
  CHECK(b.titles() == Titles{"Another meetup", "Meetup 1", "CN", "Draft"});
  b.config.select.posts = {"posts/m2.md", "posts/nope.md"};
  Diagnostics sink;
  CHECK(b.titles(sink) == Titles{"Meetup 2"});
  CHECK(sink.error_count() == 1);
  CHECK(sink.contains("select.posts: no such post: posts/nope.md"));

  // From book.yaml, the error points at the entry.
  auto file = b.dir.write("book.yaml", "content: [site]\nselect:\n  posts:\n    - posts/m1.md\n    - posts/gone.md\n");
  Diagnostics load_sink;
  auto config = load_book_config(file, load_sink);
  REQUIRE(config);
  Diagnostics select_sink;
  auto plan = select_posts(b.collection, *config, kNow, select_sink);
  CHECK(plan.chapters.size() == 1);
  REQUIRE(select_sink.all().size() == 1);
  CHECK(select_sink.all()[0].where.line == 5);
  CHECK(select_sink.all()[0].where.column == 7);
}

TEST_CASE("grouping into parts by tag, section and year") {
  Blog b;
  b.config.select.tags = {"cloud native", "go", "meetup"};
  b.config.group = Grouping::tag;
  Diagnostics sink;
  auto plan = select_posts(b.collection, b.config, kNow, sink);
  CHECK(plan.parts == Titles{"cloud native", "go", "meetup"});
  REQUIRE(plan.chapters.size() == 4);
  CHECK(plan.chapters[0].post->title == "CN");
  CHECK(plan.chapters[0].part == 0);
  CHECK(plan.chapters[1].post->title == "Another meetup");
  CHECK(plan.chapters[1].part == 0);
  CHECK(plan.chapters[2].post->title == "Meetup 1");
  CHECK(plan.chapters[2].part == 1);
  CHECK(plan.chapters[3].post->title == "Meetup 2");
  CHECK(plan.chapters[3].part == 2);

  b.config.select = {};
  b.config.group = Grouping::section;
  plan = select_posts(b.collection, b.config, kNow, sink);
  CHECK(plan.parts == Titles{"notes", "文章"});  // the _index.md title names the section
  CHECK(plan.chapters.front().part == 0);
  CHECK(plan.chapters.back().part == 1);

  b.config.group = Grouping::year;
  plan = select_posts(b.collection, b.config, kNow, sink);
  CHECK(plan.parts == Titles{"2024", "2025"});
  CHECK(plan.chapters[2].part == 0);
  CHECK(plan.chapters[3].part == 1);
  CHECK(sink.all().empty());
}

TEST_CASE("an empty selection is an error naming the conditions") {
  Blog b;
  b.config.select.tags = {"nothing-has-this"};
  Diagnostics sink;
  auto plan = select_posts(b.collection, b.config, kNow, sink);
  CHECK(plan.chapters.empty());
  REQUIRE(sink.error_count() == 1);
  CHECK(sink.contains("no posts selected (tags any of [nothing-has-this]; drafts left out") == false);
  CHECK(sink.contains("no posts selected (tags any of [nothing-has-this], drafts left out, future posts left out, "
                      "expired posts left out) among 8 posts"));
}

TEST_CASE("metadata defaults come from the site, then the posts") {
  Blog b;
  b.config.select.tags = {"meetup"};
  Diagnostics sink;
  auto plan = select_posts(b.collection, b.config, kNow, sink);
  BookConfig config = b.config;
  complete_metadata(config, b.collection, plan);
  CHECK(config.meta.title == "Site Title");
  CHECK(config.meta.authors == Titles{"Site Author"});
  CHECK(config.meta.language == "zh-CN");
  CHECK(config.meta.base_url == "https://blog.example/");
  CHECK(config.meta.date->rfc3339() == "2025-12-31T23:30:00Z");

  // Without a site: the single post's title, the posts' authors, no language.
  TempDir dir;
  dir.write("c/one.md", "---\ntitle: Only post\nauthor: Ann\ndate: 2024-01-01\n---\n");
  dir.write("c/two.md", "---\ntitle: Second\nauthors: [Bo, Ann]\ndate: 2024-02-01\n---\n");
  BookConfig bare;
  bare.base_dir = dir.path();
  bare.content = {"c"};
  auto collection = collect_posts(bare, sink);
  auto all = select_posts(collection, bare, kNow, sink);
  BookConfig many = bare;
  complete_metadata(many, collection, all);
  CHECK(many.meta.title == "c");  // the content folder's name, never "Untitled"
  CHECK(many.meta.authors == Titles{"Ann", "Bo"});
  CHECK(many.meta.language.empty());
  bare.select.posts = {"one.md"};
  auto single = select_posts(collection, bare, kNow, sink);
  complete_metadata(bare, collection, single);
  CHECK(bare.meta.title == "Only post");

  // What book.yaml says is kept.
  BookConfig given = b.config;
  given.meta.title = "Mine";
  given.meta.authors = {"Me"};
  complete_metadata(given, b.collection, plan);
  CHECK(given.meta.title == "Mine");
  CHECK(given.meta.authors == Titles{"Me"});
}
