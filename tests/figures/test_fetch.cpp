// resolve_figures against a real HTTP server on 127.0.0.1: every failure mode, the cache,
// offline, refresh, overlap, rewrites and headers.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <memory>
#include <filesystem>
#include <thread>

#include "base/atomic_file.hpp"
#include "base/hash.hpp"
#include "figures/cache.hpp"
#include "figures/probe.hpp"
#include "folio/figures.hpp"
#include "folio/version.hpp"
#include "loopback_server.hpp"
#include "samples.hpp"
#include "temp_dir.hpp"

using namespace folio;
namespace fs = std::filesystem;

namespace {

const std::string kJpeg = test::make_jpeg(64, 48);
const std::string kPng = test::make_png(40, 30);
const std::string kGif = test::make_gif(16, 8);
const std::string kWebp = test::make_webp(24, 12);
const std::string kSvg = test::make_svg(120, 60);

// The server every test here uses: good images, and each way a download can go wrong.
struct Fixture {
  test::LoopbackServer http;
  std::atomic<int> flaky{0};
  std::atomic<int> busy{0};
  std::atomic<bool> stopping{false};
  std::atomic<bool> flip_gone{false};
  std::atomic<int> changing{0};

  Fixture() {
    auto& s = http.server();
    auto serve = [&s](const std::string& path, const std::string& body, const char* type) {
      s.Get(path, [body, type](const httplib::Request&, httplib::Response& res) { res.set_content(body, type); });
    };
    serve("/img/a.jpg", kJpeg, "image/jpeg");
    serve("/img/same-as-a.jpg", kJpeg, "image/jpeg");
    serve("/img/b.png", kPng, "image/png");
    serve("/img/c.gif", kGif, "image/gif");
    serve("/img/d.webp", kWebp, "image/webp");
    serve("/img/e.svg", kSvg, "image/svg+xml");
    serve("/wrong-type", kPng, "text/plain");  // the bytes decide, not the Content-Type
    serve("/html", "<!DOCTYPE html><html><body>Image not found</body></html>", "text/html");
    serve("/bomb.png", test::make_png_header_only(100000, 100000), "image/png");
    serve("/huge", std::string(300 * 1024, 'x'), "image/jpeg");
    s.Get("/huge-chunked", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("image/jpeg", [](size_t offset, httplib::DataSink& sink) {
        std::string chunk(16 * 1024, 'y');
        sink.write(chunk.data(), chunk.size());
        if (offset > 1024 * 1024) sink.done();
        return true;
      });
    });
    s.Get("/truncated", [](const httplib::Request&, httplib::Response& res) {
      // Promises 100000 bytes, sends 1000 and closes the connection.
      res.set_content_provider(100000, "image/jpeg", [](size_t offset, size_t, httplib::DataSink& sink) {
        if (offset >= 1000) return false;
        sink.write(kJpeg.data(), std::min<size_t>(1000, kJpeg.size()));
        return true;
      });
    });
    s.Get("/redirect", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/img/b.png"); });
    s.Get("/redirect-file", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("file:///etc/passwd");
    });
    s.Get(R"(/loop/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
      res.set_redirect("/loop/" + std::to_string(std::stoi(req.matches[1]) + 1));
    });
    s.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
      res.status = 404;
      res.set_content("not found", "text/plain");
    });
    s.Get("/flaky", [this](const httplib::Request&, httplib::Response& res) {
      if (flaky++ == 0) {
        res.status = 500;
        return;
      }
      res.set_content(kGif, "image/gif");
    });
    s.Get("/busy", [this](const httplib::Request&, httplib::Response& res) {
      if (busy++ == 0) {
        res.status = 429;
        res.set_header("Retry-After", "1");
        return;
      }
      res.set_content(kWebp, "image/webp");
    });
    s.Get("/always-500", [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
    s.Get("/slow", [this](const httplib::Request&, httplib::Response& res) {
      for (int i = 0; i < 40 && !stopping; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      res.set_content(kPng, "image/png");
    });
    serve("/图片/调度 器.png", kPng, "image/png");
    s.Get("/flip.png", [this](const httplib::Request&, httplib::Response& res) {
      if (flip_gone) res.status = 404;
      else res.set_content(kPng, "image/png");
    });
    s.Get("/stall", [this](const httplib::Request&, httplib::Response& res) {
      // A few bytes, then nothing: a stalled transfer (not a slow one).
      res.set_content_provider(kPng.size(), "image/png", [this](size_t offset, size_t, httplib::DataSink& sink) {
        if (offset == 0) return sink.write(kPng.data(), 1);
        for (int i = 0; i < 160 && !stopping; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return false;
      });
    });
    s.Get(R"(/overlap/(\d+)\.png)", [](const httplib::Request& req, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      res.set_content(test::make_png(10 + uint32_t(std::stoi(req.matches[1])), 10), "image/png");
    });
    s.Get(R"(/mirror/(.*))", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kJpeg, "image/jpeg");
    });
    s.Get("/etag.png", [](const httplib::Request& req, httplib::Response& res) {
      res.set_header("ETag", "\"v1\"");
      res.set_header("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        res.status = 304;
        return;
      }
      res.set_content(kPng, "image/png");
    });
    s.Get(R"(/changing/(\d+)\.png)", [this](const httplib::Request&, httplib::Response& res) {
      // New bytes on every request (a different size each time, so no two URLs share
      // bytes), as a site that re-encodes its images.
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      res.set_content(test::make_png(8 + uint32_t(changing++), 8), "image/png");
    });
    http.start();
  }
  ~Fixture() {
    stopping = true;
    http.stop();
  }
};

