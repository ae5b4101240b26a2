// Front matter: one case for each quirk real Hugo blogs have (hugo-inputs.md §1).
#include <doctest/doctest.h>

#include "content/frontmatter.hpp"
#include "content/post_reader.hpp"

using namespace folio;

namespace {

struct Read {
  std::optional<Post> post;
  std::vector<Diagnostic> diagnostics;
  bool mentions(const std::string& s) const {
    for (const auto& d : diagnostics)
      if (d.format().find(s) != std::string::npos) return true;
    return false;
  }
};

Read read(std::string_view text, const SiteConfig* site = nullptr, std::string rel = "posts/a.md") {
  content::PostSource source;
  source.file = "/blog/content/" + rel;
  source.display_path = "content/" + rel;
  source.content_dir = "/blog/content";
  source.rel_path = rel;
  source.leaf_bundle = rel.find("/index.md") != std::string::npos;
  Diagnostics sink;
  Read r;
  r.post = content::read_post_text(source, text, content::PostContext{site, nullptr, nullptr}, sink);
  r.diagnostics = sink.all();
  return r;
}

std::string date_of(const Read& r) { return r.post && r.post->date ? r.post->date->rfc3339() : "<none>"; }

}  // namespace

TEST_CASE("YAML front matter: fields, body and where the body starts") {
  auto r = read("---\ntitle: 第一次聚会\ndate: 2020-10-18\ntags: [meetup, go]\n---\n# Heading\n\n正文\n");
  REQUIRE(r.post);
  CHECK(r.diagnostics.empty());
  CHECK(r.post->front_matter == FrontMatterFormat::yaml);
  CHECK(r.post->title == "第一次聚会");
  CHECK(r.post->title_from_front_matter);
  CHECK(date_of(r) == "2020-10-18");
  CHECK(r.post->tags == std::vector<std::string>{"meetup", "go"});
  CHECK(r.post->body == "# Heading\n\n正文\n");
  CHECK(r.post->body_line == 6);
  CHECK(r.post->section == "posts");
  CHECK(r.post->char_count == 14);  // "# Heading\n\n正文\n": 9 + 2 + 2 + 1
}

TEST_CASE("a UTF-8 BOM before the front matter") {
  auto r = read("\xEF\xBB\xBF---\ntitle: BOM\n---\nbody\n");
  REQUIRE(r.post);
  CHECK(r.post->title == "BOM");
  CHECK(r.post->body == "body\n");
}

TEST_CASE("CRLF line ends are read as LF and keep their line numbers") {
  auto r = read("---\r\ntitle: Windows\r\ndate: 2020-10-18\r\n---\r\nline one\r\nline two\r\n");
  REQUIRE(r.post);
  CHECK(r.post->title == "Windows");
  CHECK(r.post->body == "line one\nline two\n");
  CHECK(r.post->body_line == 5);
}

TEST_CASE("blank lines before and inside the block, runs of spaces after keys") {
  auto r = read("\n\n---\n\ntitle:     spaced    out\n\n\ndate:    2020-10-18\n---\nbody\n");
  REQUIRE(r.post);
  CHECK(r.post->title == "spaced    out");
  CHECK(date_of(r) == "2020-10-18");
  CHECK(r.post->body_line == 10);
}

TEST_CASE("YAML comments, including one after a date") {
  auto r = read("---\n# a comment line\ntitle: 注释  # 标题\ndate: 2022-11-20T21:09:38+08:00 # 时间\n---\n");
  REQUIRE(r.post);
  CHECK(r.post->title == "注释");
  CHECK(date_of(r) == "2022-11-20T21:09:38+08:00");
}

TEST_CASE("tabs: between key and value, and as indentation (read as spaces with a warning)") {
  auto r = read("---\ntitle:\tTabbed\ntags:\n\t- go\n\t- meetup\n---\n");
  REQUIRE(r.post);
  CHECK(r.post->title == "Tabbed");
  CHECK(r.post->tags == std::vector<std::string>{"go", "meetup"});
  CHECK(r.mentions("tab used for indentation"));
}

