// book.yaml: every section read into BookConfig, relative paths, unknown keys and wrong types located.
#include <doctest/doctest.h>

#include "folio/config.hpp"
#include "temp_dir.hpp"

using namespace folio;
using folio::test::TempDir;
namespace fs = std::filesystem;

namespace {
// A diagnostic's text with the temporary folder left out of its path.
std::string shown(const TempDir& dir, const Diagnostic& d) {
  std::string s = d.format();
  std::string prefix = dir.path().string() + "/";
  if (s.rfind(prefix, 0) == 0) s.erase(0, prefix.size());
  return s;
}
}  // namespace

TEST_CASE("a complete book.yaml fills every section") {
  TempDir dir;
  auto file = dir.write("book/book.yaml", R"(# The meetup book
title: Go 夜读 · 2026 合集
subtitle: 聚会回顾
authors: [Go 夜读小组, Ann]
language: zh-CN
identifier: urn:isbn:9780000000000
description: 回顾
cover: images/cover.jpg
date: 2026-01-31
base_url: https://example.org/
publisher: 夜读出版社
rights: CC BY 4.0
content: [site, ../other/posts]
select:
  tags: [meetup]
  all_tags: [go]
  exclude_tags: [draft-notes]
  categories: [技术]
  sections: [posts]
  from: 2024-01-01
  to: 2026-12-31
  drafts: true
  future: true
  expired: true
  posts: [posts/a.md]
order: date_desc
group: year
markdown:
  typographer: false
  emoji: true
  math: false
  auto_id_type: github-ascii
  shortcodes: { image: figure, admonition: details }
figures:
  rewrite:
    - from: https://image.example.com/
      to: http://mirror.example.org/img/
  headers:
    - host: image.example.com
      set: { Referer: "https://example.com/" }
  static_dirs: [assets/static]
  cache: .cache/figs
  refresh: true
  offline: true
  parallel: 4
  max_redirects: 3
  connect_timeout_s: 5
  timeout_s: 30
  stall_timeout_s: 9
  retries: 1
  max_bytes: 1048576
  max_pixels: 1000000
  user_agent: test-agent
  downscale_pixels: 4000000
  jpeg_quality: 70
fonts:
  body: Noto Serif CJK SC
  heading: fonts/heading.otf
  code: DejaVu Sans Mono
  emphasis: dots
epub:
  embed_fonts: full
  stylesheets: [extra.css]
  paragraph_indent: 1.5
  split_size: 100k
pdf:
  page: A4
  margins: { top: 10, bottom: 11, inner: 12, outer: 13 }
  two_sided: false
  font_size: 11
  line_height: 1.5
  paragraph_indent: 1
  cjk_latin_space: 0.2
  code_scale: 0.9
  image_dpi: 300
  handout: true
  toc: false
strict: true
)");
  Diagnostics sink;
  auto c = load_book_config(file, sink);
  REQUIRE(c);
  for (const auto& d : sink.all()) MESSAGE(d.format());
  CHECK(sink.all().empty());
  fs::path base = dir.path() / "book";
  CHECK(c->file == base / "book.yaml");
  CHECK(c->base_dir == base);
  CHECK(c->meta.title == "Go 夜读 · 2026 合集");
  CHECK(c->meta.subtitle == "聚会回顾");
  CHECK(c->meta.authors == std::vector<std::string>{"Go 夜读小组", "Ann"});
  CHECK(c->meta.language == "zh-CN");
  CHECK(c->meta.identifier == "urn:isbn:9780000000000");
  CHECK(c->meta.cover == base / "images/cover.jpg");
  CHECK(c->meta.date->ymd() == "2026-01-31");
  CHECK(c->meta.base_url == "https://example.org/");
  CHECK(c->meta.publisher == "夜读出版社");
  CHECK(c->meta.rights == "CC BY 4.0");
  CHECK(c->content == std::vector<std::string>{(base / "site").string(), (dir.path() / "other/posts").string()});
  CHECK(c->select.tags == std::vector<std::string>{"meetup"});
  CHECK(c->select.all_tags == std::vector<std::string>{"go"});
  CHECK(c->select.exclude_tags == std::vector<std::string>{"draft-notes"});
  CHECK(c->select.categories == std::vector<std::string>{"技术"});
  CHECK(c->select.sections == std::vector<std::string>{"posts"});
  CHECK(c->select.from->ymd() == "2024-01-01");
  CHECK(c->select.to->ymd() == "2026-12-31");
  CHECK(c->select.drafts);
  CHECK(c->select.future);
  CHECK(c->select.expired);
  CHECK(c->select.posts == std::vector<std::string>{"posts/a.md"});
  CHECK(c->order == Order::date_desc);
  CHECK(c->group == Grouping::year);
  CHECK_FALSE(c->markdown.typographer);
  CHECK(c->markdown.emoji == true);
  CHECK_FALSE(c->markdown.math);
  CHECK(c->markdown.auto_id_type == "github-ascii");
  CHECK(c->markdown.shortcode_map.at("image") == "figure");
  CHECK(c->markdown.shortcode_map.at("admonition") == "details");
  REQUIRE(c->figures.rewrite.size() == 1);
  CHECK(c->figures.rewrite[0].from == "https://image.example.com/");
  CHECK(c->figures.rewrite[0].to == "http://mirror.example.org/img/");
  REQUIRE(c->figures.headers.size() == 1);
  CHECK(c->figures.headers[0].host == "image.example.com");
  CHECK(c->figures.headers[0].set ==
        std::vector<std::pair<std::string, std::string>>{{"Referer", "https://example.com/"}});
  CHECK(c->figures.static_dirs == std::vector<fs::path>{base / "assets/static"});
  CHECK(c->figures.cache_dir == base / ".cache/figs");
  CHECK(c->figures.refresh);
  CHECK(c->figures.offline);
  CHECK(c->figures.parallel == 4);
  CHECK(c->figures.max_redirects == 3);
  CHECK(c->figures.connect_timeout_s == 5);
  CHECK(c->figures.timeout_s == 30);
  CHECK(c->figures.stall_timeout_s == 9);
  CHECK(c->figures.retries == 1);
  CHECK(c->figures.max_bytes == 1048576);
  CHECK(c->figures.max_pixels == 1000000);
  CHECK(c->figures.user_agent == "test-agent");
  CHECK(c->figures.downscale_pixels == 4000000);
  CHECK(c->figures.jpeg_quality == 70);
  CHECK(c->fonts.body == "Noto Serif CJK SC");
  CHECK(c->fonts.heading == (base / "fonts/heading.otf").string());
  CHECK(c->fonts.code == "DejaVu Sans Mono");
  CHECK(c->fonts.emphasis == HanEmphasis::dots);
  CHECK(c->epub.embed_fonts == EpubOptions::EmbedFonts::full);
  CHECK(c->epub.stylesheets == std::vector<fs::path>{base / "extra.css"});
  CHECK(c->epub.paragraph_indent_em == 1.5);
  CHECK(c->epub.split_bytes == 100 * 1024);
  CHECK(c->pdf.page == "A4");
  CHECK(c->pdf.margin_top_mm == 10);
  CHECK(c->pdf.margin_bottom_mm == 11);
  CHECK(c->pdf.margin_inner_mm == 12);
  CHECK(c->pdf.margin_outer_mm == 13);
  CHECK_FALSE(c->pdf.two_sided);
  CHECK(c->pdf.font_size_pt == 11);
  CHECK(c->pdf.line_height == 1.5);
  CHECK(c->pdf.paragraph_indent_em == 1);
  CHECK(c->pdf.cjk_latin_space_em == doctest::Approx(0.2));
  CHECK(c->pdf.code_scale == doctest::Approx(0.9));
  CHECK(c->pdf.image_dpi == 300);
  CHECK(c->pdf.handout == true);
  CHECK_FALSE(c->pdf.toc);
  CHECK(c->strict);
  CHECK(c->raw.find("select")->find("tags")->to_json() == "[\"meetup\"]");
}

