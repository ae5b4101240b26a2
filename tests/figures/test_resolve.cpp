// Resolving figure sources: post-relative, bundles, static/, rewrites, headers, traversal.
#include <doctest/doctest.h>

#include <filesystem>

#include "base/atomic_file.hpp"
#include "figures/resolve.hpp"
#include "folio/figures.hpp"
#include "samples.hpp"
#include "temp_dir.hpp"

using namespace folio;
using namespace folio::figures;
namespace fs = std::filesystem;

namespace {

// A site: content/posts/bundle/index.md (leaf bundle with pic.png), content/posts/plain.md,
// static/images/logo.gif, and a secret file beside the site.
struct Site {
  test::TempDir dir;
  fs::path root = dir.path() / "site";
  Collection collection;
  Post bundle, plain;

  Site() {
    fs::create_directories(root / "content/posts/bundle/img");
    fs::create_directories(root / "static/images");
    fs::create_directories(dir.path() / "mirror/img");
    write_file_atomically(root / "content/posts/bundle/pic.png", test::make_png(4, 4));
    write_file_atomically(root / "content/posts/bundle/img/deep.png", test::make_png(5, 5));
    write_file_atomically(root / "content/posts/bundle/图 片.png", test::make_png(6, 6));
    write_file_atomically(root / "static/images/logo.gif", test::make_gif(3, 3));
    write_file_atomically(dir.path() / "secret.txt", "secret");
    write_file_atomically(dir.path() / "mirror/img/m.png", test::make_png(7, 7));
    fs::create_symlink(dir.path() / "secret.txt", root / "content/posts/bundle/link.png");
    ContentRoot r;
    r.site_root = root;
    r.content_dir = root / "content";
    r.static_dirs = {root / "static"};
    collection.roots.push_back(r);
    bundle.file = root / "content/posts/bundle/index.md";
    bundle.content_dir = root / "content";
    bundle.leaf_bundle = true;
    bundle.slug = "my-slug";
    plain.file = root / "content/posts/plain.md";
    plain.content_dir = root / "content";
  }
  ResolveRoots roots(const FigureOptions& o) { return make_roots(collection, o, dir.path()); }
};

}  // namespace

TEST_CASE("local figures: beside the post, in the bundle, site-absolute in static/ and by permalink") {
  Site site;
  FigureOptions o;
  auto roots = site.roots(o);
  auto r = resolve_source("pic.png", site.bundle, roots, o);
  CHECK(r.kind == ResolvedSource::Kind::local);
  CHECK(r.file.filename() == "pic.png");
  CHECK(resolve_source("./img/deep.png", site.bundle, roots, o).kind == ResolvedSource::Kind::local);
  CHECK(resolve_source("%E5%9B%BE%20%E7%89%87.png", site.bundle, roots, o).kind == ResolvedSource::Kind::local);
  CHECK(resolve_source("pic.png?v=2#x", site.bundle, roots, o).kind == ResolvedSource::Kind::local);
  auto s = resolve_source("/images/logo.gif", site.plain, roots, o);
  CHECK(s.kind == ResolvedSource::Kind::local);
  CHECK(s.file == fs::weakly_canonical(site.root / "static/images/logo.gif"));
  // `images/logo.gif` from a plain post means the site's static folder.
  CHECK(resolve_source("images/logo.gif", site.plain, roots, o).kind == ResolvedSource::Kind::local);
  // Bundle resources by their published path: folder name or slug.
  CHECK(resolve_source("/posts/bundle/pic.png", site.bundle, roots, o).kind == ResolvedSource::Kind::local);
  CHECK(resolve_source("/posts/my-slug/img/deep.png", site.bundle, roots, o).kind == ResolvedSource::Kind::local);
  auto missing = resolve_source("nope.png", site.bundle, roots, o);
  CHECK(missing.kind == ResolvedSource::Kind::missing);
  CHECK(missing.reason == "figure not found: nope.png");
}

TEST_CASE("paths leading outside the content roots are refused, symlinks included") {
  Site site;
  FigureOptions o;
  auto roots = site.roots(o);
  for (const char* src : {"../../../secret.txt", "../../../../../../../../etc/passwd", "/../../secret.txt",
                          "%2e%2e/%2e%2e/%2e%2e/secret.txt", "link.png"}) {
    CAPTURE(src);
    auto r = resolve_source(src, site.bundle, roots, o);
    CHECK(r.kind == ResolvedSource::Kind::refused);
    CHECK(r.reason.find("outside the content folders") != std::string::npos);
  }
}

TEST_CASE("schemes: http and https fetched, everything else refused") {
  Site site;
  FigureOptions o;
  auto roots = site.roots(o);
  auto r = resolve_source("https://image.example.com/a.jpeg", site.bundle, roots, o);
  CHECK(r.kind == ResolvedSource::Kind::remote);
  CHECK(r.url == "https://image.example.com/a.jpeg");
  CHECK(resolve_source("https://example.com/图 1.png?a=b|c", site.bundle, roots, o).url ==
        "https://example.com/%E5%9B%BE%201.png?a=b%7Cc");
  CHECK(resolve_source("https://example.com/%E5%9B%BE.png", site.bundle, roots, o).url ==
        "https://example.com/%E5%9B%BE.png");  // already encoded: kept
  CHECK(resolve_source("//cdn.example.com/x.png", site.bundle, roots, o).url == "https://cdn.example.com/x.png");
  for (const char* src : {"file:///etc/passwd", "ftp://example.com/x.png", "javascript:alert(1)", "data:image/png;base64,AA"}) {
    CAPTURE(src);
    auto bad = resolve_source(src, site.bundle, roots, o);
    CHECK(bad.kind == ResolvedSource::Kind::unsupported);
    CHECK(bad.reason.find("only http and https") != std::string::npos);
  }
}

TEST_CASE("rewrite rules map URL prefixes to mirrors or local folders; headers go by host") {
  Site site;
  FigureOptions o;
  o.rewrite = {{"https://image.example.com/", "http://mirror.example.org/img/"},
               {"https://image.example.com/special/", "http://special.example.org/"},
               {"https://dead.example.com/", "mirror/"}};
  o.headers = {{"image.example.com", {{"Referer", "https://example.com/"}}},
               {"example.org", {{"X-Token", "t"}}}};
  auto roots = site.roots(o);
  auto r = resolve_source("https://image.example.com/a/b.jpeg", site.bundle, roots, o);
  CHECK(r.url == "http://mirror.example.org/img/a/b.jpeg");
  CHECK(r.headers == std::vector<std::string>{"X-Token: t"});  // the mirror's host, example.org's subdomain
  CHECK(resolve_source("https://image.example.com/special/x.png", site.bundle, roots, o).url ==
        "http://special.example.org/x.png");
  auto local = resolve_source("https://dead.example.com/img/m.png", site.bundle, roots, o);
  CHECK(local.kind == ResolvedSource::Kind::local);
  CHECK(local.file.filename() == "m.png");
  CHECK(resolve_source("https://dead.example.com/../secret.txt", site.bundle, roots, o).kind ==
        ResolvedSource::Kind::refused);
  FigureOptions only_headers;
  only_headers.headers = o.headers;
  auto h = resolve_source("https://Image.Example.com:443/z.png", site.bundle, roots, only_headers);
  CHECK(h.headers == std::vector<std::string>{"Referer: https://example.com/"});
  CHECK(url_host("http://u:p@[::1]:8080/x") == "::1");
}
