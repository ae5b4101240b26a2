// Hostile input at the library level: each case is a small input (or a generator for a
// big one) that once crashed, hung or escaped folio; each must now end in a located
// diagnostic and a bounded result.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>

#include "base/atomic_file.hpp"
#include "base/limits.hpp"
#include "base/temp_files.hpp"
#include "content/frontmatter.hpp"
#include "content/post_reader.hpp"
#include "figures/svg_sanitize.hpp"
#include "folio/content.hpp"
#include "folio/markdown.hpp"
#include "temp_dir.hpp"

using namespace folio;

namespace {

bool mentions(const Diagnostics& d, const std::string& text) {
  for (const auto& x : d.all())
    if (x.format().find(text) != std::string::npos) return true;
  return false;
}

std::optional<Post> read_post(std::string_view text, Diagnostics& sink) {
  content::PostSource source;
  source.file = "/blog/content/posts/a.md";
  source.display_path = "content/posts/a.md";
  source.content_dir = "/blog/content";
  source.rel_path = "posts/a.md";
  return content::read_post_text(source, text, content::PostContext{nullptr, nullptr, nullptr}, sink);
}

Document read_body(const std::string& body, Diagnostics& diag) {
  Post p;
  p.file = p.display_path = "content/posts/a.md";
  p.rel_path = "posts/a.md";
  p.section = "posts";
  p.body = body;
  p.title = "A post";
  p.title_from_front_matter = true;
  MarkdownOptions options;
  ReadContext ctx{&options, nullptr};
  return folio::read_post(p, ctx, diag);
}

// How deep the Document's containers nest (blocks and inlines), counted without recursion
// into anything deeper than the walker itself handles.
size_t block_depth(const Blocks& blocks) {
  size_t deepest = 0;
  std::function<void(const Blocks&, size_t)> walk = [&](const Blocks& bs, size_t depth) {
    deepest = std::max(deepest, depth);
    for (const auto& b : bs) {
      if (auto* q = std::get_if<BlockQuote>(&b.node)) walk(q->children, depth + 1);
      else if (auto* d = std::get_if<Division>(&b.node)) walk(d->children, depth + 1);
      else if (auto* l = std::get_if<List>(&b.node))
        for (const auto& item : l->items) walk(item.children, depth + 1);
    }
  };
  walk(blocks, 0);
  return deepest;
}

}  // namespace

TEST_CASE("a YAML alias that contains itself is a located error, not endless recursion") {
  for (const char* text : {"---\ntitle: x\na: &a [*a]\n---\nbody\n", "---\ntitle: x\nb: &b {k: *b}\n---\nbody\n",
                           "{\"title\": \"x\", \"a\": &a [*a]}\nbody\n"}) {
    Diagnostics sink;
    auto post = read_post(text, sink);
    CHECK_FALSE(post);
    CHECK(mentions(sink, "content/posts/a.md:"));
    CHECK(mentions(sink, "refers to the value that contains it"));
  }
}

TEST_CASE("a YAML billion-laughs bomb is refused by the expansion budget") {
  std::string bomb = "---\ntitle: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int k = 1; k < 10; ++k)
    bomb += "a" + std::to_string(k) + ": &a" + std::to_string(k) + " [" +
            [&] {
              std::string refs;
              for (int j = 0; j < 10; ++j) refs += (j ? ", *a" : "*a") + std::to_string(k - 1);
              return refs;
            }() +
            "]\n";
  bomb += "---\nbody\n";
  CHECK(bomb.size() < 1000);
  Diagnostics sink;
  auto post = read_post(bomb, sink);
  CHECK_FALSE(post);
  CHECK(mentions(sink, "once its aliases are followed"));
  CHECK(mentions(sink, "content/posts/a.md:"));
}

TEST_CASE("too many YAML aliases are refused at the alias that goes past the budget") {
  std::string text = "---\ntitle: x\nv: &v 1\nlist:\n";
  for (size_t k = 0; k <= limits::kMaxYamlAliases; ++k) text += "  - *v\n";
  text += "---\nbody\n";
  Diagnostics sink;
  CHECK_FALSE(read_post(text, sink));
  CHECK(mentions(sink, "aliases"));
  CHECK(mentions(sink, ":" + std::to_string(4 + limits::kMaxYamlAliases + 1) + ":"));
}

TEST_CASE("ordinary aliases still read") {
  Diagnostics sink;
  auto post = read_post("---\ntitle: x\nbase: &b [go, meetup]\ntags: *b\n---\nbody\n", sink);
  REQUIRE(post);
  CHECK(post->tags == std::vector<std::string>{"go", "meetup"});
}

TEST_CASE("300k front matter keys read in linear time, the last of equal keys kept") {
  std::string text = "---\ntitle: first\n";
  for (int k = 0; k < 300000; ++k) text += "k" + std::to_string(k) + ": " + std::to_string(k) + "\n";
  text += "title: last\n---\nbody\n";
  Diagnostics sink;
  auto post = read_post(text, sink);
  REQUIRE(post);
  CHECK(post->title == "last");
}