// A book of one chapter whose figures are `srcs`, each on its own line (line = index + 1).
struct BookUnderTest {
  test::TempDir dir;
  Book book;
  Collection collection;

  explicit BookUnderTest(const std::vector<std::string>& srcs) {
    fs::create_directories(dir.path() / "content/posts");
    book.config.base_dir = dir.path();
    book.config.figures.cache_dir = dir.path() / "cache";
    book.config.figures.retries = 1;
    Chapter ch;
    ch.post.file = dir.path() / "content/posts/a.md";
    ch.post.content_dir = dir.path() / "content";
    ch.document.source = "content/posts/a.md";
    for (size_t i = 0; i < srcs.size(); ++i) {
      Block b;
      b.node = Figure{srcs[i], "alt", "", {}, "", -1};
      b.pos = {uint32_t(i + 1), 1};
      ch.document.blocks.push_back(std::move(b));
    }
    book.chapters.push_back(std::move(ch));
    ContentRoot root;
    root.content_dir = dir.path() / "content";
    collection.roots.push_back(root);
  }
  const Figure& figure(size_t i) const { return std::get<Figure>(book.chapters[0].document.blocks[i].node); }
  const FigureAsset& asset(size_t i) const { return book.figures.at(size_t(figure(i).figure)); }
  // A fresh book over the same folder and cache, as a second build would make it.
  void reset_figures() {
    book.figures.clear();
    for (auto& b : book.chapters[0].document.blocks) std::get<Figure>(b.node).figure = -1;
  }
};

// A TCP server on 127.0.0.1 answering every connection with the same bytes and closing it:
// replies no HTTP library would send (no status line, a 200 kB header, status 999).
class RawReplyServer {
 public:
  explicit RawReplyServer(std::string reply) : reply_(std::move(reply)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) == 0);
    REQUIRE(::listen(fd_, 8) == 0);
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] {
      for (int c; (c = ::accept(fd_, nullptr, nullptr)) >= 0;) {
        ++connections_;
        char request[8192];
        (void)::recv(c, request, sizeof request, 0);
        for (size_t sent = 0; sent < reply_.size();) {
          ssize_t n = ::send(c, reply_.data() + sent, reply_.size() - sent, MSG_NOSIGNAL);
          if (n <= 0) break;
          sent += size_t(n);
        }
        ::close(c);
      }
    });
  }
  ~RawReplyServer() {
    ::shutdown(fd_, SHUT_RDWR);  // ends the accept() loop
    thread_.join();
    ::close(fd_);
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int connections() const { return connections_; }

 private:
  std::string reply_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<int> connections_{0};
  std::thread thread_;
};

