// The PDF writer's RAII owners: the shared cairo/Pango ones, and layouts shared by flow items.
#pragma once

#include <memory>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "base/cairo_handles.hpp"

namespace folio::pdf {

// The owners themselves (CairoPtr, SurfacePtr, AttrListPtr, ...) are shared with the
// other modules, in base/cairo_handles.hpp.

/// A PangoLayout shared by the flow items of one paragraph (drawn long after it is made).
using SharedLayout = std::shared_ptr<PangoLayout>;
inline SharedLayout share_layout(PangoLayout* layout) {
  return SharedLayout(layout, [](PangoLayout* l) { if (l) g_object_unref(l); });
}

}  // namespace folio::pdf