TEST_CASE("weight 1e300, .nan and inf are out of range, with a warning, not undefined behaviour") {
  for (const char* text : {"---\ntitle: x\nweight: 1e300\n---\nb\n", "---\ntitle: x\nweight: .nan\n---\nb\n",
                           "+++\ntitle = 'x'\nweight = inf\n+++\nb\n", "---\ntitle: x\nweight: -.inf\n---\nb\n",
                           "---\ntitle: x\nweight: 99999999999\n---\nb\n"}) {
    Diagnostics sink;
    auto post = read_post(text, sink);
    REQUIRE(post);
    CHECK(post->weight == 0);
    CHECK(mentions(sink, "weight: out of range"));
  }
}

TEST_CASE("block quotes 20,000 deep are flattened past the nesting limit, with one warning") {
  Diagnostics diag;
  Document doc = read_body(std::string(20000, '>') + " deep\n", diag);
  CHECK(block_depth(doc.blocks) <= limits::kMaxMarkdownNesting);
  CHECK(mentions(diag, "content/posts/a.md:1:"));
  CHECK(mentions(diag, "levels deep"));
  bool found = false;
  for_each_inline(doc, [&](const Inline& in) {
    if (auto* t = std::get_if<Text>(&in.node); t && t->text.find("deep") != std::string::npos) found = true;
  });
  CHECK(found);  // the text is kept
}

TEST_CASE("lists 50,000 deep are flattened") {
  std::string body;  // `- - - ... x`: each marker opens a list inside the item before it
  for (int k = 0; k < 50000; ++k) body += "- ";
  body += "item\n";
  Diagnostics diag;
  Document doc = read_body(body, diag);
  CHECK(block_depth(doc.blocks) <= limits::kMaxMarkdownNesting);
  CHECK(mentions(diag, "levels deep"));
}

TEST_CASE("inline spans and raw HTML nested 20,000 deep are flattened") {
  std::string body;
  for (int k = 0; k < 20000; ++k) body += "<em>";
  body += "x\n\n";
  for (int k = 0; k < 5000; ++k) body += "*a ";
  body += "x\n";
  Diagnostics diag;
  Document doc = read_body(body, diag);
  CHECK(mentions(diag, "levels deep"));
}

TEST_CASE("20,000 unclosed details shortcodes: flattened, linear, each kept one warned") {
  std::string body;
  for (int k = 0; k < 20000; ++k) body += "{{< details \"d\" >}}\n\ntext\n\n";
  Diagnostics diag;
  Document doc = read_body(body, diag);
  CHECK(block_depth(doc.blocks) <= limits::kMaxDivisionNesting);
  CHECK(mentions(diag, "the deeper ones are flattened"));
}

TEST_CASE("12,000 nested details, closed, and 50k unclosed highlights read in linear time") {
  std::string body;
  for (int k = 0; k < 12000; ++k) body += "{{< details \"d\" >}}\n\n";
  body += "inner\n\n";
  for (int k = 0; k < 12000; ++k) body += "{{< /details >}}\n\n";
  for (int k = 0; k < 50000; ++k) body += "{{< highlight go >}}\n";
  Diagnostics diag;
  Document doc = read_body(body, diag);
  CHECK(block_depth(doc.blocks) <= limits::kMaxDivisionNesting);
  CHECK(mentions(diag, "unterminated shortcode 'highlight'"));
}

TEST_CASE("100k identical headings get unique ids in linear time") {
  std::string body;
  for (int k = 0; k < 100000; ++k) body += "## Same\n";
  Diagnostics diag;
  Document doc = read_body(body, diag);
  std::vector<std::string> ids;
  for_each_block(doc.blocks, [&](const Block& b) {
    if (auto* h = std::get_if<Heading>(&b.node)) ids.push_back(h->id);
  });
  REQUIRE(ids.size() == 100000);
  CHECK(ids[0] == "same");
  CHECK(ids[1] == "same-1");
  CHECK(ids[99999] == "same-99999");
}

TEST_CASE("heading ids step around explicit ones as before") {
  Diagnostics diag;
  Document doc = read_body("## A\n\n## B {#a-1}\n\n## A\n\n## A\n", diag);
  std::vector<std::string> ids;
  for_each_block(doc.blocks, [&](const Block& b) {
    if (auto* h = std::get_if<Heading>(&b.node)) ids.push_back(h->id);
  });
  CHECK(ids == std::vector<std::string>{"a", "a-1", "a-2", "a-3"});
}