// The diagnostic reported for line `line`, or "".
std::string message_at(const Diagnostics& d, uint32_t line) {
  for (const auto& x : d.all())
    if (x.where.line == line && x.where.file == "content/posts/a.md") return x.format();
  return "";
}

}  // namespace

TEST_CASE("good figures of every format are fetched, probed, cached and deduplicated") {
  Fixture f;
  BookUnderTest t({f.http.url("/img/a.jpg"), f.http.url("/img/b.png"), f.http.url("/img/c.gif"),
                   f.http.url("/img/d.webp"), f.http.url("/img/e.svg"), f.http.url("/img/same-as-a.jpg"),
                   f.http.url("/img/a.jpg"), f.http.url("/redirect"), f.http.url("/wrong-type"),
                   f.http.url("/图片/调度 器.png")});
  Diagnostics d;
  FigureReport report = resolve_figures(t.book, t.collection, d);
  CHECK(d.warning_count() == 0);
  CHECK(d.error_count() == 0);
  // a.jpg twice and same-as-a.jpg are one asset; /redirect and /wrong-type are b.png's bytes.
  CHECK(t.book.figures.size() == 5);
  CHECK(report.embedded == 5);
  CHECK(report.failed == 0);
  CHECK(t.figure(0).figure == t.figure(5).figure);
  CHECK(t.figure(0).figure == t.figure(6).figure);
  CHECK(t.figure(1).figure == t.figure(7).figure);
  CHECK(t.figure(1).figure == t.figure(8).figure);
  CHECK(t.figure(1).figure == t.figure(9).figure);
  CHECK(f.http.hits("/图片/调度 器.png") == 1);
  CHECK(t.asset(0).format == ImageFormat::jpeg);
  CHECK(t.asset(0).width == 64);
  CHECK(t.asset(0).height == 48);
  CHECK(t.asset(0).first_use.line == 1);
  CHECK(t.asset(1).format == ImageFormat::png);
  CHECK(t.asset(2).format == ImageFormat::gif);
  CHECK(t.asset(3).format == ImageFormat::webp);
  CHECK(t.asset(3).width == 24);
  CHECK(t.asset(4).format == ImageFormat::svg);
  CHECK(t.asset(4).width == 120);
  for (const auto& a : t.book.figures) {
    CHECK(a.ok);
    CHECK(a.digest.size() == 64);
    CHECK(fs::file_size(a.file) == a.size);
    CHECK(a.file.string().starts_with((t.dir.path() / "cache").string()));
  }
  std::string bytes;
  REQUIRE(read_file(t.asset(3).file, bytes));
  CHECK(bytes == kWebp);
  CHECK(d.contains("figures: 5 embedded, 0 failed"));
  CHECK(f.http.hits("/img/a.jpg") == 1);  // the same URL twice is one request
  CHECK(report.requests == 9);
  CHECK(f.http.last_header("/img/a.jpg", "User-Agent") == std::string("folio/") + version());

  // A second build sends no request at all.
  f.http.reset_counts();
  t.reset_figures();
  Diagnostics d2;
  FigureReport again = resolve_figures(t.book, t.collection, d2);
  CHECK(f.http.total_hits() == 0);
  CHECK(again.requests == 0);
  CHECK(again.embedded == 5);
  CHECK(t.asset(3).format == ImageFormat::webp);
  CHECK(d2.warning_count() == 0);

  // Offline works with the server gone.
  f.http.stop();
  t.reset_figures();
  t.book.config.figures.offline = true;
  Diagnostics d3;
  FigureReport offline = resolve_figures(t.book, t.collection, d3);
  CHECK(offline.embedded == 5);
  CHECK(offline.failed == 0);
  CHECK(d3.warning_count() == 0);

  // A refresh with the server gone keeps every cached copy.
  t.reset_figures();
  t.book.config.figures.offline = false;
  t.book.config.figures.refresh = true;
  t.book.config.figures.retries = 0;
  Diagnostics d4;
  FigureReport refresh = resolve_figures(t.book, t.collection, d4);
  CHECK(refresh.embedded == 5);
  CHECK(d4.warning_count() == 0);
  CHECK(d4.contains("refresh failed"));
  CHECK(t.asset(0).ok);
}

