// Running heads through the inline pipeline: the title gets the body text's Han–Latin gaps
// and punctuation compression (the typographer ran on titles when the book was read).
#include "pages/running_head.hpp"

#include <cmath>

#include "inline/cjk_rules.hpp"
#include "style.hpp"

namespace folio::pdf {

SharedLayout running_head_layout(const TextContext& text, const std::string& title, const RunningHeadSpec& spec) {
  SharedLayout layout = share_layout(text.new_layout());
  FontDescPtr font = make_font(spec.families, spec.size);
  pango_layout_set_font_description(layout.get(), font.get());
  AttrListPtr attrs(pango_attr_list_new());
  add_cjk_attributes(title, attrs.get(), spec.size, spec.latin_gap_em);
  pango_layout_set_text(layout.get(), title.data(), static_cast<int>(title.size()));
  pango_layout_set_attributes(layout.get(), attrs.get());
  if (spec.max_width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(std::floor(spec.max_width * PANGO_SCALE)));
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  }
  justify_lines(layout.get(), 0);  // places the gaps; a one-line head is never stretched
  return layout;
}

}  // namespace folio::pdf