TEST_CASE("SVG: xlink:href with an undeclared prefix or in capitals is removed; the output is namespace-well-formed") {
  std::string error;
  figures::SvgSanitizeReport report;
  auto out = figures::sanitize_svg(
      "<svg xmlns='http://www.w3.org/2000/svg'><image xlink:href='file:///etc/passwd'/>"
      "<use XLINK:HREF='http://evil.example/x.svg#a'/><a HREF='javascript:alert(1)'/>"
      "<image xmlns:l='http://www.w3.org/1999/xlink' l:href='http://evil.example/'/>"
      "<use xmlns:xlink='http://www.w3.org/1999/xlink' xlink:href='#ok'/><foo:bar/></svg>",
      error, &report);
  REQUIRE(out);
  CHECK(out->find("passwd") == std::string::npos);
  CHECK(out->find("evil") == std::string::npos);
  CHECK(out->find("javascript") == std::string::npos);
  CHECK(out->find("foo:bar") == std::string::npos);
  CHECK(out->find("#ok") != std::string::npos);
  CHECK(report.removed_attributes >= 4);
}

TEST_CASE("a FIFO is refused without blocking, with the reason") {
  test::TempDir dir;
  auto fifo = dir.path() / "pipe.md";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string bytes, error;
  CHECK_FALSE(read_file(fifo, bytes, &error));
  CHECK(error.find("FIFO") != std::string::npos);
  Diagnostics sink;
  CHECK_FALSE(content::read_file_bytes(fifo, "pipe.md", sink));
  CHECK(mentions(sink, "FIFO"));
  CHECK_FALSE(read_file(dir.path() / "missing", bytes, &error));
  CHECK(error == "No such file or directory");
}

TEST_CASE("posts and folders symlinked outside the site are refused with a warning; FIFOs are skipped") {
  test::TempDir outside;
  outside.write("secret.md", "---\ntitle: secret\n---\nsecret text\n");
  outside.write("elsewhere/other.md", "---\ntitle: other\n---\nother\n");
  test::TempDir site;
  site.write("hugo.yaml", "title: s\n");
  site.write("content/posts/ok.md", "---\ntitle: ok\n---\nfine\n");
  site.write("content/posts/inside-target.md", "---\ntitle: inside\n---\nfine\n");
  std::filesystem::create_symlink(outside.path() / "secret.md", site.path() / "content/posts/secret.md");
  std::filesystem::create_symlink(outside.path() / "elsewhere", site.path() / "content/elsewhere");
  std::filesystem::create_symlink(site.path() / "content/posts/inside-target.md", site.path() / "content/posts/link.md");
  REQUIRE(::mkfifo((site.path() / "content/posts/pipe.md").c_str(), 0600) == 0);
  BookConfig config;
  config.base_dir = site.path();
  config.content = {site.path().string()};
  Diagnostics sink;
  Collection c = collect_posts(config, sink);
  std::vector<std::string> titles;
  for (const auto& p : c.posts) titles.push_back(p.title);
  std::sort(titles.begin(), titles.end());
  CHECK(titles == std::vector<std::string>{"inside", "inside", "ok"});
  CHECK(mentions(sink, "secret.md: warning: a symlink that leads outside the site"));
  CHECK(mentions(sink, "elsewhere: warning: a symlink that leads outside the site"));
  CHECK(mentions(sink, "pipe.md: warning: is a named pipe (FIFO)"));
}

TEST_CASE("book.yaml values out of range are located errors naming the key and the range") {
  test::TempDir dir;
  auto file = dir.write("book.yaml",
                        "title: x\npdf:\n  font_size: -10\n  line_height: 0\n  image_dpi: 0\n  paragraph_indent: 1e308\n"
                        "  margins: { top: -5 }\nfigures:\n  retries: 1000000000\n  timeout_s: .nan\n");
  Diagnostics sink;
  load_book_config(file, sink);
  CHECK(mentions(sink, "book.yaml:3:14: error: pdf.font_size: expected a number from 5 to 30, got `-10`"));
  CHECK(mentions(sink, "book.yaml:4:16: error: pdf.line_height: expected a number from 1 to 3, got `0`"));
  CHECK(mentions(sink, "pdf.image_dpi: expected a whole number from 72 to 1200, got `0`"));
  CHECK(mentions(sink, "pdf.paragraph_indent: expected a number from 0 to 10, got `1e308`"));
  CHECK(mentions(sink, "pdf.margins.top: expected a number from 0 to 100, got `-5`"));
  CHECK(mentions(sink, "figures.retries: expected a whole number from 0 to 10, got `1000000000`"));
  CHECK(mentions(sink, "figures.timeout_s: expected a whole number from 1 to 3600"));
}

TEST_CASE("stale temporary files of a dead process are removed; live ones stay") {
  test::TempDir dir;
  dir.write("book.pdf.tmp-999999999-1-0", "stale");   // no such process
  auto live = dir.write("book.pdf.tmp-" + std::to_string(::getpid()) + "-1-0", "live");
  dir.write("other.pdf.tmp-999999999-1-0", "not ours");
  CHECK(remove_stale_temp_files(dir.path(), "book.pdf.tmp-") == 1);
  CHECK(std::filesystem::exists(live));
  CHECK(std::filesystem::exists(dir.path() / "other.pdf.tmp-999999999-1-0"));
}