TEST_CASE("each way a download fails is a warning at the figure's place with the URL and the reason") {
  Fixture f;
  std::vector<std::string> srcs = {
      f.http.url("/missing"),        f.http.url("/html"),          f.http.url("/bomb.png"),
      f.http.url("/huge"),           f.http.url("/huge-chunked"),  f.http.url("/truncated"),
      f.http.url("/redirect-file"),  f.http.url("/loop/0"),        f.http.url("/slow"),
      f.http.url("/always-500"),     "http://nonexistent.invalid/x.png",
      "http://127.0.0.1:1/refused.png",
  };
  BookUnderTest t(srcs);
  auto& o = t.book.config.figures;
  o.max_bytes = 200 * 1024;
  o.timeout_s = 1;
  o.retries = 1;
  Diagnostics d;
  FigureReport report = resolve_figures(t.book, t.collection, d);
  CHECK(report.embedded == 0);
  CHECK(report.failed == srcs.size());
  CHECK(d.warning_count() == srcs.size());
  for (size_t i = 0; i < srcs.size(); ++i) {
    CAPTURE(srcs[i]);
    std::string m = message_at(d, uint32_t(i + 1));
    CHECK(m.starts_with("content/posts/a.md:" + std::to_string(i + 1) + ":1: warning: figure not embedded: " + srcs[i]));
    CHECK_FALSE(t.asset(i).ok);
    CHECK(t.asset(i).failure.size() > 0);
  }
  CHECK(message_at(d, 1).ends_with(": HTTP 404 Not Found"));
  CHECK(message_at(d, 2).find("not an image: an HTML page") != std::string::npos);
  CHECK(message_at(d, 2).find("Content-Type: text/html") != std::string::npos);
  CHECK(message_at(d, 3).find("100000x100000 pixels is over the limit") != std::string::npos);
  CHECK(message_at(d, 4).find("too large") != std::string::npos);
  CHECK(message_at(d, 5).find("too large") != std::string::npos);
  CHECK(message_at(d, 6).find("truncated body") != std::string::npos);
  CHECK(message_at(d, 7).find("HTTP 302 Found: the redirect to file:///etc/passwd was refused (only http and https are followed)") !=
        std::string::npos);
  CHECK(message_at(d, 8).find("more than 5 redirects") != std::string::npos);
  CHECK(message_at(d, 9).find("timed out") != std::string::npos);
  CHECK(message_at(d, 10).find("HTTP 503 Service Unavailable (after 2 attempts)") != std::string::npos);
  CHECK(message_at(d, 11).find("host not found") != std::string::npos);
  CHECK(message_at(d, 12).find("connection failed") != std::string::npos);
  CHECK(f.http.hits("/always-500") == 2);  // retried once, as asked
  CHECK(f.http.hits("/huge-chunked") == 1);  // too large is not retried
  CHECK(d.contains("figures: 0 embedded, 12 failed"));

  // Permanent failures are remembered; transient ones are tried again.
  f.http.reset_counts();
  t.reset_figures();
  Diagnostics d2;
  resolve_figures(t.book, t.collection, d2);
  CHECK(f.http.hits("/missing") == 0);
  CHECK(f.http.hits("/html") == 0);
  CHECK(f.http.hits("/bomb.png") == 0);
  CHECK(f.http.hits("/always-500") == 2);
  CHECK(d2.warning_count() == srcs.size());
  CHECK(message_at(d2, 1).find("HTTP 404 Not Found (cached; --refresh tries again)") != std::string::npos);
}

TEST_CASE("500 then 200 and 429 with Retry-After succeed on the retry") {
  Fixture f;
  BookUnderTest t({f.http.url("/flaky"), f.http.url("/busy")});
  Diagnostics d;
  auto start = std::chrono::steady_clock::now();
  FigureReport report = resolve_figures(t.book, t.collection, d);
  auto waited = std::chrono::steady_clock::now() - start;
  CHECK(report.embedded == 2);
  CHECK(d.warning_count() == 0);
  CHECK(f.http.hits("/flaky") == 2);
  CHECK(f.http.hits("/busy") == 2);
  CHECK(report.requests == 4);
  // Retry-After: 1 was honoured (a lower bound only; no upper timing bound).
  CHECK(waited >= std::chrono::milliseconds(950));
  CHECK(t.asset(0).format == ImageFormat::gif);
  CHECK(t.asset(1).format == ImageFormat::webp);
}