TEST_CASE("an empty book.yaml keeps every default") {
  TempDir dir;
  auto file = dir.write("book.yaml", "# nothing yet\n");
  Diagnostics sink;
  auto c = load_book_config(file, sink);
  REQUIRE(c);
  CHECK(sink.all().empty());
  CHECK(c->content.empty());
  CHECK(c->order == Order::date);
  CHECK(c->group == Grouping::none);
  CHECK(c->pdf.page.empty());  // A5 for a book, A4 for a handout
  CHECK_FALSE(c->pdf.handout);
  CHECK(c->figures.parallel == 8);
  CHECK(c->epub.embed_fonts == EpubOptions::EmbedFonts::subset);
  CHECK_FALSE(c->strict);
}

TEST_CASE("`author` as one string; `content` as one path") {
  TempDir dir;
  auto file = dir.write("book.yaml", "author: 小明\ncontent: .\n");
  Diagnostics sink;
  auto c = load_book_config(file, sink);
  REQUIRE(c);
  CHECK(c->meta.authors == std::vector<std::string>{"小明"});
  CHECK(c->content == std::vector<std::string>{dir.path().string()});
}

TEST_CASE("`content` as a map: the paths and the post budget, checked against its range") {
  TempDir dir;
  auto file = dir.write("book.yaml", "content:\n  paths: [posts]\n  max_post_bytes: 32M\n");
  Diagnostics sink;
  auto c = load_book_config(file, sink);
  REQUIRE(c);
  CHECK(sink.all().empty());
  CHECK(c->content == std::vector<std::string>{(dir.path() / "posts").string()});
  CHECK(c->max_post_bytes == size_t(32) << 20);

  auto defaults = load_book_config(dir.write("plain.yaml", "content: [.]\n"), sink);
  REQUIRE(defaults);
  CHECK(defaults->max_post_bytes == size_t(8) << 20);

  Diagnostics bad;
  auto too_small = load_book_config(dir.write("bad.yaml", "content:\n  max_post_bytes: 12\n"), bad);
  REQUIRE(too_small);
  REQUIRE(bad.all().size() == 1);
  CHECK(shown(dir, bad.all()[0]) ==
        "bad.yaml:2:19: error: content.max_post_bytes: expected a size from 1k to 1G (8M, 500k, bytes), got `12`");
  CHECK(too_small->max_post_bytes == size_t(8) << 20);
}

