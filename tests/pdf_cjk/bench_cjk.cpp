// Times the CJK passes against plain Pango layout on a large mixed text (not a test):
// each sample paragraph laid out N times at an A5 measure, (a) Pango alone, (b) with
// apply_cjk_attributes + justify_cjk_lines. Prints both times and the overhead.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "layout_fixture.hpp"

using namespace folio::pdf;
using namespace folio::pdf::test;

namespace {

double seconds_for(const LayoutMaker& maker, int rounds, bool cjk, long& lines) {
  const auto start = std::chrono::steady_clock::now();
  lines = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& text : sample_paragraphs()) {
      ParagraphSpec spec;
      spec.text = text;
      spec.width_pt = 300 + (r % 7);  // vary the measure so no cache helps
      spec.indent_em = 2;
      spec.cjk = cjk;
      LayoutPtr layout = maker.make(spec);
      if (cjk) justify_cjk_lines(layout.get(), pango_layout_get_width(layout.get()));
      lines += pango_layout_get_line_count(layout.get());
    }
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 300;
  LayoutMaker maker;
  long lines = 0;
  seconds_for(maker, 5, true, lines);  // warm the font caches
  const double plain = seconds_for(maker, rounds, false, lines);
  const long plain_lines = lines;
  const double cjk = seconds_for(maker, rounds, true, lines);
  std::printf("paragraphs: %d, lines: %ld plain / %ld cjk\n", rounds * int(sample_paragraphs().size()), plain_lines, lines);
  std::printf("pango alone: %.3f s, with CJK passes: %.3f s, overhead: %.1f%%\n", plain, cjk, 100.0 * (cjk - plain) / plain);
  return 0;
}