TEST_CASE("values starting with a backtick or @ are text, as Hugo's YAML parser reads them") {
  auto r = read("---\ntitle: ok\ndescription: `context.Context` 在 ARM 上\nauthor: @gopher\n"
                "keywords:\n  - `go` it's\n---\n");
  REQUIRE(r.post);
  CHECK(r.diagnostics.empty());
  CHECK(r.post->description == "`context.Context` 在 ARM 上");
  CHECK(r.post->authors == std::vector<std::string>{"@gopher"});
  CHECK(r.post->params.find("keywords")->to_json() == "[\"`go` it's\"]");
}

TEST_CASE("CJK values, quoted and not") {
  auto r = read("---\ntitle: \"Go 夜读：并发模式\"\ncategories: 技术\ndescription: 聚会回顾，含代码\n---\n");
  REQUIRE(r.post);
  CHECK(r.post->title == "Go 夜读：并发模式");
  CHECK(r.post->categories == std::vector<std::string>{"技术"});
  CHECK(r.post->description == "聚会回顾，含代码");
}

TEST_CASE("every date form, quoted and unquoted, in YAML") {
  struct Case {
    const char* written;
    const char* expected;
  };
  Case cases[] = {
      {"2020-10-18", "2020-10-18"},
      {"2020-10-18 12:00:00", "2020-10-18T12:00:00Z"},
      {"2021-10-01 8:30:00+00:00", "2021-10-01T08:30:00Z"},
      {"2020-10-18T01:03:25+08:00", "2020-10-18T01:03:25+08:00"},
      {"2020-10-17T17:03:25Z", "2020-10-17T17:03:25Z"},
      {"2020-10-18T12:00:00", "2020-10-18T12:00:00Z"},
      {"2020-10-18 12:00:00 +0800", "2020-10-18T12:00:00+08:00"},
  };
  for (const auto& c : cases) {
    for (const char* quote : {"", "\"", "'"}) {
      std::string text = std::string("---\ndate: ") + quote + c.written + quote + "\n---\n";
      CAPTURE(text);
      auto r = read(text);
      REQUIRE(r.post);
      CHECK(date_of(r) == c.expected);
      CHECK(r.diagnostics.empty());
    }
  }
}

TEST_CASE("a date without a zone is read in the site's timeZone") {
  SiteConfig site;
  site.time_zone_offset_minutes = 480;
  auto r = read("---\ndate: 2020-10-18 12:00:00\n---\n", &site);
  REQUIRE(r.post);
  CHECK(date_of(r) == "2020-10-18T12:00:00+08:00");
  CHECK(r.post->date->unix_seconds == 1603022400 - 8 * 3600);
}

TEST_CASE("TOML front matter with native and quoted datetimes") {
  auto r = read(
      "+++\ntitle = \"TOML 文章\"\ndate = 2020-10-18T01:03:25+08:00\nlastmod = 2020-10-20\n"
      "publishDate = \"2020-10-18\"\ntags = [\"go\", \"Cloud Native\"]\ndraft = false\n+++\nbody\n");
  REQUIRE(r.post);
  CHECK(r.diagnostics.empty());
  CHECK(r.post->front_matter == FrontMatterFormat::toml);
  CHECK(r.post->title == "TOML 文章");
  CHECK(date_of(r) == "2020-10-18T01:03:25+08:00");
  CHECK(r.post->lastmod->rfc3339() == "2020-10-20");
  CHECK(r.post->publish_date->rfc3339() == "2020-10-18");
  CHECK(r.post->tags == std::vector<std::string>{"go", "Cloud Native"});
  CHECK(r.post->body == "body\n");
  // Native dates stay available in params as RFC 3339 text.
  CHECK(r.post->params.find("date")->as_string() == "2020-10-18T01:03:25+08:00");
  auto local = read("+++\ndate = 2020-10-18T12:00:00\n+++\n");
  REQUIRE(local.post);
  CHECK(date_of(local) == "2020-10-18T12:00:00Z");
}

