// Times the CJK passes against plain Pango layout on a large mixed text (not a test):
// paragraphs laid out many times at an A5-like measure, in CPU time of this thread (the
// machine is shared), best of several rounds, for: Pango alone; kinsoku attributes only;
// all attributes; all attributes plus justify_cjk_lines. The paragraphs are the test
// samples, or the prose of the Markdown files named on the command line (a rough cut:
// front matter, code blocks, headings and shortcodes left out, markup kept as text).
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "base/utf8.hpp"

#include "inline/cjk_classes.hpp"
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

// Paragraphs of prose from a Markdown file: soft-wrapped lines joined (without a space
// between two CJK characters, as the Markdown reader does).
void read_prose(const char* path, std::vector<std::string>& out) {
  std::ifstream in(path);
  std::string line, paragraph;
  bool front_matter = false, code = false;
  int line_number = 0;
  auto flush = [&] {
    if (!paragraph.empty()) out.push_back(paragraph);
    paragraph.clear();
  };
  while (std::getline(in, line)) {
    ++line_number;
    if (line == "---" && (line_number == 1 || front_matter)) {
      front_matter = !front_matter;
      continue;
    }
    if (line.rfind("```", 0) == 0) {
      code = !code;
      flush();
      continue;
    }
    if (front_matter || code) continue;
    if (line.empty() || line[0] == '#' || line.rfind("{{", 0) == 0 || line.rfind("<!--", 0) == 0) {
      flush();
      continue;
    }
    if (!paragraph.empty()) {
      size_t end = paragraph.size();
      const char32_t before = folio::pdf::cjk::previous(paragraph, end);
      size_t i = 0;
      const char32_t after = folio::utf8::next(line, i);
      if (!(folio::utf8::is_cjk(before) && folio::utf8::is_cjk(after))) paragraph += ' ';
    }
    paragraph += line;
  }
  flush();
}

double run(const LayoutMaker& maker, const std::vector<std::string>& samples, int paragraphs_per_round,
           Variant variant, long& lines) {
  const double start = cpu_seconds();
  lines = 0;
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
  std::vector<std::string> samples;
  for (int a = 3; a < argc; ++a) read_prose(argv[a], samples);
  if (samples.empty()) samples = sample_paragraphs();
  size_t bytes = 0;
  for (const auto& s : samples) bytes += s.size();
  std::printf("%zu distinct paragraphs, %zu bytes\n", samples.size(), bytes);
  LayoutMaker maker;
  long lines = 0;
  run(maker, samples, 50, Variant::kFull, lines);  // warm the font caches
  const char* names[] = {"pango alone", "+ kinsoku attributes", "+ gap and halt attributes", "+ justify_cjk_lines"};
  double best[4] = {1e9, 1e9, 1e9, 1e9};
  long line_counts[4] = {};
  for (int r = 0; r < rounds; ++r)
    for (int v = 0; v < 4; ++v) best[v] = std::min(best[v], run(maker, samples, paragraphs, Variant(v), line_counts[v]));
  std::printf("%d paragraphs per round, best of %d rounds, thread CPU time\n", paragraphs, rounds);
  for (int v = 0; v < 4; ++v)
    std::printf("%-28s %.3f s  %6ld lines  %+.1f%%\n", names[v], best[v], line_counts[v], 100.0 * (best[v] - best[0]) / best[0]);
  return 0;
}
