// A real PDF through cairo, read back with pdftotext: the text of each paragraph comes out
// as written (no space between two Han characters, no character added or lost), and no
// extracted line starts or ends with a forbidden mark.
#include <doctest/doctest.h>

#include <cairo-pdf.h>

#include <array>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "base/utf8.hpp"
#include "inline/cjk_classes.hpp"
#include "layout_fixture.hpp"

using namespace folio::pdf;
using namespace folio::pdf::test;

namespace {

std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  CHECK(pclose(pipe) == 0);
  return output;
}

// s without white space and hyphens: pdftotext reads the Han–Latin gaps as spaces and
// joins a word broken after a hyphen at a line end ("libcairo2-" + "dev").
std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\f' && c != '-') out += c;
  return out;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    lines.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// True if `text` has white space between two ideographs.
bool has_space_between_ideographs(const std::string& text) {
  size_t i = 0;
  char32_t before_space = 0, previous = 0;
  bool space_run = false;
  while (i < text.size()) {
    const char32_t c = folio::utf8::next(text, i);
    if (c == U' ') {
      if (!space_run) before_space = previous;
      space_run = true;
    } else {
      if (space_run && cjk::is_ideograph(before_space) && cjk::is_ideograph(c)) return true;
      space_run = false;
    }
    previous = c;
  }
  return false;
}

// Writes the sample paragraphs, justified at `width`, one after the other on A5 pages.
void write_pdf(const std::filesystem::path& path, double width) {
  SurfacePtr surface(cairo_pdf_surface_create(path.c_str(), 420, 595));
  LayoutMaker maker(surface.get());
  cairo_t* cr = maker.cairo();
  double y = 40;
  for (const std::string& text : sample_paragraphs()) {
    ParagraphSpec spec;
    spec.text = text;
    spec.width_pt = width;
    spec.indent_em = 2;
    // Font changes inside CJK text: pdftotext splits words there on the smallest gap.
    spec.italic = {"分享", "标点挤压", "并发", "服务器", "嘉宾"};
    spec.bold = {"goroutine", "进程", "全角", "集群", "依赖"};
    LayoutPtr layout = maker.make(spec);
    justify_cjk_lines(layout.get(), pango_layout_get_width(layout.get()));
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    const double height = logical.height / double(PANGO_SCALE);
    if (y + height > 560) {
      cairo_show_page(cr);
      y = 40;
    }
    cairo_move_to(cr, 40, y);
    pango_cairo_show_layout(cr, layout.get());
    y += height + 14;
  }
  cairo_surface_finish(surface.get());
  REQUIRE(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
}

}  // namespace

TEST_CASE("pdftotext reads back the original text with clreq line edges") {
  const auto dir = std::filesystem::temp_directory_path() / ("folio_pdf_cjk_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  for (double width : {300.0, 320.0, 340.0}) {
    CAPTURE(width);
    const auto pdf = dir / "cjk.pdf";
    write_pdf(pdf, width);
    const std::string text = run("pdftotext -enc UTF-8 '" + pdf.string() + "' -");

    // Every paragraph appears in reading order, with nothing added or lost but white space.
    const std::string flat = without_spaces(text);
    size_t from = 0;
    for (const std::string& paragraph : sample_paragraphs()) {
      const size_t at = flat.find(without_spaces(paragraph), from);
      CHECK(at != std::string::npos);
      if (at != std::string::npos) from = at;
    }

    // No space between two Han characters (the source has none), no forbidden line edge.
    for (const std::string& line : split_lines(text)) {
      CAPTURE(line);
      size_t i = 0;
      char32_t before_space = 0, previous = 0;
      bool space_run = false;
      while (i < line.size()) {
        const char32_t c = folio::utf8::next(line, i);
        if (c == U' ') {
          if (!space_run) before_space = previous;
          space_run = true;
        } else {
          if (space_run) CHECK_FALSE((cjk::is_ideograph(before_space) && cjk::is_ideograph(c)));
          space_run = false;
        }
        previous = c;
      }
      if (line.empty() || line == "\f") continue;
      size_t start = line.find_first_not_of(" \f");
      if (start == std::string::npos) continue;
      const std::string trimmed = line.substr(start);
      CHECK(may_start_line(first_char(trimmed)));
      CHECK(may_end_line(last_char(trimmed)));
    }
  }
  if (!std::getenv("FOLIO_KEEP")) std::filesystem::remove_all(dir);
}

TEST_CASE("a loose CJK-only line with a bold span still reads back without spaces") {
  // The inline code cannot follow 调用 on the first line, which is left with a lot of
  // slack and nothing but CJK gaps to take it, some of them at the bold span's edges.
  const std::string text = "李华的观点是：这类函数可以写，但别滥用。链式调用 Map(Filter(Reduce(xs))) 读起来不如一个普通的循环清楚。";
  const auto dir = std::filesystem::temp_directory_path() / ("folio_pdf_cjk_loose_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto pdf = dir / "loose.pdf";
  int loose_lines = 0;
  for (double width = 250; width <= 290; width += 8) {
    CAPTURE(width);
    {
      SurfacePtr surface(cairo_pdf_surface_create(pdf.c_str(), 420, 595));
      LayoutMaker maker(surface.get());
      ParagraphSpec spec;
      spec.text = text;
      spec.width_pt = width;
      spec.bold = {"可以写，但别滥用"};
      LayoutPtr layout = maker.make(spec);
      const double natural = view_lines(layout.get()).at(0).logical_width_pt;
      justify_cjk_lines(layout.get(), pango_layout_get_width(layout.get()));
      const LineView first = view_lines(layout.get()).at(0);
      // More slack than 0.1 em per gap: the case where the soft limit gives way.
      if ((width - natural) / double(first.clusters.size()) > 1.0) ++loose_lines;
      CHECK(std::abs(first.logical_width_pt - width) < 0.05);
      cairo_move_to(maker.cairo(), 40, 40);
      pango_cairo_show_layout(maker.cairo(), layout.get());
      cairo_surface_finish(surface.get());
    }
    const std::string extracted = run("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
    CAPTURE(extracted);
    CHECK_FALSE(has_space_between_ideographs(extracted));
  }
  CHECK(loose_lines > 0);
  std::filesystem::remove_all(dir);
}
