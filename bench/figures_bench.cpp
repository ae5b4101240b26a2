// figures_bench: 400 remote figures from a loopback server that adds 50 ms to each response;
// times a cold resolve (all fetched, default 8 transfers) and a warm one (cache only).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "folio/figures.hpp"
#include "loopback_server.hpp"
#include "samples.hpp"
#include "temp_dir.hpp"

using namespace folio;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  int count = argc > 1 ? std::atoi(argv[1]) : 400;
  int delay_ms = argc > 2 ? std::atoi(argv[2]) : 50;
  // Distinct images of a few kB each, made before the clock starts.
  std::vector<std::string> images;
  for (int i = 0; i < count; ++i) images.push_back(test::make_jpeg(160 + uint32_t(i % 40), 120 + uint32_t(i / 40)));

  test::LoopbackServer http;
  http.server().Get(R"(/fig/(\d+)\.jpg)", [&](const httplib::Request& req, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    res.set_content(images.at(size_t(std::stoi(req.matches[1]))), "image/jpeg");
  });
  http.start();

  test::TempDir dir;
  Book book;
  book.config.base_dir = dir.path();
  book.config.figures.cache_dir = dir.path() / "cache";
  Chapter chapter;
  chapter.post.file = dir.path() / "content/posts/bench.md";
  chapter.document.source = "content/posts/bench.md";
  for (int i = 0; i < count; ++i) {
    Block b;
    b.node = Figure{http.url("/fig/" + std::to_string(i) + ".jpg"), "", "", {}, "", -1};
    b.pos = {uint32_t(i + 1), 1};
    chapter.document.blocks.push_back(std::move(b));
  }
  book.chapters.push_back(std::move(chapter));
  Collection collection;

  auto run = [&](const char* what) {
    book.figures.clear();
    Diagnostics diagnostics;
    auto start = Clock::now();
    FigureReport report = resolve_figures(book, collection, diagnostics);
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("%-5s %d figures: %.3f s, %zu embedded, %zu failed, %zu requests, %.1f MB, server saw up to %d at once\n",
                what, count, seconds, report.embedded, report.failed, report.requests,
                double(report.bytes) / (1024.0 * 1024.0), http.max_concurrent());
    return report.failed == 0 && report.embedded == size_t(count);
  };
  bool ok = run("cold");
  http.reset_counts();
  ok = run("warm") && ok;
  std::printf("warm requests seen by the server: %d\n", http.total_hits());
  std::printf("latency-bound ideal for the cold run: %.2f s (%d x %d ms / 8)\n", count * delay_ms / 8000.0, count,
              delay_ms);
  return ok && http.total_hits() == 0 ? 0 : 1;
}