TEST_CASE("unknown keys are warnings with their line") {
  TempDir dir;
  auto file = dir.write("book.yaml", "title: T\ntitel: typo\nselect:\n  tag: [meetup]\npdf:\n  paper: A4\n");
  Diagnostics sink;
  auto c = load_book_config(file, sink);
  REQUIRE(c);
  CHECK(sink.error_count() == 0);
  auto all = sink.all();
  REQUIRE(all.size() == 3);
  CHECK(shown(dir, all[0]) == "book.yaml:2:1: warning: unknown key `titel` (ignored)");
  CHECK(shown(dir, all[1]) == "book.yaml:4:3: warning: unknown key `select.tag` (ignored)");
  CHECK(shown(dir, all[2]) == "book.yaml:6:3: warning: unknown key `pdf.paper` (ignored)");
  CHECK(c->meta.title == "T");
}

TEST_CASE("wrong types are errors with their line; the defaults stay") {
  TempDir dir;
  auto file = dir.write("book.yaml",
                        "title: [not, text]\norder: random\npdf:\n  font_size: big\n  two_sided: maybe\n"
                        "select:\n  from: last week\nfigures:\n  parallel: -2\nepub:\n  embed_fonts: some\n");
  Diagnostics sink;
  auto c = load_book_config(file, sink);
  REQUIRE(c);
  auto all = sink.all();
  REQUIRE(all.size() == 7);
  for (const auto& d : all) CHECK(d.severity == Severity::error);
  CHECK(shown(dir, all[0]) == "book.yaml:1:8: error: title: expected text, got a list");
  CHECK(all[1].where.line == 2);
  CHECK(all[1].message.find("one of date date_desc") != std::string::npos);
  CHECK(shown(dir, all[2]) == "book.yaml:4:14: error: pdf.font_size: expected a number from 5 to 30, got `big`");
  CHECK(all[3].where.line == 5);
  CHECK(all[4].where.line == 7);
  CHECK(all[5].where.line == 9);
  CHECK(all[6].where.line == 11);
  CHECK(c->pdf.font_size_pt == 10.5);
  CHECK(c->order == Order::date);
  CHECK(c->figures.parallel == 8);
}

TEST_CASE("fonts.emphasis: kai by default, each of kai dots slant, anything else a located error") {
  TempDir dir;
  {
    Diagnostics sink;
    auto c = load_book_config(dir.write("book.yaml", "title: T\n"), sink);
    REQUIRE(c);
    CHECK(c->fonts.emphasis == HanEmphasis::kai);
  }
  for (HanEmphasis e : {HanEmphasis::kai, HanEmphasis::dots, HanEmphasis::slant}) {
    Diagnostics sink;
    auto c = load_book_config(dir.write("book.yaml", std::string("fonts:\n  emphasis: ") + to_string(e) + "\n"), sink);
    REQUIRE(c);
    CHECK(sink.all().empty());
    CHECK(c->fonts.emphasis == e);
  }
  Diagnostics sink;
  auto c = load_book_config(dir.write("book.yaml", "fonts:\n  body: Noto Serif CJK SC\n  emphasis: bold\n"), sink);
  REQUIRE(c);
  REQUIRE(sink.all().size() == 1);
  CHECK(shown(dir, sink.all()[0]) == "book.yaml:3:13: error: fonts.emphasis: expected one of kai dots slant, got `bold`");
  CHECK(c->fonts.emphasis == HanEmphasis::kai);
}

TEST_CASE("a YAML syntax error is one located error and nullopt") {
  TempDir dir;
  auto file = dir.write("book.yaml", "title: ok\nselect:\n  tags: [meetup\norder: date\n");
  Diagnostics sink;
  auto c = load_book_config(file, sink);
  CHECK_FALSE(c);
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].severity == Severity::error);
  CHECK(shown(dir, sink.all()[0]).rfind("book.yaml:", 0) == 0);
  CHECK(sink.all()[0].where.line >= 3);
  CHECK(sink.all()[0].where.column > 0);
}

TEST_CASE("a book.yaml that does not exist is an error") {
  TempDir dir;
  Diagnostics sink;
  CHECK_FALSE(load_book_config(dir.path() / "missing.yaml", sink));
  CHECK(sink.error_count() == 1);
}