TEST_CASE("transfers overlap: the server sees several at once") {
  Fixture f;
  std::vector<std::string> srcs;
  for (int i = 0; i < 16; ++i) srcs.push_back(f.http.url("/overlap/" + std::to_string(i) + ".png"));
  BookUnderTest t(srcs);
  Diagnostics d;
  FigureReport report = resolve_figures(t.book, t.collection, d);
  CHECK(report.embedded == 16);
  CHECK(f.http.max_concurrent() >= 4);
  CHECK(f.http.max_concurrent() <= 8);  // the default of 8 transfers at once
  f.http.reset_counts();
  t.reset_figures();
  fs::remove_all(t.dir.path() / "cache");
  t.book.config.figures.parallel = 1;
  resolve_figures(t.book, t.collection, d);
  CHECK(f.http.max_concurrent() == 1);
}

TEST_CASE("rewrite rules and per-host headers reach the server") {
  Fixture f;
  BookUnderTest t({"https://image.example.com/2020/a.jpeg"});
  auto& o = t.book.config.figures;
  o.rewrite = {{"https://image.example.com/", f.http.url("/mirror/")}};
  o.headers = {{"127.0.0.1", {{"Referer", "https://example.com/"}, {"X-Folio-Test", "yes"}}}};
  o.user_agent = "folio-test/1";
  Diagnostics d;
  FigureReport report = resolve_figures(t.book, t.collection, d);
  CHECK(report.embedded == 1);
  CHECK(f.http.hits("/mirror/2020/a.jpeg") == 1);
  CHECK(f.http.last_header("/mirror/2020/a.jpeg", "Referer") == "https://example.com/");
  CHECK(f.http.last_header("/mirror/2020/a.jpeg", "X-Folio-Test") == "yes");
  CHECK(f.http.last_header("/mirror/2020/a.jpeg", "User-Agent") == "folio-test/1");
  CHECK(t.asset(0).source == f.http.url("/mirror/2020/a.jpeg"));
}

TEST_CASE("refresh revalidates with If-None-Match and keeps the entry on 304") {
  Fixture f;
  BookUnderTest t({f.http.url("/etag.png")});
  Diagnostics d;
  resolve_figures(t.book, t.collection, d);
  REQUIRE(t.asset(0).ok);
  figures::FigureCache cache(t.dir.path() / "cache");
  auto entry = cache.lookup(f.http.url("/etag.png"));
  REQUIRE(entry);
  CHECK(entry->etag == "\"v1\"");
  CHECK(entry->last_modified == "Wed, 21 Oct 2015 07:28:00 GMT");
  CHECK(entry->content_type == "image/png");
  CHECK(entry->final_url == f.http.url("/etag.png"));
  CHECK(entry->fetched_at > 0);
  t.reset_figures();
  t.book.config.figures.refresh = true;
  Diagnostics d2;
  FigureReport report = resolve_figures(t.book, t.collection, d2);
  CHECK(report.requests == 1);
  CHECK(f.http.hits("/etag.png") == 2);
  CHECK(f.http.last_header("/etag.png", "If-None-Match") == "\"v1\"");
  CHECK(f.http.last_header("/etag.png", "If-Modified-Since") == "Wed, 21 Oct 2015 07:28:00 GMT");
  CHECK(report.bytes == 0);
  CHECK(t.asset(0).ok);
  CHECK(t.asset(0).format == ImageFormat::png);
  CHECK(d2.warning_count() == 0);
}