TEST_CASE("JSON front matter: an object at the top, braces inside strings") {
  auto r = read("{\n  \"title\": \"JSON {braces} 文章\",\n  \"date\": \"2020-10-18\",\n  \"tags\": [\"go\"]\n}\n\nbody\n");
  REQUIRE(r.post);
  CHECK(r.diagnostics.empty());
  CHECK(r.post->front_matter == FrontMatterFormat::json);
  CHECK(r.post->title == "JSON {braces} 文章");
  CHECK(r.post->tags == std::vector<std::string>{"go"});
  CHECK(r.post->body == "\nbody\n");
  CHECK(r.post->body_line == 6);
}

TEST_CASE("no front matter: the title comes from the first heading, else the file name") {
  auto heading = read("Intro text\n\n```\n# not a heading\n```\n\n## 真正的标题 ##\n");
  REQUIRE(heading.post);
  CHECK(heading.post->front_matter == FrontMatterFormat::none);
  CHECK(heading.post->title == "真正的标题");
  CHECK_FALSE(heading.post->title_from_front_matter);
  CHECK(heading.post->body_line == 1);

  auto setext = read("Setext Title\n============\n\ntext\n");
  CHECK(setext.post->title == "Setext Title");

  auto plain = read("just text\n", nullptr, "posts/my-first-post.md");
  CHECK(plain.post->title == "my-first-post");
  auto bundle = read("just text\n", nullptr, "posts/bundle-name/index.md");
  CHECK(bundle.post->title == "bundle-name");
  CHECK_FALSE(bundle.post->date);
}

TEST_CASE("a shortcode at the top is content, not JSON front matter") {
  auto r = read("{{< figure src=\"a.png\" >}}\n\ntext\n");
  REQUIRE(r.post);
  CHECK(r.diagnostics.empty());
  CHECK(r.post->front_matter == FrontMatterFormat::none);
  CHECK(r.post->body.rfind("{{<", 0) == 0);
}

TEST_CASE("a thematic break or a list at the top is not front matter") {
  auto r = read("- item\n- item\n");
  REQUIRE(r.post);
  CHECK(r.post->front_matter == FrontMatterFormat::none);
  auto rule = read("----\ntext\n");
  CHECK(rule.post->front_matter == FrontMatterFormat::none);
}

TEST_CASE("keys in any case") {
  auto r = read("---\nTitle: Upper\nDate: 2020-10-18\nTags: [go]\nDraft: true\nShowToc: true\n---\n");
  REQUIRE(r.post);
  CHECK(r.post->title == "Upper");
  CHECK(date_of(r) == "2020-10-18");
  CHECK(r.post->tags == std::vector<std::string>{"go"});
  CHECK(r.post->draft);
  // Raw values are kept with lowercased top-level keys.
  REQUIRE(r.post->params.find("showtoc"));
  CHECK(r.post->params.as_map().back().first == "showtoc");
}

TEST_CASE("a taxonomy as a single string is one term; commas do not split it") {
  auto r = read("---\ntags: \"go, rust\"\ncategories: Bonsai\n---\n");
  REQUIRE(r.post);
  CHECK(r.post->tags == std::vector<std::string>{"go, rust"});
  CHECK(r.post->categories == std::vector<std::string>{"Bonsai"});
  auto empty = read("---\ntags: []\ncategories: \n---\n");
  CHECK(empty.post->tags.empty());
  CHECK(empty.post->categories.empty());
  auto numbers = read("---\ntags: [2020, go]\n---\n");
  CHECK(numbers.post->tags == std::vector<std::string>{"2020", "go"});
}

TEST_CASE("terms are one tag after lowercasing and spaces to dashes") {
  CHECK(normalize_term("Cloud Native") == "cloud-native");
  CHECK(normalize_term("cloud-native") == "cloud-native");
  CHECK(normalize_term("Go") == normalize_term("go"));
  CHECK(normalize_term("云原生") == "云原生");
  CHECK(normalize_term("Product Management") != normalize_term("product_management"));
}

