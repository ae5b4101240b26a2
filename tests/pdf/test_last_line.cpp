// A paragraph's last line: at least two ideographs always (clreq), and four when the line
// before it can take the slack within its gaps' limits.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "font_families.hpp"
#include "inline/paragraph.hpp"

using namespace folio;
using namespace folio::pdf;

namespace {

int last_line_ideographs(const ParagraphLayout& p) {
  const std::string text = pango_layout_get_text(p.layout.get());
  int n = 0;
  for (size_t i = static_cast<size_t>(p.lines.back().start); i < text.size();) {
    const char32_t c = utf8::next(text, i);
    n += c >= 0x4E00 && c <= 0x9FFF;
  }
  return n;
}

}  // namespace

TEST_CASE("a paragraph's last line keeps four ideographs when the lines before can take it") {
  Diagnostics diag;
  FontFamilies fonts = font_families({}, "zh-CN", diag);
  TextContext context{"zh-CN"};
  const std::vector<std::string> paragraphs = {
      "春节后的第一期 Go 夜读，报名人数第一次超过了六十人。这一期由李华和陈静两位同学分享泛型在真实项目里的用法。",
      "调度器的核心是 GMP 模型：G 是 goroutine，M 是操作系统线程，P 是处理器，每个 P 维护一个本地运行队列。",
      "一个不停运行的控制循环，把集群的实际状态调整到期望状态，这就是控制器模式的全部秘密。",
  };
  int short_with = 0, short_without = 0, runts = 0, paragraphs_laid = 0;
  for (double width = 150; width <= 330; width += 1) {
    for (const std::string& source : paragraphs) {
      for (bool justify : {true, false}) {
        InlineText t;
        t.text = source;
        ParagraphSpec spec;
        spec.families = fonts.body;
        spec.size = 10.5;
        spec.width = width;
        spec.indent = 21;
        spec.justify = justify;  // without justification, the last line is left as wrapped
        const ParagraphLayout p = layout_paragraph(context, std::move(t), spec);
        if (p.lines.size() < 2) continue;
        const int n = last_line_ideographs(p);
        CAPTURE(width);
        CAPTURE(source);
        runts += n < 2;
        (justify ? short_with : short_without) += n < 4;
        paragraphs_laid += justify;
        // The text is untouched.
        CHECK(std::string(pango_layout_get_text(p.layout.get())) == source);
      }
    }
  }
  MESSAGE("last lines of fewer than 4 ideographs: " << short_without << " as wrapped, " << short_with
                                                    << " after the rule, of " << paragraphs_laid);
  CHECK(runts == 0);
  CHECK(short_without > 20);
  // Narrow measures often cannot take two more ideographs in the line before.
  CHECK(short_with < short_without * 3 / 4);
}
