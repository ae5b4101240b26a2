// read_book: chapters in parallel, ids unique in the book, footnotes per post, links
// between posts in each form.
#include "helpers.hpp"

using namespace folio;
using namespace folio::test;

namespace {

/// A collection of hand-made posts and a plan taking the first `in_book` of them.
struct Fixture {
  Collection collection;
  BookPlan plan;
  BookConfig config;

  Post& add(const std::string& rel_path, const std::string& body, const std::string& title) {
    Post p = make_post(body, "content/" + rel_path, title);
    p.content_dir = "content";
    p.leaf_bundle = rel_path.size() > 9 && rel_path.compare(rel_path.size() - 9, 9, "/index.md") == 0;
    collection.posts.push_back(std::move(p));
    return collection.posts.back();
  }
  Book read(size_t in_book, Diagnostics& diag) {
    for (size_t i = 0; i < in_book; ++i) plan.chapters.push_back({&collection.posts[i], -1});
    return read_book(config, collection, plan, diag);
  }
};

const Link& nth_link(const Chapter& ch, size_t n) {
  std::vector<const Link*> links;
  for_each_inline(ch.document, [&](const Inline& in) {
    if (auto* l = std::get_if<Link>(&in.node)) links.push_back(l);
  });
  REQUIRE(links.size() > n);
  return *links[n];
}

}  // namespace

TEST_CASE("heading ids are unique in the book; post_id keeps the blog's anchor") {
  Fixture f;
  f.collection.posts.reserve(4);
  f.add("posts/one.md", "## 总结\n\n## Setup\n", "One");
  f.add("posts/two.md", "## 总结\n\n## 总结\n", "Two");
  Diagnostics diag;
  Book book = f.read(2, diag);
  REQUIRE(book.chapters.size() == 2);
  std::vector<std::string> ids, post_ids;
  for (auto& ch : book.chapters)
    for_each_block(ch.document.blocks, [&](const Block& b) {
      if (auto* h = std::get_if<Heading>(&b.node)) {
        ids.push_back(h->id);
        post_ids.push_back(h->post_id);
      }
    });
  // The second post's ids step around the first's; every id is distinct.
  CHECK(ids == std::vector<std::string>{"总结", "setup", "总结-1", "总结-1-1"});
  CHECK(post_ids == std::vector<std::string>{"总结", "setup", "总结", "总结-1"});
  CHECK(book.chapters[0].post.body.empty());
  CHECK(book.chapters[1].post.title == "Two");
}

TEST_CASE("footnote labels are scoped to their post") {
  Fixture f;
  f.collection.posts.reserve(4);
  f.add("posts/a.md", "A[^1] and[^2].\n\n[^1]: a one\n[^2]: a two\n", "A");
  f.add("posts/b.md", "B[^1].\n\n[^1]: b one\n", "B");
  Diagnostics diag;
  Book book = f.read(2, diag);
  auto& fa = book.chapters[0].document.footnotes;
  auto& fb = book.chapters[1].document.footnotes;
  REQUIRE(fa.size() == 2);
  REQUIRE(fb.size() == 1);
  CHECK(fb[0].number == 1);
  CHECK(plain_text(std::get<Paragraph>(fb[0].children[0].node).children) == "b one");
  CHECK(plain_text(std::get<Paragraph>(fa[0].children[0].node).children) == "a one");
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("links between posts in each form") {
  Fixture f;
  f.collection.posts.reserve(8);
  f.config.meta.base_url = "https://blog.example.com/";
  f.add("posts/a.md",
        "[rel](b.md#总结) [perm](/posts/b/) [abs](https://blog.example.com/posts/b/#setup) "
        "[ref]({{< ref \"b.md\" >}}) [bundle](../posts/c/) [alias](/old/b.html) "
        "[out](/posts/d/) [ext](https://golang.org/) [self](#intro) [missing](nothere.md) "
        "[img](/images/x.png) [slug](/posts/custom-slug/)\n\n## Intro\n",
        "A");
  Post& b = f.add("posts/b.md", "## 总结\n\n## Setup\n", "B");
  b.aliases = {"/old/b.html"};
  f.add("posts/c/index.md", "Bundle\n", "C");
  Post& e = f.add("posts/e.md", "E\n", "E");
  e.slug = "custom-slug";
  f.add("posts/d.md", "## X\n", "D");  // not in the book
  f.add("posts/zero.md", "## Setup\n", "Z");
  // chapters: a, b, c, e (d and zero are only in the collection)
  f.collection.posts[0].body += "\n## Setup\n";  // b's "setup" becomes "setup-1" in the book
  Diagnostics diag;
  Book book = f.read(4, diag);
  const Chapter& a = book.chapters[0];
  CHECK(nth_link(a, 0).target.chapter == 1);
  CHECK(nth_link(a, 0).target.fragment == "总结");
  CHECK(nth_link(a, 1).target.chapter == 1);
  CHECK(nth_link(a, 1).target.fragment == "");
  CHECK(nth_link(a, 2).target.chapter == 1);
  CHECK(nth_link(a, 2).target.fragment == "setup-1");  // mapped through b's post_id
  CHECK(nth_link(a, 3).target.chapter == 1);
  CHECK(nth_link(a, 4).target.chapter == 2);
  CHECK(nth_link(a, 5).target.chapter == 1);
  CHECK(nth_link(a, 6).target.chapter == -1);
  CHECK(nth_link(a, 6).target.url == "https://blog.example.com/posts/d/");
  CHECK(nth_link(a, 7).target.url == "https://golang.org/");
  CHECK(nth_link(a, 8).target.chapter == 0);
  CHECK(nth_link(a, 8).target.fragment == "intro");
  CHECK(nth_link(a, 9).target.chapter == -1);
  CHECK(has(diag, "content/posts/a.md:1:"));
  CHECK(has(diag, "link to a post that does not exist among the posts read: nothere.md"));
  CHECK(nth_link(a, 10).target.chapter == -1);
  CHECK(nth_link(a, 11).target.chapter == 3);
  CHECK(diag.warning_count() == 1);
}
