// `folio fetch` and `folio build` with remote figures from a loopback server: the cache is
// filled once, an offline build needs no server, and the EPUB passes epubcheck.
#include <doctest/doctest.h>

#include <cairo.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/atomic_file.hpp"
#include "loopback_server.hpp"
#include "samples.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using folio::test::LoopbackServer;

namespace {

struct Run {
  int status = -1;
  std::string output;  ///< stdout and stderr together
};

// Runs a shell command line, capturing its output.
Run run(const std::string& command) {
  Run r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
  int raw = ::pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

void write_text(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// A Hugo site with one leaf-bundle post showing remote figures of every format and a local one.
fs::path make_site(const fs::path& dir, const LoopbackServer& http, const std::string& extra_markdown = "") {
  fs::path site = dir / "site";
  write_text(site / "hugo.toml", "title = \"远程图片\"\nlanguageCode = \"zh-CN\"\n");
  write_text(site / "content/posts/remote/index.md",
             "---\ntitle: 远程图片测试\ndate: 2026-03-01\ntags: [meetup]\n---\n\n"
             "调度器的结构如下。\n\n"
             "![JPEG 照片](" + http.url("/img/a.jpg") + ")\n\n"
             "![PNG 截图](" + http.url("/img/b.png") + ")\n\n"
             "![动画](" + http.url("/img/c.gif") + ")\n\n"
             "![WebP](" + http.url("/img/d.webp") + ")\n\n"
             "![矢量图](" + http.url("/img/e.svg") + ")\n\n"
             "![本地](local.png)\n\n"
             "正文里还有一张小图 ![同一张](" + http.url("/img/a.jpg") + ") 在句子中间。\n" + extra_markdown);
  folio::write_file_atomically(site / "content/posts/remote/local.png", folio::test::make_png(30, 20));
  return site;
}

void serve_images(LoopbackServer& http) {
  auto& s = http.server();
  static const std::string jpeg = folio::test::make_jpeg(320, 240), png = folio::test::make_png(200, 100, true),
                           gif = folio::test::make_gif(40, 20), webp = folio::test::make_webp(64, 48),
                           svg = "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='50'>"
                                 "<script>alert(1)</script><rect width='100' height='50' fill='#39c'/></svg>";
  auto serve = [&s](const char* path, const std::string& body, const char* type) {
    s.Get(path, [&body, type](const httplib::Request&, httplib::Response& res) { res.set_content(body, type); });
  };
  serve("/img/a.jpg", jpeg, "image/jpeg");
  serve("/img/b.png", png, "image/png");
  serve("/img/c.gif", gif, "image/gif");
  serve("/img/d.webp", webp, "image/webp");
  serve("/img/e.svg", svg, "image/svg+xml");
  s.Get("/gone.png", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
}

}  // namespace

TEST_CASE("folio fetch fills the cache; folio build --offline makes an EPUB that passes epubcheck") {
  folio::test::TempDir dir;
  LoopbackServer http;
  serve_images(http);
  http.start();
  fs::path site = make_site(dir.path(), http);
  fs::path cache = dir.path() / "cache";
  const std::string folio = FOLIO_CLI;

  Run fetch = run(folio + " fetch " + quoted(site) + " --cache " + quoted(cache));
  INFO(fetch.output);
  CHECK(fetch.status == 0);
  CHECK(fetch.output.find("6 figures ready, 0 failed; 5 requests") != std::string::npos);
  CHECK(fetch.output.find("figures: 6 embedded, 0 failed") != std::string::npos);
  CHECK(http.hits("/img/a.jpg") == 1);
  CHECK(http.total_hits() == 5);
  // Not a terminal: no progress line.
  CHECK(fetch.output.find("fetched,") == std::string::npos);

  Run again = run(folio + " fetch " + quoted(site) + " --cache " + quoted(cache));
  CHECK(again.status == 0);
  CHECK(again.output.find("0 requests") != std::string::npos);
  CHECK(http.total_hits() == 5);

  // On a terminal (script(1) gives the command one) the progress line shows.
  // (CI=... would hide it: folio draws no progress under CI.)
  Run tty = run("env -u CI script -qec \"" + folio + " fetch " + quoted(site) + " --cache " + quoted(dir.path() / "cache2") +
                "\" /dev/null");
  INFO(tty.output);
  CHECK(tty.output.find("figures: 5/5 fetched") != std::string::npos);
  http.reset_counts();

  http.stop();
  fs::path epub = dir.path() / "remote.epub";
  Run build = run(folio + " build " + quoted(site) + " --cache " + quoted(cache) + " --offline -o " + quoted(epub));
  INFO(build.output);
  REQUIRE(build.status == 0);
  CHECK(build.output.find("warning") == std::string::npos);
  Run check = run("java -jar /usr/share/java/epubcheck.jar " + quoted(epub));
  INFO(check.output);
  CHECK(check.status == 0);
  CHECK(check.output.find("No errors or warnings detected") != std::string::npos);
  // The archive holds five distinct images (the JPEG once), WebP as PNG, SVG without its script.
  Run list = run("python3 -c \"import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); "
                 "names=[n for n in z.namelist() if n.rsplit('.',1)[-1] in ('jpg','jpeg','png','gif','svg','webp')]; "
                 "print(' '.join(sorted(n.rsplit('.',1)[-1] for n in names))); print(names); "
                 "print(any(b'script' in z.read(n) for n in names if n.endswith('.svg')))\" " + quoted(epub));
  INFO(list.output);
  // One JPEG for its two uses and one from the opaque WebP.
  CHECK(list.output.find("gif jpg jpg png") != std::string::npos);
  CHECK(list.output.find("jpg jpg jpg") == std::string::npos);
  CHECK(list.output.find("png svg") != std::string::npos);
  CHECK(list.output.find("webp") == std::string::npos);
  CHECK(list.output.find("False") != std::string::npos);
}

TEST_CASE("folio fetch reports failures at the post's place, offline misses, and --strict fails") {
  folio::test::TempDir dir;
  LoopbackServer http;
  serve_images(http);
  http.start();
  fs::path site = make_site(dir.path(), http, "\n![没了](" + http.url("/gone.png") + ")\n\n![越界](../../../../etc/passwd)\n");
  fs::path cache = dir.path() / "cache";
  const std::string folio = FOLIO_CLI;

  Run offline = run(folio + " fetch " + quoted(site) + " --cache " + quoted(cache) + " --offline");
  INFO(offline.output);
  CHECK(offline.output.find("not in the cache (offline)") != std::string::npos);
  CHECK(http.total_hits() == 0);

  Run fetch = run(folio + " fetch " + quoted(site) + " --cache " + quoted(cache));
  INFO(fetch.output);
  CHECK(fetch.output.find("index.md:23:1: warning: figure not embedded: " + http.url("/gone.png") + ": HTTP 404") !=
        std::string::npos);
  CHECK(fetch.output.find("index.md:25:1: error: figure path leads outside the content folders") != std::string::npos);
  CHECK(fetch.status == 1);  // the refused path is an error

}

TEST_CASE("folio fetch: a failure is a warning, an error under --strict, and a rewrite mends it") {
  folio::test::TempDir dir;
  LoopbackServer http;
  serve_images(http);
  http.start();
  fs::path site = make_site(dir.path(), http, "\n![没了](" + http.url("/gone.png") + ")\n");
  fs::path cache = dir.path() / "cache";
  const std::string folio = FOLIO_CLI;
  Run plain = run(folio + " fetch " + quoted(site) + " --cache " + quoted(cache));
  INFO(plain.output);
  CHECK(plain.status == 0);
  CHECK(plain.output.find("warning: figure not embedded: " + http.url("/gone.png") + ": HTTP 404") != std::string::npos);
  Run strict = run(folio + " fetch " + quoted(site) + " --cache " + quoted(cache) + " --strict");
  INFO(strict.output);
  CHECK(strict.status == 1);
  CHECK(strict.output.find("error: figure not embedded: " + http.url("/gone.png")) != std::string::npos);
  Run mended = run(folio + " fetch " + quoted(site) + " --cache " + quoted(cache) + " --strict --figure-rewrite " +
                   http.url("/gone.png") + "=" + http.url("/img/b.png"));
  INFO(mended.output);
  CHECK(mended.status == 0);
  CHECK(mended.output.find("gone.png") == std::string::npos);
  CHECK(mended.output.find("figures: 6 embedded, 0 failed") != std::string::npos);
}

TEST_CASE("folio fetch --figure-rewrite to a local folder is taken from the working folder") {
  folio::test::TempDir dir;
  LoopbackServer http;
  serve_images(http);
  http.start();
  fs::path site = make_site(dir.path(), http, "\n![镜像](" + http.url("/dead/host/x.png") + ")\n");
  fs::create_directories(dir.path() / "mirror/host");
  REQUIRE(folio::write_file_atomically(dir.path() / "mirror/host/x.png", folio::test::make_png(9, 9)));
  const std::string folio = FOLIO_CLI;
  Run fetch = run("cd " + quoted(dir.path()) + " && " + folio + " fetch site --cache cache --strict --figure-rewrite " +
                  http.url("/dead/") + "=mirror/");
  INFO(fetch.output);
  CHECK(fetch.status == 0);
  CHECK(fetch.output.find("figures: 7 embedded, 0 failed") != std::string::npos);
  CHECK(http.hits("/dead/host/x.png") == 0);
}

TEST_CASE("a portrait photo with EXIF orientation 6 or 8 is upright in the EPUB and the PDF") {
  folio::test::TempDir dir;
  LoopbackServer http;
  // Stored 240x120 (landscape); the camera says "turn me": displayed 120x240 (portrait).
  static const std::string remote = folio::test::make_oriented_jpeg(240, 120, 8, false);
  http.server().Get("/img/turned.jpg", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(remote, "image/jpeg");
  });
  http.start();
  fs::path site = dir.path() / "site";
  write_text(site / "hugo.toml", "title = \"Turned\"\n");
  write_text(site / "content/posts/photos/index.md",
             "---\ntitle: Photos\ndate: 2026-03-01\ntags: [t]\n---\n\nA portrait.\n\n![local](portrait.jpg)\n\n"
             "![remote](" + http.url("/img/turned.jpg") + ")\n");
  REQUIRE(folio::write_file_atomically(site / "content/posts/photos/portrait.jpg",
                                       folio::test::make_oriented_jpeg(240, 120, 6)));
  fs::path cache = dir.path() / "cache";
  const std::string folio = FOLIO_CLI;
  // Built twice: the second build takes sizes from the cache and the local facts records.
  for (int pass = 0; pass < 2; ++pass) {
    CAPTURE(pass);
    fs::path epub = dir.path() / "turned.epub", pdf = dir.path() / "turned.pdf";
    Run build = run(folio + " build " + quoted(site) + " -t t --cache " + quoted(cache) + " -o " + quoted(epub));
    INFO(build.output);
    REQUIRE(build.status == 0);
    CHECK(build.output.find("figures: 2 embedded, 0 failed") != std::string::npos);
    Run check = run("java -jar /usr/share/java/epubcheck.jar " + quoted(epub));
    INFO(check.output);
    CHECK(check.output.find("No errors or warnings detected") != std::string::npos);
    // Both images in the archive are 120x240 JPEGs, with the red block where the camera meant it.
    Run sizes = run("/usr/bin/python3 -c \"import sys,zipfile,struct\n"
                    "z=zipfile.ZipFile(sys.argv[1])\n"
                    "for n in sorted(z.namelist()):\n"
                    "  if not n.endswith('.jpg'): continue\n"
                    "  b=z.read(n); i=2\n"
                    "  while b[i+1] < 0xC0 or b[i+1] in (0xC4,0xC8,0xCC) or b[i+1] > 0xCF: i += 2+struct.unpack('>H',b[i+2:i+4])[0]\n"
                    "  h,w=struct.unpack('>HH',b[i+5:i+9]); print('jpeg %dx%d exif=%s' % (w,h,b'Exif' in b[:200]))\" " + quoted(epub));
    INFO(sizes.output);
    CHECK(sizes.output == "jpeg 120x240 exif=False\njpeg 120x240 exif=False\n");

    Run build_pdf = run(folio + " build " + quoted(site) + " -t t --cache " + quoted(cache) + " -o " + quoted(pdf));
    INFO(build_pdf.output);
    REQUIRE(build_pdf.status == 0);
    Run qpdf = run("qpdf --check " + quoted(pdf) + " >/dev/null; echo rc=$?");
    CHECK((qpdf.output.find("rc=0") != std::string::npos || qpdf.output.find("rc=3") != std::string::npos));
    // pdfimages -list: page num type width height ...; both images 120 wide, 240 high.
    Run images = run("pdfimages -list " + quoted(pdf) + " | awk 'NR>2 && $3==\"image\" {print $4\"x\"$5}'");
    INFO(images.output);
    CHECK(images.output == "120x240\n120x240\n");
  }
  // The upright pixels: decode the PDF's images and look at the corners.
  Run extract = run("cd " + quoted(dir.path()) + " && pdfimages -png turned.pdf img && ls img-*.png | sort");
  INFO(extract.output);
  int turned_clockwise = 0, turned_counter = 0;
  for (const char* name : {"img-000.png", "img-001.png"}) {
    CAPTURE(name);
    cairo_surface_t* s = cairo_image_surface_create_from_png((dir.path() / name).c_str());
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s);
    const unsigned char* px = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s), w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    auto red_at = [&](int x, int y) {
      const unsigned char* p = px + size_t(y) * size_t(stride) + 4 * size_t(x);
      return p[2] > 200 && p[1] < 60 && p[0] < 60;
    };
    // Orientation 6 puts the stored top-left at the top right; 8 puts it at the bottom left.
    turned_clockwise += red_at(w - 4, 3) && !red_at(3, h - 4) && !red_at(3, 3);
    turned_counter += red_at(3, h - 4) && !red_at(w - 4, 3) && !red_at(3, 3);
    cairo_surface_destroy(s);
  }
  CHECK(turned_clockwise == 1);
  CHECK(turned_counter == 1);
}
