// Test fixture: Pango layouts set up as the PDF writer sets them up (72 dpi, unhinted
// metrics, unrounded positions), sample Chinese/English paragraphs, and line inspection.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

#include "inline/cjk.hpp"

namespace folio::pdf::test {

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
struct CairoSurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct AttrListUnref {
  void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListUnref>;

/// How to lay out one test paragraph.
struct ParagraphSpec {
  std::string text;
  double width_pt = 200;        ///< wrap width; <= 0 for no wrapping
  double font_size_pt = 10;     ///< body size
  double indent_em = 0;         ///< first-line indent
  bool cjk = true;              ///< run apply_cjk_attributes
  CjkSettings settings;         ///< settings for it
  std::string family = "Noto Serif CJK SC, DejaVu Serif";
  std::vector<std::string> italic;  ///< substrings set in italic (every occurrence)
  std::vector<std::string> bold;    ///< substrings set in bold (every occurrence)
  /// Substrings set as inline code, as the PDF writer sets it (monospace, insert-hyphens
  /// off, which is how the justifier knows code).
  std::vector<std::string> code;
};

/// A Pango context on a cairo target (a tiny image surface unless one is given), set up
/// for print: 72 dpi, hint metrics off, unrounded glyph positions.
class LayoutMaker {
 public:
  explicit LayoutMaker(cairo_surface_t* target = nullptr);
  /// A laid-out layout for `spec` (lines are not justified yet).
  LayoutPtr make(const ParagraphSpec& spec) const;
  cairo_t* cairo() const { return cr_.get(); }

 private:
  SurfacePtr own_surface_;
  CairoPtr cr_;
  ContextPtr context_;
};

/// One laid-out line: its text slice and, per cluster, the drawn x and advance.
struct LineView {
  std::string text;
  int start_index = 0;
  bool paragraph_start = false;
  double logical_width_pt = 0;
  struct Cluster {
    int index;             ///< byte offset in the paragraph
    char32_t c;            ///< its first character
    double pen_x_pt;       ///< pen position, from the line start
    double draw_x_pt;      ///< pen position plus the first glyph's x offset
    double advance_pt;     ///< sum of the glyph widths
  };
  std::vector<Cluster> clusters;
};

std::vector<LineView> view_lines(PangoLayout* layout);

/// First and last code points of s (0 if empty), ignoring trailing white space.
char32_t first_char(const std::string& s);
char32_t last_char(const std::string& s);

/// Realistic paragraphs: Chinese with English, numbers, code words and every kind of mark.
const std::vector<std::string>& sample_paragraphs();

}  // namespace folio::pdf::test