TEST_CASE("date falls back to publishDate, then lastmod") {
  auto pub = read("---\npublishDate: 2021-01-02\nlastmod: 2021-03-04\n---\n");
  CHECK(date_of(pub) == "2021-01-02");
  auto last = read("---\nlastmod: 2021-03-04\n---\n");
  CHECK(date_of(last) == "2021-03-04");
  auto own = read("---\ndate: 2020-01-01\npublishDate: 2021-01-02\n---\n");
  CHECK(date_of(own) == "2020-01-01");
  CHECK(own.post->publish_date->rfc3339() == "2021-01-02");
  // publishDate falls back to date, so a future date keeps a post out as in Hugo.
  CHECK(read("---\ndate: 2020-01-01\n---\n").post->publish_date->rfc3339() == "2020-01-01");
}

TEST_CASE("draft written as a string, and cast.ToBool's other spellings") {
  CHECK(read("---\ndraft: \"true\"\n---\n").post->draft);
  CHECK(read("---\ndraft: 1\n---\n").post->draft);
  CHECK(read("---\ndraft: t\n---\n").post->draft);
  CHECK_FALSE(read("---\ndraft: \"false\"\n---\n").post->draft);
  CHECK_FALSE(read("---\ntitle: x\n---\n").post->draft);
}

TEST_CASE("weight: 0 is unset, strings are numbers") {
  CHECK(read("---\nweight: 0\n---\n").post->weight == 0);
  CHECK(read("---\ntitle: x\n---\n").post->weight == 0);
  CHECK(read("---\nweight: 3\n---\n").post->weight == 3);
  CHECK(read("---\nweight: \"7\"\n---\n").post->weight == 7);
}

TEST_CASE("the other reserved fields") {
  auto r = read(
      "---\nauthor: {name: 小明, email: a@b.c}\nauthors: [Alice]\nslug: -hello-world-\nurl: \nseries: Go 入门\n"
      "aliases: [/old/path/]\nsummary: 摘要\nimages: cover.png\ntoc: {enable: true}\nexpiryDate: 2030-01-01\n"
      "custom: {nested: [1, 2]}\n---\n");
  REQUIRE(r.post);
  CHECK(r.post->authors == std::vector<std::string>{"小明", "Alice"});
  CHECK(r.post->slug == "-hello-world-");
  CHECK(r.post->series == std::vector<std::string>{"Go 入门"});
  CHECK(r.post->aliases == std::vector<std::string>{"/old/path/"});
  CHECK(r.post->summary == "摘要");
  CHECK(r.post->description == "摘要");
  CHECK(r.post->images == std::vector<std::string>{"cover.png"});
  CHECK(r.post->toc == true);
  CHECK(r.post->expiry_date->rfc3339() == "2030-01-01");
  CHECK(r.post->params.find("custom")->to_json() == "{\"nested\":[1,2]}");
  CHECK(r.post->permalink() == "/posts/hello-world/");
  CHECK(read("---\ntoc: false\n---\n").post->toc == false);
  CHECK(read("---\nauthor: 小红\n---\n").post->authors == std::vector<std::string>{"小红"});
}

TEST_CASE("permalinks follow Hugo's default: folder, then slug or file or bundle name") {
  CHECK(read("x", nullptr, "posts/My Post.md").post->permalink() == "/posts/my-post/");
  CHECK(read("x", nullptr, "posts/meetup-1/index.md").post->permalink() == "/posts/meetup-1/");
  CHECK(read("x", nullptr, "about.md").post->permalink() == "/about/");
  CHECK(read("---\nurl: /custom/place/\n---\n").post->permalink() == "/custom/place/");
}