TEST_CASE("offline reports what the cache is missing; local traversal is an error and never read") {
  BookUnderTest t({"http://127.0.0.1:9/never-fetched.png", "../../../etc/passwd", "gone.png"});
  t.book.config.figures.offline = true;
  Diagnostics d;
  FigureReport report = resolve_figures(t.book, t.collection, d);
  CHECK(report.failed == 3);
  CHECK(report.requests == 0);
  CHECK(message_at(d, 1).find("not in the cache (offline)") != std::string::npos);
  CHECK(message_at(d, 2) ==
        "content/posts/a.md:2:1: error: figure path leads outside the content folders: ../../../etc/passwd");
  CHECK(message_at(d, 3) == "content/posts/a.md:3:1: warning: figure not found: gone.png");
  CHECK(d.error_count() == 1);
}

TEST_CASE("local figures are probed and deduplicated with remote ones by their bytes") {
  Fixture f;
  BookUnderTest t({"pic.jpg", f.http.url("/img/a.jpg"), "bomb.png", "page.png"});
  write_file_atomically(t.dir.path() / "content/posts/pic.jpg", kJpeg);
  write_file_atomically(t.dir.path() / "content/posts/bomb.png", test::make_png_header_only(100000, 100000));
  write_file_atomically(t.dir.path() / "content/posts/page.png", "<html><body>hi</body></html>");
  Diagnostics d;
  FigureReport report = resolve_figures(t.book, t.collection, d);
  CHECK(report.embedded == 1);
  CHECK(report.failed == 2);
  CHECK(t.figure(0).figure == t.figure(1).figure);
  CHECK(t.asset(0).file == fs::weakly_canonical(t.dir.path() / "content/posts/pic.jpg"));
  CHECK(message_at(d, 3).find("over the limit of 50000000 pixels") != std::string::npos);
  CHECK(message_at(d, 4).find("not an image: an HTML page") != std::string::npos);
}

TEST_CASE("a stalled transfer is aborted by the low-speed limit before the whole-transfer timeout") {
  Fixture f;
  BookUnderTest t({f.http.url("/stall")});
  auto& o = t.book.config.figures;
  o.timeout_s = 30;
  o.stall_timeout_s = 1;
  o.retries = 0;
  Diagnostics d;
  FigureReport report = resolve_figures(t.book, t.collection, d);
  CHECK(report.failed == 1);
  INFO(message_at(d, 1));
  CHECK(message_at(d, 1).find("timed out: Operation too slow") != std::string::npos);
}

TEST_CASE("two builds sharing one cache at the same moment both succeed and leave it whole") {
  Fixture f;
  std::vector<std::string> srcs;
  for (int i = 0; i < 12; ++i) srcs.push_back(f.http.url("/overlap/" + std::to_string(i) + ".png"));
  srcs.push_back(f.http.url("/img/a.jpg"));
  BookUnderTest a(srcs), b(srcs);
  b.book.config.figures.cache_dir = a.book.config.figures.cache_dir;
  Diagnostics da, db;
  FigureReport ra, rb;
  std::thread other([&] { rb = resolve_figures(b.book, b.collection, db); });
  ra = resolve_figures(a.book, a.collection, da);
  other.join();
  CHECK(ra.embedded == 13);
  CHECK(rb.embedded == 13);
  CHECK(da.warning_count() == 0);
  CHECK(db.warning_count() == 0);
  // No temporary files are left, and a third build finds everything without a request.
  for (const auto& e : fs::recursive_directory_iterator(a.book.config.figures.cache_dir))
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
  f.http.reset_counts();
  a.reset_figures();
  Diagnostics dc;
  FigureReport rc = resolve_figures(a.book, a.collection, dc);
  CHECK(rc.embedded == 13);
  CHECK(f.http.total_hits() == 0);
  for (const auto& asset : a.book.figures) {
    std::string bytes;
    REQUIRE(read_file(asset.file, bytes));
    CHECK(figures::probe_image(bytes).width == asset.width);
  }
}

TEST_CASE("a refresh answered with 404 keeps the cached copy") {
  Fixture f;
  BookUnderTest t({f.http.url("/flip.png")});
  Diagnostics d;
  resolve_figures(t.book, t.collection, d);
  REQUIRE(t.asset(0).ok);
  f.flip_gone = true;
  t.reset_figures();
  t.book.config.figures.refresh = true;
  Diagnostics d2;
  FigureReport report = resolve_figures(t.book, t.collection, d2);
  CHECK(report.embedded == 1);
  CHECK(d2.contains("refresh failed (HTTP 404 Not Found); using the cached copy"));
  t.reset_figures();
  t.book.config.figures.refresh = false;
  Diagnostics d3;
  CHECK(resolve_figures(t.book, t.collection, d3).embedded == 1);
}

