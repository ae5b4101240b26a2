// EXIF orientation: probed sizes are the displayed ones, and both writers' files are upright.
#include <doctest/doctest.h>

#include <cairo.h>

#include <filesystem>

#include "base/atomic_file.hpp"
#include "base/hash.hpp"
#include "figures/orientation.hpp"
#include "figures/probe.hpp"
#include "figures/raster.hpp"
#include "folio/figures.hpp"
#include "samples.hpp"
#include "temp_dir.hpp"

using namespace folio;
using namespace folio::figures;
namespace fs = std::filesystem;

namespace {

enum class Corner { top_left, top_right, bottom_left, bottom_right };

// Where the stored top-left (red) and top-right (green) blocks are seen once the photo is
// upright, for orientations 1-8 (EXIF 2.3, "the 0th row is at the visual ..., the 0th column
// at the visual ..."). Written out rather than computed, so the test does not repeat the code.
struct Expected {
  Corner red;
  Corner green;
};
const Expected upright[9] = {
    {},
    {Corner::top_left, Corner::top_right},        // 1: row 0 top, column 0 left
    {Corner::top_right, Corner::top_left},        // 2: row 0 top, column 0 right
    {Corner::bottom_right, Corner::bottom_left},  // 3: row 0 bottom, column 0 right
    {Corner::bottom_left, Corner::bottom_right},  // 4: row 0 bottom, column 0 left
    {Corner::top_left, Corner::bottom_left},      // 5: row 0 left, column 0 top
    {Corner::top_right, Corner::bottom_right},    // 6: row 0 right, column 0 top
    {Corner::bottom_right, Corner::top_right},    // 7: row 0 right, column 0 bottom
    {Corner::bottom_left, Corner::top_left},      // 8: row 0 left, column 0 bottom
};

struct Rgb {
  int r = 0, g = 0, b = 0;
};

// The colour a few pixels inside a corner of a decoded file.
Rgb colour_at(const fs::path& file, Corner corner, uint32_t& width, uint32_t& height) {
  std::string bytes, error;
  REQUIRE(read_file(file, bytes));
  ImageProbe probe = probe_image(bytes);
  REQUIRE(probe.format != ImageFormat::unknown);
  Surface s = decode_raster(bytes, probe.format, 0, 0, error);
  REQUIRE(s);
  cairo_surface_flush(s.get());
  width = uint32_t(cairo_image_surface_get_width(s.get()));
  height = uint32_t(cairo_image_surface_get_height(s.get()));
  int inset = 3;
  int x = corner == Corner::top_left || corner == Corner::bottom_left ? inset : int(width) - 1 - inset;
  int y = corner == Corner::top_left || corner == Corner::top_right ? inset : int(height) - 1 - inset;
  const unsigned char* p = cairo_image_surface_get_data(s.get()) +
                           size_t(y) * size_t(cairo_image_surface_get_stride(s.get())) + 4 * size_t(x);
  return {p[2], p[1], p[0]};
}

bool is_red(Rgb c) { return c.r > 200 && c.g < 60 && c.b < 60; }
bool is_green(Rgb c) { return c.g > 200 && c.r < 60 && c.b < 60; }
bool is_grey(Rgb c) { return c.r > 100 && c.r < 160 && c.g > 100 && c.g < 160; }

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
  a.orientation = probe.orientation;
  a.file = file;
  a.size = bytes.size();
  a.digest = sha256_hex(bytes);
  a.first_use = {"post.md", 3, 1};
  return a;
}

void check_upright(const fs::path& file, int orientation, uint32_t want_w, uint32_t want_h) {
  uint32_t w = 0, h = 0;
  const Expected& e = upright[orientation];
  Corner other = Corner::top_left;  // a corner with neither block: grey
  for (Corner c : {Corner::top_left, Corner::top_right, Corner::bottom_left, Corner::bottom_right})
    if (c != e.red && c != e.green) other = c;
  CHECK(is_red(colour_at(file, e.red, w, h)));
  CHECK(is_green(colour_at(file, e.green, w, h)));
  CHECK(is_grey(colour_at(file, other, w, h)));
  CHECK(w == want_w);
  CHECK(h == want_h);
}

}  // namespace

TEST_CASE("probe gives the displayed size of a JPEG with an EXIF orientation") {
  for (bool le : {true, false}) {
    for (int o = 1; o <= 8; ++o) {
      CAPTURE(o);
      CAPTURE(le);
      std::string jpeg = test::make_oriented_jpeg(96, 48, o, le);
      CHECK(jpeg_exif_orientation(jpeg) == o);
      ImageProbe p = probe_image(jpeg);
      CHECK(p.format == ImageFormat::jpeg);
      CHECK(p.orientation == o);
      CHECK(p.width == (o >= 5 ? 48u : 96u));
      CHECK(p.height == (o >= 5 ? 96u : 48u));
    }
  }
  // No Exif block at all (a JFIF file): as stored.
  CHECK(probe_image(test::make_jpeg(40, 30)).orientation == 1);
}

