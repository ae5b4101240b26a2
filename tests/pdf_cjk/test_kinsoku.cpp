// Kinsoku on real layouts: no line of any sample paragraph, at any of many widths, starts
// with a mark that may not start a line or ends with one that may not end it, and the
// 2-em units —— …… never split; a last line never holds a single ideograph.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "base/utf8.hpp"
#include "inline/cjk_classes.hpp"
#include "layout_fixture.hpp"

using namespace folio::pdf;
using namespace folio::pdf::test;

namespace {

std::string hex(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

// Whether the line break before byte `index` is an emergency break inside a word that
// does not fit the measure (PANGO_WRAP_WORD_CHAR), which no line-breaking rule governs.
bool is_emergency_break(PangoLayout* layout, int index) {
  int count = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout, &count);
  const char* text = pango_layout_get_text(layout);
  const long position = g_utf8_pointer_to_offset(text, text + index);
  return position < count && !attrs[position].is_line_break;
}

// Checks every line boundary of `layout` but emergency breaks; returns how many lines it
// looked at, and counts the emergency breaks in `emergencies`.
int check_line_edges(PangoLayout* layout, double width, int& emergencies) {
  const auto lines = view_lines(layout);
  for (size_t k = 0; k < lines.size(); ++k) {
    const LineView& line = lines[k];
    CAPTURE(width);
    CAPTURE(line.text);
    const bool emergency_start = k > 0 && is_emergency_break(layout, line.start_index);
    const bool emergency_end = k + 1 < lines.size() && is_emergency_break(layout, lines[k + 1].start_index);
    emergencies += emergency_end;
    if (k > 0 && !emergency_start) {
      const char32_t first = first_char(line.text);
      INFO("line starts with " << hex(first));
      CHECK(may_start_line(first));
      // A 2-em dash or ellipsis is one unit: the previous line may not end in half of it.
      const char32_t before = last_char(lines[k - 1].text);
      const bool split_unit = (before == first) && (first == U'—' || first == U'…' || first == U'⋯');
      CHECK_FALSE(split_unit);
    }
    if (k + 1 < lines.size() && !emergency_end) {
      const char32_t last = last_char(line.text);
      INFO("line ends with " << hex(last));
      CHECK(may_end_line(last));
    }
  }
  return static_cast<int>(lines.size());
}

}  // namespace

TEST_CASE("sample paragraphs keep clreq kinsoku at every width from 90 to 420 pt") {
  LayoutMaker maker;
  int lines = 0, emergencies = 0;
  for (const std::string& text : sample_paragraphs()) {
    for (double width = 90; width <= 420; width += 3) {
      ParagraphSpec spec;
      spec.text = text;
      spec.width_pt = width;
      spec.indent_em = 2;
      LayoutPtr layout = maker.make(spec);
      justify_cjk_lines(layout.get(), pango_layout_get_width(layout.get()));
      lines += check_line_edges(layout.get(), width, emergencies);
      CHECK(std::string(pango_layout_get_text(layout.get())) == text);  // text unchanged
    }
  }
  MESSAGE("lines checked: " << lines << ", emergency breaks inside long code words: " << emergencies);
  CHECK(lines > 5000);
  CHECK(emergencies < lines / 100);
}

TEST_CASE("without the CJK attributes Pango lets · — ～ ⸺ start a line (the gaps we fix)") {
  // Guards the test above: it must be able to fail. Pango alone breaks before these.
  LayoutMaker maker;
  int violations = 0;
  for (const std::string& text : sample_paragraphs()) {
    for (double width = 90; width <= 420; width += 3) {
      ParagraphSpec spec;
      spec.text = text;
      spec.width_pt = width;
      spec.cjk = false;
      LayoutPtr layout = maker.make(spec);
      const auto lines = view_lines(layout.get());
      for (size_t k = 1; k < lines.size(); ++k)
        if (!may_start_line(first_char(lines[k].text))) ++violations;
    }
  }
  CHECK(violations > 0);
}

TEST_CASE("every not-starting mark stays off line starts in every context") {
  // Each mark after an ideograph, a letter, a digit, a closing mark and a space, in a
  // paragraph narrow enough that Pango wants to break right before it.
  const std::string marks = "，。、；：？！）」』】》〉〕〗”’·‧・—～⸺…⋯％‰℃々ー";
  const std::string befores[] = {"字", "a", "1", "」", " "};
  LayoutMaker maker;
  size_t i = 0;
  while (i < marks.size()) {
    const size_t start = i;
    folio::utf8::next(marks, i);
    const std::string mark = marks.substr(start, i - start);
    for (const std::string& before : befores) {
      // Lay out "文文…文<before><mark>文" at every width that could put a break at the mark.
      std::string text;
      for (int k = 0; k < 6; ++k) text += "文";
      text += before + mark + "文字";
      for (double width = 52; width <= 110; width += 1.5) {
        ParagraphSpec spec;
        spec.text = text;
        spec.width_pt = width;
        LayoutPtr layout = maker.make(spec);
        const auto lines = view_lines(layout.get());
        for (size_t k = 1; k < lines.size(); ++k) {
          CAPTURE(text);
          CAPTURE(width);
          CHECK(may_start_line(first_char(lines[k].text)));
        }
      }
    }
  }
}

TEST_CASE("opening marks and ／ stay off line ends") {
  const std::string texts[] = {"文文文文文文（文字）", "文文文文文文「文字」", "文文文文文文进程／线程",
                               "文文文文文文“文字”", "文文文文文文《 文字》", "文文文文文文路径/目录"};
  LayoutMaker maker;
  for (const std::string& text : texts) {
    for (double width = 52; width <= 110; width += 1.5) {
      ParagraphSpec spec;
      spec.text = text;
      spec.width_pt = width;
      LayoutPtr layout = maker.make(spec);
      const auto lines = view_lines(layout.get());
      for (size_t k = 0; k + 1 < lines.size(); ++k) {
        CAPTURE(text);
        CAPTURE(width);
        const char32_t last = last_char(lines[k].text);
        CHECK(may_end_line(last));
        CHECK(last != U'/');
      }
    }
  }
}

namespace {
int ideographs_in(const std::string& s) {
  int count = 0;
  size_t i = 0;
  while (i < s.size())
    if (folio::pdf::cjk::is_ideograph(folio::utf8::next(s, i))) ++count;
  return count;
}
}  // namespace

TEST_CASE("a paragraph's last line never holds a single ideograph (孤字)") {
  const std::string text = "每一段的最后一行至少要有两个汉字，不能只剩下一个字。";
  LayoutMaker maker;
  int orphans_without_rule = 0, lines_checked = 0;
  for (double width = 40; width <= 270; width += 1) {
    for (bool cjk : {false, true}) {
      ParagraphSpec spec;
      spec.text = text;
      spec.width_pt = width;
      spec.cjk = cjk;
      LayoutPtr layout = maker.make(spec);
      const auto lines = view_lines(layout.get());
      if (lines.size() < 2) continue;
      const int last = ideographs_in(lines.back().text);
      if (!cjk) {
        orphans_without_rule += last < 2;
        continue;
      }
      CAPTURE(width);
      CAPTURE(lines.back().text);
      CHECK(last >= 2);
      ++lines_checked;
    }
  }
  CHECK(orphans_without_rule > 0);  // Pango alone leaves 字。 alone at some widths
  CHECK(lines_checked > 100);
}
