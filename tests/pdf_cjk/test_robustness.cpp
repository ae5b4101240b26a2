// Odd paragraphs go through the CJK passes without harm: empty, blank, punctuation only,
// right-to-left runs, tabs, emoji, combining marks, forced breaks, a word wider than the
// measure. The text stays as it was and no justified line passes the measure.
#include <doctest/doctest.h>

#include <string>

#include "layout_fixture.hpp"

using namespace folio::pdf;
using namespace folio::pdf::test;

TEST_CASE("odd paragraphs keep their text and the measure") {
  const std::string texts[] = {
      "",
      "   ",
      "，，，，，。。。。。」」」」（（（（",
      "中文עברית mixed שלום 文字 and العربية 中文混排测试",
      "制表符\t之后的文字\t还有更多的文字和Tab混排",
      "表情😀符号👍也要能排，e\u0301 组合字符和零宽\u200b空格中文",
      "强制\u2028换行之后还有很多很多很多很多很多很多的文字\u2028",
      "超长的单词Pneumonoultramicroscopicsilicovolcanoconiosis出现在中文里",
      "——……——……⸺⸺～～··",
      "\n\n两段\n之间\n",
  };
  LayoutMaker maker;
  for (const std::string& text : texts) {
    for (double width : {30.0, 61.0, 150.0}) {
      CAPTURE(text);
      CAPTURE(width);
      ParagraphSpec spec;
      spec.text = text;
      spec.width_pt = width;
      LayoutPtr twin = maker.make(spec);
      justify_cjk_lines(twin.get(), 0);
      LayoutPtr layout = maker.make(spec);
      justify_cjk_lines(layout.get(), pango_layout_get_width(layout.get()));
      CHECK(std::string(pango_layout_get_text(layout.get())) == text);
      const auto before = view_lines(twin.get());
      const auto after = view_lines(layout.get());
      REQUIRE(before.size() == after.size());
      for (size_t k = 0; k < after.size(); ++k) {
        // A line with no break opportunity may pass the measure; justification leaves it
        // so, and never makes a line that fitted pass it.
        if (before[k].logical_width_pt > width)
          CHECK(after[k].logical_width_pt == doctest::Approx(before[k].logical_width_pt));
        else
          CHECK(after[k].logical_width_pt <= width + 0.05);
      }
    }
  }
}

TEST_CASE("null layout and attribute list are ignored") {
  CHECK_NOTHROW(apply_cjk_attributes("中文", nullptr, 10, CjkSettings{}));
  CHECK_NOTHROW(justify_cjk_lines(nullptr, 1000));
}

TEST_CASE("the layout's extents follow the justified lines") {
  LayoutMaker maker;
  ParagraphSpec spec;
  spec.text = "中文排版要求每一行的左右两端都对齐，即使这一行里没有任何空格，也要把多出来的空间均匀地分配到字与字之间。";
  spec.width_pt = 137;
  LayoutPtr layout = maker.make(spec);
  PangoRectangle before;
  pango_layout_get_extents(layout.get(), nullptr, &before);
  justify_cjk_lines(layout.get(), pango_layout_get_width(layout.get()));
  PangoRectangle after;
  pango_layout_get_extents(layout.get(), nullptr, &after);
  CHECK(before.width / double(PANGO_SCALE) < 137 - 0.5);
  CHECK(after.width / double(PANGO_SCALE) == doctest::Approx(137).epsilon(0.0005));
}