TEST_CASE("a malformed Exif block means orientation 1, never a read out of bounds") {
  std::string good = test::make_oriented_jpeg(32, 16, 6);
  // Every truncation and every single-byte damage of the first segments is read safely.
  size_t exif_end = 2 + 2 + ((size_t(uint8_t(good[4])) << 8) | uint8_t(good[5]));
  for (size_t cut = 0; cut < exif_end + 4; ++cut) {
    int o = jpeg_exif_orientation(std::string_view(good).substr(0, cut));
    CHECK((o >= 1 && o <= 8));
  }
  for (size_t at = 2; at < exif_end; ++at) {
    for (uint8_t v : {uint8_t(0x00), uint8_t(0xFF), uint8_t(0x7F)}) {
      std::string bad = good;
      bad[at] = char(v);
      int o = jpeg_exif_orientation(bad);
      CHECK((o >= 1 && o <= 8));
    }
  }
  // Orientation values outside 1-8 and a wrong type are ignored.
  CHECK(jpeg_exif_orientation(test::make_oriented_jpeg(32, 16, 9)) == 1);
  CHECK(jpeg_exif_orientation(test::make_oriented_jpeg(32, 16, 0)) == 1);
  std::string wrong_type = good;
  size_t tag = wrong_type.find(std::string("\x12\x01\x03\x00", 4));
  REQUIRE(tag != std::string::npos);
  wrong_type[tag + 2] = 4;  // LONG instead of SHORT
  CHECK(jpeg_exif_orientation(wrong_type) == 1);
  // An IFD offset far past the end of the segment.
  std::string far = good;
  size_t ifd = far.find("II*");
  REQUIRE(ifd != std::string::npos);
  far[ifd + 7] = char(0x7F);
  CHECK(jpeg_exif_orientation(far) == 1);
}

TEST_CASE("apply_orientation turns the pixels upright for each of the eight orientations") {
  test::TempDir dir;
  for (int o = 1; o <= 8; ++o) {
    CAPTURE(o);
    std::string error;
    std::string jpeg = test::make_oriented_jpeg(64, 32, o);
    Surface stored = decode_raster(jpeg, ImageFormat::jpeg, 0, 0, error);
    REQUIRE(stored);
    Surface turned = apply_orientation(std::move(stored), o, error);
    REQUIRE(turned);
    fs::path file = dir.path() / ("o" + std::to_string(o) + ".png");
    REQUIRE(write_png(turned.get(), file, error));
    check_upright(file, o, o >= 5 ? 32 : 64, o >= 5 ? 64 : 32);
  }
}

TEST_CASE("both writers get an upright file for a JPEG with an EXIF orientation") {
  test::TempDir dir;
  FigureOptions options;
  options.cache_dir = dir.path() / "cache";
  for (int o = 1; o <= 8; ++o) {
    CAPTURE(o);
    Diagnostics diag;
    auto asset = asset_from(dir.path(), "photo" + std::to_string(o) + ".jpg", test::make_oriented_jpeg(120, 60, o, o % 2 == 0));
    uint32_t want_w = o >= 5 ? 60 : 120, want_h = o >= 5 ? 120 : 60;
    CHECK(asset.width == want_w);
    CHECK(asset.height == want_h);

    auto epub = figure_for_epub(asset, options, diag);
    REQUIRE(epub);
    CHECK(epub->format == ImageFormat::jpeg);
    CHECK(epub->width == want_w);
    CHECK(epub->height == want_h);
    // Orientation 1 is embedded as it is; any other is a new, upright JPEG without Exif.
    CHECK((epub->file == asset.file) == (o == 1));
    check_upright(epub->file, o, want_w, want_h);
    std::string bytes;
    REQUIRE(read_file(epub->file, bytes));
    CHECK(probe_image(bytes).orientation == 1);

    auto pdf = figure_for_pdf(asset, 1000, 1000, options, diag);
    REQUIRE(pdf);
    CHECK((pdf->file == asset.file) == (o == 1));
    check_upright(pdf->file, o, want_w, want_h);

    // Downscaled for the page: still upright, at the displayed aspect ratio.
    auto small = figure_for_pdf(asset, 30, 1000, options, diag);
    REQUIRE(small);
    CHECK(small->width == 30);
    CHECK(small->height == (o >= 5 ? 60u : 15u));
    CHECK(diag.warning_count() == 0);
  }
}
