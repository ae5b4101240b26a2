// RAII owners for the cairo, Pango and GLib handles that several modules use
// (PDF rendering, the EPUB cover, figure conversion, the benchmark image generator).
#pragma once

#include <memory>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace folio {

struct GObjectUnref {
  void operator()(void* object) const { if (object) g_object_unref(object); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { if (cr) cairo_destroy(cr); }
};
struct CairoSurfaceDestroy {
  void operator()(cairo_surface_t* s) const { if (s) cairo_surface_destroy(s); }
};
struct AttrListUnref {
  void operator()(PangoAttrList* a) const { if (a) pango_attr_list_unref(a); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* d) const { if (d) pango_font_description_free(d); }
};
struct FontOptionsDestroy {
  void operator()(cairo_font_options_t* o) const { if (o) cairo_font_options_destroy(o); }
};
struct LayoutIterFree {
  void operator()(PangoLayoutIter* it) const { if (it) pango_layout_iter_free(it); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDestroy>;
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListUnref>;
using FontDescPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, FontOptionsDestroy>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, LayoutIterFree>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using FontMapPtr = std::unique_ptr<PangoFontMap, GObjectUnref>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;

}  // namespace folio