TEST_CASE("site taxonomies: declared plurals are read") {
  SiteConfig site;
  site.taxonomies = {{"tag", "tags"}, {"etiqueta", "etiquetas"}};
  auto r = read("---\ntags: [go]\netiquetas: Viaje\n---\n", &site);
  REQUIRE(r.post);
  CHECK(r.post->taxonomies.at("etiquetas") == std::vector<std::string>{"Viaje"});
  CHECK(r.post->taxonomies.at("tags") == std::vector<std::string>{"go"});
}

TEST_CASE("diagnostics: broken YAML is located in the file and the post is left out") {
  auto r = read("---\ntitle: ok\ntags: [a, b\n---\nbody\n");
  CHECK_FALSE(r.post);
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics.front().severity == Severity::warning);
  CHECK(r.diagnostics.front().where.file == "content/posts/a.md");
  CHECK(r.diagnostics.front().where.line >= 3);
  CHECK(r.diagnostics.front().where.column > 0);
  CHECK(r.diagnostics.front().format().rfind("content/posts/a.md:", 0) == 0);
  CHECK(r.mentions("post left out"));
}

TEST_CASE("diagnostics: broken TOML and JSON are located too") {
  auto toml = read("\n+++\ntitle = \"ok\"\ndate = = 3\n+++\n");
  CHECK_FALSE(toml.post);
  REQUIRE_FALSE(toml.diagnostics.empty());
  CHECK(toml.diagnostics.front().where.line == 4);
  CHECK(toml.diagnostics.front().where.column > 0);
  auto json = read("{\"title\": \"x\",\n \"tags\": [}\n");
  CHECK_FALSE(json.post);
  CHECK(json.diagnostics.front().where.line >= 1);
}

TEST_CASE("diagnostics: an unclosed block, a bad date, a non-map") {
  auto open = read("---\ntitle: x\n");
  CHECK_FALSE(open.post);
  CHECK(open.mentions("content/posts/a.md:1:1: warning: front matter is not closed"));
  auto bad_date = read("---\ntitle: x\n\ndate: someday\n---\n");
  REQUIRE(bad_date.post);
  CHECK(bad_date.mentions("content/posts/a.md:4: warning: front matter: date: not a date: someday"));
  CHECK_FALSE(bad_date.post->date);
  auto list = read("---\n- a\n- b\n---\n");
  CHECK_FALSE(list.post);
  CHECK(list.mentions("expected a map"));
}

TEST_CASE("invalid UTF-8 is reported at its line and column and replaced") {
  auto r = read("---\ntitle: ok\n---\nfine\nab\xFF\xFE cd\n");
  REQUIRE(r.post);
  CHECK(r.mentions("content/posts/a.md:5:3: warning: invalid UTF-8"));
  CHECK(r.mentions("content/posts/a.md:5:4: warning: invalid UTF-8"));
  CHECK(r.post->body == "fine\nab\xEF\xBF\xBD\xEF\xBF\xBD cd\n");
}

TEST_CASE("split_front_matter finds the block the way Hugo does") {
  auto s = content::split_front_matter("  \n+++\na = 1\n+++  \nrest");
  CHECK(s.format == FrontMatterFormat::toml);
  CHECK(s.block == "a = 1\n");
  CHECK(s.block_line == 3);
  CHECK(s.body == "rest");
  CHECK(s.body_line == 5);
  CHECK(content::normalize_newlines("\xEF\xBB\xBF" "a\r\nb\rc") == "a\nb\nc");
}

TEST_CASE("field warnings point at the key's line in TOML and JSON too") {
  auto toml = read("+++\ntitle = \"x\"\n\ndate = \"someday\"\nweight = \"heavy\"\n+++\n");
  REQUIRE(toml.post);
  CHECK(toml.mentions("content/posts/a.md:4: warning: front matter: date: not a date: someday"));
  CHECK(toml.mentions("content/posts/a.md:5: warning: front matter: weight: expected a number"));
  auto json = read("{\n  \"title\": \"x\",\n  \"Date\": \"soon\"\n}\n");
  REQUIRE(json.post);
  CHECK(json.mentions("content/posts/a.md:3: warning: front matter: date: not a date: soon"));
}