TEST_CASE("the cache is the shared one unless asked, never a folder inside the content") {
  BookUnderTest t({"gone.png"});
  Diagnostics d;
  const char* old = std::getenv("XDG_CACHE_HOME");
  const std::string saved = old ? old : "";
  setenv("XDG_CACHE_HOME", (t.dir.path() / "xdg").c_str(), 1);
  t.book.config.figures.cache_dir.clear();
  t.book.config.file = t.dir.path() / "book.yaml";
  t.book.config.content = {"content"};
  resolve_figures(t.book, t.collection, d);
  CHECK(t.book.config.figures.cache_dir == t.dir.path() / "xdg/folio");
  CHECK_FALSE(fs::exists(t.dir.path() / ".folio-cache"));
  CHECK_FALSE(fs::exists(t.dir.path() / "content/.folio-cache"));
  if (old) setenv("XDG_CACHE_HOME", saved.c_str(), 1);
  else unsetenv("XDG_CACHE_HOME");
  t.book.config.figures.cache_dir = "my-cache";
  resolve_figures(t.book, t.collection, d);
  CHECK(t.book.config.figures.cache_dir == t.dir.path() / "my-cache");
}

TEST_CASE("HTTP faults are named as they happened: status and reason, curl's error, the OS error") {
  Fixture f;
  RawReplyServer http09("GIF89a, and no status line before it\n");
  RawReplyServer big_header("HTTP/1.1 200 OK\r\nX-Padding: " + std::string(200 * 1024, 'a') +
                            "\r\nContent-Length: 2\r\n\r\nhi");
  RawReplyServer status_999("HTTP/1.1 999 Whatever\r\nContent-Length: 0\r\n\r\n");
  RawReplyServer own_reason("HTTP/1.1 403 Hotlinking Not Allowed\r\nContent-Length: 0\r\n\r\n");
  std::vector<std::string> srcs = {
      f.http.url("/missing"),      f.http.url("/always-500"),   f.http.url("/redirect-file"),
      f.http.url("/huge"),         f.http.url("/huge-chunked"), "http://127.0.0.1:1/refused.png",
      http09.url("/a.gif"),        big_header.url("/b.png"),    status_999.url("/c.png"),
      own_reason.url("/d.jpg"),
  };
  BookUnderTest t(srcs);
  auto& o = t.book.config.figures;
  o.max_bytes = 200 * 1024;
  o.retries = 1;
  Diagnostics d;
  resolve_figures(t.book, t.collection, d);
  auto said = [&](uint32_t line) { return message_at(d, line).substr(message_at(d, line).find(srcs[line - 1]) + srcs[line - 1].size()); };
  CHECK(said(1) == ": HTTP 404 Not Found");
  CHECK(said(2) == ": HTTP 503 Service Unavailable (after 2 attempts)");
  CHECK(said(3) == ": HTTP 302 Found: the redirect to file:///etc/passwd was refused (only http and https are followed)");
  CHECK(said(4) == ": too large: the server announced 0.3 MB, over the limit of 0.2 MB (figures: max_bytes)");
  CHECK(said(5) == ": too large: stopped after 0.2 MB without the end of the body, the limit (figures: max_bytes)");
  // The OS's reason first, then curl's own words.
  CHECK(said(6).starts_with(": connection failed: Connection refused (Failed to connect to 127.0.0.1 port 1"));
  // HTTP/0.9 is not mistaken for a refused redirect.
  CHECK(said(7).starts_with(": the server's reply is not an HTTP response (no status line; HTTP/0.9?): "));
  CHECK(said(7).find("redirect") == std::string::npos);
  // A 200 kB header is the server's fault, not "Out of memory".
  CHECK(said(8).starts_with(": the response headers are too large"));
  // 999 is no status HTTP defines: said so, and not retried.
  CHECK(said(9) == ": HTTP 999: not a valid HTTP status code");
  CHECK(status_999.connections() == 1);
  // The server's own reason phrase is kept.
  CHECK(said(10) == ": HTTP 403 Hotlinking Not Allowed");
}

