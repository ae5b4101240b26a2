// Probe and convert: formats from bytes, sizes from headers, the files each writer embeds.
#include <doctest/doctest.h>

#include <cairo.h>

#include <filesystem>

#include "base/atomic_file.hpp"
#include "base/hash.hpp"
#include "figures/integrity.hpp"
#include "figures/jpeg_quality.hpp"
#include "figures/probe.hpp"
#include "figures/raster.hpp"
#include "figures/resample.hpp"
#include "figures/svg_sanitize.hpp"
#include "folio/figures.hpp"
#include "samples.hpp"
#include "temp_dir.hpp"

using namespace folio;
using namespace folio::figures;
namespace fs = std::filesystem;

TEST_CASE("probe finds the format from the bytes and the size from the headers") {
  auto jpeg = probe_image(test::make_jpeg(640, 480));
  CHECK(jpeg.format == ImageFormat::jpeg);
  CHECK(jpeg.width == 640);
  CHECK(jpeg.height == 480);
  auto png = probe_image(test::make_png(33, 17, true));
  CHECK(png.format == ImageFormat::png);
  CHECK(png.width == 33);
  CHECK(png.height == 17);
  auto gif = probe_image(test::make_gif(12, 7));
  CHECK(gif.format == ImageFormat::gif);
  CHECK(gif.width == 12);
  CHECK(gif.height == 7);
  auto webp = probe_image(test::make_webp(50, 40));
  CHECK(webp.format == ImageFormat::webp);
  CHECK(webp.width == 50);
  CHECK(webp.height == 40);
  auto webp_alpha = probe_image(test::make_webp(51, 41, true));
  CHECK(webp_alpha.format == ImageFormat::webp);
  CHECK(webp_alpha.width == 51);
  auto svg = probe_image(test::make_svg(200, 100));
  CHECK(svg.format == ImageFormat::svg);
  CHECK(svg.width == 200);
  CHECK(svg.height == 100);
}

TEST_CASE("probe reads SVG sizes from units and the viewBox") {
  auto vb = probe_image("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 300'/>");
  CHECK(vb.width == 400);
  CHECK(vb.height == 300);
  auto half = probe_image("<svg xmlns='http://www.w3.org/2000/svg' width='200' viewBox='0,0,400,300'/>");
  CHECK(half.width == 200);
  CHECK(half.height == 150);
  auto inches = probe_image("\xEF\xBB\xBF  <svg xmlns='http://www.w3.org/2000/svg' width='1in' height='72pt'/>");
  CHECK(inches.format == ImageFormat::svg);
  CHECK(inches.width == 96);
  CHECK(inches.height == 96);
  auto none = probe_image("<svg xmlns='http://www.w3.org/2000/svg'/>");
  CHECK(none.width == 300);
  CHECK(none.height == 150);
}

TEST_CASE("probe refuses what is not an image, whatever its name") {
  auto html = probe_image("<!DOCTYPE html><html><body>404 not found</body></html>");
  CHECK(html.format == ImageFormat::unknown);
  CHECK(html.problem.find("HTML") != std::string::npos);
  CHECK(probe_image("").format == ImageFormat::unknown);
  CHECK(probe_image("hello world").problem.find("not an image") != std::string::npos);
  CHECK(probe_image("<?xml version='1.0'?><rss/>").format == ImageFormat::unknown);
  std::string jpeg = test::make_jpeg(64, 64);
  auto cut = probe_image(std::string_view(jpeg).substr(0, 20));
  CHECK(cut.format == ImageFormat::unknown);
  CHECK(cut.problem.find("JPEG") != std::string::npos);
  CHECK(probe_image(std::string_view(test::make_png(4, 4)).substr(0, 16)).format == ImageFormat::unknown);
  CHECK(probe_image("RIFF\x10\x00\x00\x00WEBPVP8 ").format == ImageFormat::unknown);
}

