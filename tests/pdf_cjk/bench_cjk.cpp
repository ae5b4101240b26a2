// Times the CJK passes against plain Pango layout on a large mixed text (not a test):
// the sample paragraphs laid out many times at an A5-like measure, in CPU time of this
// thread (the machine is shared), best of several rounds, for: Pango alone; kinsoku
// attributes only; all attributes; all attributes plus justify_cjk_lines.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "layout_fixture.hpp"

using namespace folio::pdf;
using namespace folio::pdf::test;

namespace {

enum class Variant { kPlain, kKinsoku, kAttributes, kFull };

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

double run(const LayoutMaker& maker, int paragraphs_per_round, Variant variant, long& lines) {
  const double start = cpu_seconds();
  lines = 0;
  const auto& samples = sample_paragraphs();
  for (int p = 0; p < paragraphs_per_round; ++p) {
    ParagraphSpec spec;
    spec.text = samples[static_cast<size_t>(p) % samples.size()];
    spec.width_pt = 300 + (p % 7);  // vary the measure so no cache helps
    spec.indent_em = 2;
    spec.cjk = variant != Variant::kPlain;
    if (variant == Variant::kKinsoku) {
      spec.settings.latin_gap_em = 0;
      spec.settings.compress_punctuation = false;
    }
    LayoutPtr layout = maker.make(spec);
    if (variant == Variant::kFull) justify_cjk_lines(layout.get(), pango_layout_get_width(layout.get()));
    lines += pango_layout_get_line_count(layout.get());  // forces the layout in every variant
  }
  return cpu_seconds() - start;
}

}  // namespace

int main(int argc, char** argv) {
  const int paragraphs = argc > 1 ? std::atoi(argv[1]) : 2000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  LayoutMaker maker;
  long lines = 0;
  run(maker, 50, Variant::kFull, lines);  // warm the font caches
  const char* names[] = {"pango alone", "+ kinsoku attributes", "+ gap and halt attributes", "+ justify_cjk_lines"};
  double best[4] = {1e9, 1e9, 1e9, 1e9};
  long line_counts[4] = {};
  for (int r = 0; r < rounds; ++r)
    for (int v = 0; v < 4; ++v) best[v] = std::min(best[v], run(maker, paragraphs, Variant(v), line_counts[v]));
  std::printf("%d paragraphs per round, best of %d rounds, thread CPU time\n", paragraphs, rounds);
  for (int v = 0; v < 4; ++v)
    std::printf("%-28s %.3f s  %6ld lines  %+.1f%%\n", names[v], best[v], line_counts[v], 100.0 * (best[v] - best[0]) / best[0]);
  return 0;
}