TEST_CASE("refresh builds and plain builds on one cache while the bytes change: every entry stays readable") {
  Fixture f;
  std::vector<std::string> srcs;
  for (int i = 0; i < 30; ++i) srcs.push_back(f.http.url("/changing/" + std::to_string(i) + ".png"));
  // A first build fills the cache, so the plain builds below read entries the refreshes replace.
  BookUnderTest first(srcs);
  Diagnostics d0;
  REQUIRE(resolve_figures(first.book, first.collection, d0).embedded == srcs.size());
  const fs::path cache = first.book.config.figures.cache_dir;
  std::vector<std::unique_ptr<BookUnderTest>> books;
  for (int b = 0; b < 4; ++b) {
    books.push_back(std::make_unique<BookUnderTest>(srcs));
    books.back()->book.config.figures.cache_dir = cache;
    books.back()->book.config.figures.refresh = b < 2;
  }
  std::vector<Diagnostics> diags(books.size());
  std::vector<FigureReport> reports(books.size());
  std::vector<std::thread> builds;
  for (size_t b = 0; b < books.size(); ++b)
    builds.emplace_back([&, b] { reports[b] = resolve_figures(books[b]->book, books[b]->collection, diags[b]); });
  for (auto& t : builds) t.join();
  // Only now, after every refresh replaced entries: what each build was given is still there
  // and is what its asset says (size and digest), as a writer would read it after resolving.
  for (size_t b = 0; b < books.size(); ++b) {
    CAPTURE(b);
    CHECK(reports[b].embedded == srcs.size());
    CHECK(reports[b].failed == 0);
    CHECK(diags[b].warning_count() == 0);
    for (const auto& asset : books[b]->book.figures) {
      std::string bytes;
      REQUIRE(read_file(asset.file, bytes));
      CHECK(sha256_hex(bytes) == asset.digest);
      CHECK(figures::probe_image(bytes).width == asset.width);
    }
  }
  for (const auto& e : fs::recursive_directory_iterator(cache))
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("the cache sweep removes bytes no entry wants once they have been orphaned a day, and dead temp files") {
  test::TempDir dir;
  figures::FigureCache cache(dir.path() / "cache");
  figures::CacheEntry entry;
  entry.url = "http://example.org/a.png";
  entry.format = ImageFormat::png;
  std::string error;
  REQUIRE(cache.store(entry, test::make_png(4, 4), error));
  const fs::path first = entry.file;
  figures::CacheEntry replaced;
  replaced.url = entry.url;
  replaced.format = ImageFormat::png;
  REQUIRE(cache.store(replaced, test::make_png(5, 5), error));
  // store() leaves the old bytes: another build may still read them.
  CHECK(fs::exists(first));
  CHECK(cache.lookup(entry.url)->file == replaced.file);
  const int64_t now = int64_t(std::time(nullptr));
  CHECK(cache.sweep(now) == 0);  // orphaned just now
  // A temporary file of a process that is gone (pid 999999 does not run) and one of ours.
  fs::path shard = first.parent_path();
  REQUIRE(write_file_atomically(shard / "x.png.tmp-999999-1-0", "half"));
  REQUIRE(write_file_atomically(shard / ("y.png.tmp-" + std::to_string(::getpid()) + "-1-0"), "ours"));
  fs::create_directories(dir.path() / "cache/derived");
  REQUIRE(write_file_atomically(dir.path() / "cache/derived/z.jpg.tmp-999999-2-0", "half"));
  CHECK(cache.sweep(now) == 2);
  CHECK_FALSE(fs::exists(shard / "x.png.tmp-999999-1-0"));
  CHECK(fs::exists(shard / ("y.png.tmp-" + std::to_string(::getpid()) + "-1-0")));
  // A day and a bit later the orphan goes; the entry's own bytes stay.
  CHECK(cache.sweep(now + 25 * 3600) == 1);
  CHECK_FALSE(fs::exists(first));
  CHECK(fs::exists(replaced.file));
  CHECK(cache.lookup(entry.url));
}