TEST_CASE("a decompression bomb is probed from its header without decoding") {
  auto bomb = probe_image(test::make_png_header_only(100000, 100000));
  CHECK(bomb.format == ImageFormat::png);
  CHECK(bomb.width == 100000);
  CHECK(uint64_t(bomb.width) * bomb.height > 50'000'000ull);
}

namespace {

// An asset as resolve_figures would make it, for a file written in `dir`.
FigureAsset asset_from(const fs::path& dir, const std::string& name, const std::string& bytes) {
  fs::path file = dir / name;
  REQUIRE(write_file_atomically(file, bytes));
  auto probe = probe_image(bytes);
  FigureAsset a;
  a.source = name;
  a.ok = probe.format != ImageFormat::unknown;
  a.format = probe.format;
  a.width = probe.width;
  a.height = probe.height;
  a.file = file;
  a.size = bytes.size();
  a.digest = sha256_hex(bytes);
  a.first_use = {"post.md", 3, 1};
  return a;
}

ImageProbe probe_path(const fs::path& file) {
  std::string bytes;
  REQUIRE(read_file(file, bytes));
  return probe_image(bytes);
}

}  // namespace

TEST_CASE("figure_for_pdf returns small JPEG and PNG as they are and downsamples large ones") {
  test::TempDir dir;
  FigureOptions options;
  options.cache_dir = dir.path() / "cache";
  Diagnostics diag;
  auto small = asset_from(dir.path(), "small.jpg", test::make_jpeg(300, 200));
  auto same = figure_for_pdf(small, 1000, 1000, options, diag);
  REQUIRE(same);
  CHECK(same->file == small.file);
  CHECK(same->format == ImageFormat::jpeg);

  auto big = asset_from(dir.path(), "big.jpg", test::make_jpeg(1600, 1200));
  auto down = figure_for_pdf(big, 400, 400, options, diag);
  REQUIRE(down);
  CHECK(down->format == ImageFormat::jpeg);
  CHECK(down->width == 400);
  CHECK(down->height == 300);
  CHECK(down->file == options.cache_dir / "derived" / (big.digest + "-400x300.jpg"));
  auto p = probe_path(down->file);
  CHECK(p.format == ImageFormat::jpeg);
  CHECK(p.width == 400);
  CHECK(p.height == 300);
  // Cached: a second call finds the file and does not rewrite it.
  auto stamp = fs::last_write_time(down->file);
  auto again = figure_for_pdf(big, 400, 400, options, diag);
  REQUIRE(again);
  CHECK(again->file == down->file);
  CHECK(fs::last_write_time(down->file) == stamp);

  auto png = asset_from(dir.path(), "a.png", test::make_png(500, 250, true));
  auto png_down = figure_for_pdf(png, 100, 0, options, diag);
  REQUIRE(png_down);
  CHECK(png_down->format == ImageFormat::png);
  CHECK(png_down->width == 100);
  CHECK(png_down->height == 50);
  CHECK(probe_path(png_down->file).width == 100);
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("figure_for_pdf turns GIF's first frame, WebP and SVG into PNG or JPEG") {
  test::TempDir dir;
  FigureOptions options;
  options.cache_dir = dir.path() / "cache";
  Diagnostics diag;
  auto gif = asset_from(dir.path(), "anim.gif", test::make_gif(20, 10));
  auto gif_out = figure_for_pdf(gif, 1000, 1000, options, diag);
  REQUIRE(gif_out);
  CHECK(gif_out->format == ImageFormat::png);
  CHECK(gif_out->width == 20);
  // The first frame is red, not the second frame's blue.
  cairo_surface_t* s = cairo_image_surface_create_from_png(gif_out->file.c_str());
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  const unsigned char* px = cairo_image_surface_get_data(s);
  CHECK(px[2] == 255);  // R
  CHECK(px[0] == 0);    // B
  cairo_surface_destroy(s);

  auto webp = asset_from(dir.path(), "photo.webp", test::make_webp(80, 60));
  auto webp_out = figure_for_pdf(webp, 40, 40, options, diag);
  REQUIRE(webp_out);
  CHECK(webp_out->format == ImageFormat::jpeg);  // opaque: stays a photo
  CHECK(webp_out->width == 40);
  CHECK(webp_out->height == 30);
  auto webp_alpha = asset_from(dir.path(), "alpha.webp", test::make_webp(80, 60, true));
  auto webp_alpha_out = figure_for_pdf(webp_alpha, 1000, 1000, options, diag);
  REQUIRE(webp_alpha_out);
  CHECK(webp_alpha_out->format == ImageFormat::png);
  CHECK(probe_path(webp_alpha_out->file).width == 80);

  auto svg = asset_from(dir.path(), "d.svg", test::make_svg(100, 50));
  auto svg_out = figure_for_pdf(svg, 400, 400, options, diag);
  REQUIRE(svg_out);
  CHECK(svg_out->format == ImageFormat::png);
  CHECK(svg_out->width == 400);  // vector: drawn at the asked size
  CHECK(svg_out->height == 200);
  auto drawn = probe_path(svg_out->file);
  CHECK(drawn.format == ImageFormat::png);
  CHECK(drawn.width == 400);
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("figure_for_epub keeps core types, converts WebP, sanitizes SVG, downscales on request") {
  test::TempDir dir;
  FigureOptions options;
  options.cache_dir = dir.path() / "cache";
  Diagnostics diag;
  auto jpeg = asset_from(dir.path(), "p.jpg", test::make_jpeg(1000, 800));
  auto kept = figure_for_epub(jpeg, options, diag);
  REQUIRE(kept);
  CHECK(kept->file == jpeg.file);
  auto gif = asset_from(dir.path(), "g.gif", test::make_gif(8, 8));
  REQUIRE(figure_for_epub(gif, options, diag));
  CHECK(figure_for_epub(gif, options, diag)->file == gif.file);

  auto webp = asset_from(dir.path(), "w.webp", test::make_webp(30, 20));
  auto jpeg_from_webp = figure_for_epub(webp, options, diag);
  REQUIRE(jpeg_from_webp);
  CHECK(jpeg_from_webp->format == ImageFormat::jpeg);
  CHECK(probe_path(jpeg_from_webp->file).format == ImageFormat::jpeg);
  CHECK(probe_path(jpeg_from_webp->file).width == 30);
  auto webp_alpha = asset_from(dir.path(), "wa.webp", test::make_webp(30, 20, true));
  auto png = figure_for_epub(webp_alpha, options, diag);
  REQUIRE(png);
  CHECK(png->format == ImageFormat::png);
  CHECK(probe_path(png->file).format == ImageFormat::png);
  CHECK(probe_path(png->file).height == 20);

  options.downscale_pixels = 200'000;
  auto smaller = figure_for_epub(jpeg, options, diag);
  REQUIRE(smaller);
  CHECK(smaller->format == ImageFormat::jpeg);
  CHECK(uint64_t(smaller->width) * smaller->height <= 200'000);
  CHECK(smaller->width == 500);
  CHECK(smaller->height == 400);
  CHECK(fs::file_size(smaller->file) < fs::file_size(jpeg.file));

  auto svg = asset_from(dir.path(), "s.svg",
                        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' "
                        "width='10' height='10' onload='alert(1)'><script>alert(2)</script>"
                        "<image xlink:href='https://evil.example/x.png' width='5' height='5'/>"
                        "<rect width='10' height='10' fill='url(#g)' onclick='x()'/></svg>");
  auto clean = figure_for_epub(svg, options, diag);
  REQUIRE(clean);
  CHECK(clean->format == ImageFormat::svg);
  std::string text;
  REQUIRE(read_file(clean->file, text));
  CHECK(text.find("script") == std::string::npos);
  CHECK(text.find("alert") == std::string::npos);
  CHECK(text.find("evil.example") == std::string::npos);
  CHECK(text.find("onclick") == std::string::npos);
  CHECK(text.find("url(#g)") != std::string::npos);  // internal references stay
  CHECK(text.find("<rect") != std::string::npos);
  CHECK(diag.warning_count() == 0);
}

TEST_CASE("SVG sanitizing removes scripts, external references, DTD entities and foreign content") {
  std::string error;
  SvgSanitizeReport report;
  auto out = sanitize_svg(
      "<?xml version='1.0'?>\n<?xml-stylesheet href='http://evil.example/s.css'?>\n"
      "<!DOCTYPE svg [<!ENTITY x 'boom'>]>\n"
      "<svg width='4' height='4'><style>@import url(http://evil.example/a.css);</style>"
      "<style>rect{fill:url(#ok)}</style>"
      "<a href='javascript:alert(1)'><text>&x;</text></a>"
      "<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>hi</div></foreignObject>"
      "<set attributeName='href' to='javascript:alert(1)'/>"
      "<use href='#a' style='fill:url(https://evil.example/f)'/>"
      "<image href='data:image/png;base64,iVBORw0KGgo='/></svg>",
      error, &report);
  REQUIRE(out);
  CHECK(out->find("evil.example") == std::string::npos);
  CHECK(out->find("javascript") == std::string::npos);
  CHECK(out->find("foreignObject") == std::string::npos);
  CHECK(out->find("DOCTYPE") == std::string::npos);
  CHECK(out->find("boom") == std::string::npos);
  CHECK(out->find("xml-stylesheet") == std::string::npos);
  CHECK(out->find("url(#ok)") != std::string::npos);
  CHECK(out->find("data:image/png") != std::string::npos);
  CHECK(out->find("xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
  CHECK(report.removed_elements >= 4);
  CHECK(report.removed_attributes >= 2);
  CHECK_FALSE(sanitize_svg("<svg><unclosed></svg>", error));
  CHECK_FALSE(sanitize_svg("<html/>", error));
}

TEST_CASE("conversions refuse bombs and report corrupt files at the figure's place") {
  test::TempDir dir;
  FigureOptions options;
  options.cache_dir = dir.path() / "cache";
  Diagnostics diag;
  auto bomb = asset_from(dir.path(), "bomb.png", test::make_png_header_only(100000, 100000));
  CHECK_FALSE(figure_for_pdf(bomb, 100, 100, options, diag));
  CHECK_FALSE(figure_for_epub(bomb, options, diag));
  std::string jpeg = test::make_jpeg(800, 600);
  auto broken = asset_from(dir.path(), "broken.jpg", jpeg.substr(0, jpeg.size() / 3) + std::string(64, '\xFF'));
  REQUIRE(broken.ok);  // the header is intact; the damage shows when decoding
  auto out = figure_for_pdf(broken, 100, 100, options, diag);
  // libjpeg may recover from a damaged scan (grey fill); either way nothing crashes and
  // either a usable file or a warning comes out.
  if (out) CHECK(probe_path(out->file).format == ImageFormat::jpeg);
  else CHECK(diag.warning_count() == 1);
  auto not_png = asset_from(dir.path(), "fake.png", test::make_png(10, 10).substr(0, 40));
  not_png.ok = true;
  CHECK_FALSE(figure_for_pdf(not_png, 5, 5, options, diag));
  REQUIRE(diag.warning_count() >= 1);
  CHECK(diag.all().back().where.line == 3);
  CHECK(diag.all().back().message.find("fake.png") != std::string::npos);
}

TEST_CASE("probe and the decoders survive every truncation and random damage") {
  test::TempDir dir;
  FigureOptions options;
  options.cache_dir = dir.path() / "cache";
  const std::string samples[] = {test::make_jpeg(40, 30), test::make_png(40, 30, true), test::make_gif(40, 30),
                                 test::make_webp(40, 30), test::make_svg(40, 30)};
  uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  int decoded = 0, refused = 0;
  for (const auto& original : samples) {
    for (size_t cut = 0; cut < original.size(); cut += 1 + original.size() / 50) {
      auto p = probe_image(std::string_view(original).substr(0, cut));
      CHECK((p.format == ImageFormat::unknown) == !p.problem.empty());
    }
    for (int round = 0; round < 12; ++round) {
      std::string damaged = original;
      for (int flips = 0; flips < 4; ++flips) damaged[12 + next() % (damaged.size() - 12)] = char(next());
      if (round % 3 == 0) damaged.resize(damaged.size() * 2 / 3);
      Diagnostics diag;
      FigureAsset a = [&] {
        fs::path file = dir.path() / ("damaged-" + std::to_string(next()));
        REQUIRE(write_file_atomically(file, damaged));
        auto probe = probe_image(damaged);
        FigureAsset asset;
        asset.source = file.filename().string();
        asset.ok = probe.format != ImageFormat::unknown && uint64_t(probe.width) * probe.height < 1'000'000;
        asset.format = probe.format;
        asset.width = probe.width;
        asset.height = probe.height;
        asset.file = file;
        asset.digest = sha256_hex(damaged);
        return asset;
      }();
      if (!a.ok) {
        ++refused;
        continue;
      }
      auto out = figure_for_pdf(a, 20, 20, options, diag);
      if (out) {
        ++decoded;
        CHECK(fs::exists(out->file));
      } else {
        ++refused;
        CHECK(diag.warning_count() == 1);  // a reason, never silence
      }
    }
  }
  CHECK(decoded + refused == 60);
}

TEST_CASE("integrity: whole images pass; corrupt, cut-off and empty ones are named") {
  using folio::figures::image_data_problem;
  for (bool alpha : {false, true}) CHECK(image_data_problem(test::make_png(300, 200, alpha), ImageFormat::png) == "");
  CHECK(image_data_problem(test::make_jpeg(300, 200), ImageFormat::jpeg) == "");
  CHECK(image_data_problem(test::make_gif(40, 30), ImageFormat::gif) == "");
  CHECK(image_data_problem(test::make_webp(64, 48), ImageFormat::webp) == "");

  std::string png = test::make_png(300, 200);
  CHECK(image_data_problem(test::make_png_header_only(300, 200), ImageFormat::png) == "the PNG's image data is cut short");
  size_t idat_at = png.find("IDAT") - 4, iend_at = png.find("IEND") - 4;
  CHECK(image_data_problem(png.substr(0, idat_at) + png.substr(iend_at), ImageFormat::png) == "a PNG without image data");
  CHECK(image_data_problem(png.substr(0, png.size() / 2), ImageFormat::png) == "the PNG's image data is cut short");
  std::string garbage = png;
  size_t idat = garbage.find("IDAT");
  REQUIRE(idat != std::string::npos);
  for (size_t k = idat + 4; k < idat + 40; ++k) garbage[k] = char(0x5a);
  CHECK(image_data_problem(garbage, ImageFormat::png) == "the PNG's image data is corrupt");

  std::string jpeg = test::make_jpeg(300, 200);
  size_t sos = jpeg.find("\xff\xda");
  REQUIRE(sos != std::string::npos);
  CHECK(image_data_problem(jpeg.substr(0, sos) + "\xff\xd9", ImageFormat::jpeg) == "a JPEG without image data");
  CHECK(image_data_problem(jpeg.substr(0, sos + 6), ImageFormat::jpeg) == "a JPEG cut off at its image data");

  std::string gif = test::make_gif(40, 30);
  CHECK(image_data_problem(gif.substr(0, 30), ImageFormat::gif) == "a truncated GIF");
  std::string webp = test::make_webp(64, 48);
  CHECK(image_data_problem(webp.substr(0, webp.size() - 20), ImageFormat::webp) != "");
}

TEST_CASE("jpeg_quality reads back the quality a JPEG was saved at") {
  for (int q : {40, 70, 85, 92, 100}) CHECK(jpeg_quality(test::make_jpeg(64, 48, q)) == q);
  CHECK_FALSE(jpeg_quality("not a jpeg").has_value());
  CHECK_FALSE(jpeg_quality(test::make_png(8, 8)).has_value());
}

TEST_CASE("a downscaled photo keeps its own JPEG quality and its aspect ratio") {
  test::TempDir dir;
  FigureOptions options;
  options.cache_dir = dir.path() / "cache";
  options.downscale_pixels = 1'000'000;
  Diagnostics diag;
  for (int q : {72, 93}) {
    auto photo = asset_from(dir.path(), "p" + std::to_string(q) + ".jpg", test::make_jpeg(1800, 1200, q));
    auto smaller = figure_for_epub(photo, options, diag);
    REQUIRE(smaller);
    CHECK(smaller->format == ImageFormat::jpeg);
    CHECK(uint64_t(smaller->width) * smaller->height <= 1'000'000);
    CHECK(uint64_t(smaller->width) * smaller->height > 950'000);
    CHECK(std::abs(int(smaller->width) * 2 - int(smaller->height) * 3) <= 3);
    std::string bytes;
    REQUIRE(read_file(smaller->file, bytes));
    CHECK(jpeg_quality(bytes) == q);
    CHECK(probe_path(smaller->file).width == smaller->width);
  }
  CHECK(diag.warning_count() == 0);
}

namespace {
// A surface whose pixel (x, y) is fill(x, y) in every colour channel.
template <class Fill>
SurfacePtr grey_surface(int w, int h, Fill fill) {
  SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  unsigned char* data = cairo_image_surface_get_data(s.get());
  const int stride = cairo_image_surface_get_stride(s.get());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      unsigned char* p = data + y * stride + 4 * x;
      p[0] = p[1] = p[2] = fill(x, y);
      p[3] = 255;
    }
  cairo_surface_mark_dirty(s.get());
  return s;
}
int grey_at(cairo_surface_t* s, int x, int y) {
  cairo_surface_flush(s);
  return cairo_image_surface_get_data(s)[y * cairo_image_surface_get_stride(s) + 4 * x];
}
}  // namespace

TEST_CASE("area_downscale averages what each pixel covers: no aliasing, edges kept") {
  // A one-pixel checkerboard: every output pixel of any reduction is mid-grey, where
  // point sampling would give black or white.
  auto checker = grey_surface(300, 200, [](int x, int y) { return (x + y) % 2 ? 255 : 0; });
  for (auto [w, h] : {std::pair{150, 100}, {100, 66}, {211, 141}, {37, 23}}) {
    auto out = area_downscale(checker.get(), uint32_t(w), uint32_t(h));
    REQUIRE(cairo_image_surface_get_width(out.get()) == w);
    REQUIRE(cairo_image_surface_get_height(out.get()) == h);
    for (int y = 1; y < h - 1; y += 7)
      for (int x = 1; x < w - 1; x += 5) CHECK(std::abs(grey_at(out.get(), x, y) - 128) <= 24);
  }
  // Black up to x = 151, white after, reduced by 3: pure on both sides, and the one output
  // pixel that straddles the edge (source 150-152: one black, two white) is their mean.
  auto halves = grey_surface(300, 30, [](int x, int) { return x < 151 ? 0 : 255; });
  auto third = area_downscale(halves.get(), 100, 10);
  CHECK(grey_at(third.get(), 0, 5) == 0);
  CHECK(grey_at(third.get(), 49, 5) == 0);
  CHECK(std::abs(grey_at(third.get(), 50, 5) - 170) <= 1);
  CHECK(grey_at(third.get(), 51, 5) == 255);
  CHECK(grey_at(third.get(), 99, 5) == 255);
  // Alpha is averaged with the colour (premultiplied), and an opaque image stays opaque.
  CHECK(cairo_image_surface_get_data(third.get())[3] == 255);
}
