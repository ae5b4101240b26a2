// DrawContext: what drawables may do besides painting (links, destinations, images).
#pragma once

#include <string>

#include <cairo.h>

#include "inline/paragraph.hpp"

namespace folio::pdf {

class DrawContext {
 public:
  virtual ~DrawContext() = default;
  virtual cairo_t* cr() = 0;
  /// A clickable area for a link (page coordinates, points).
  virtual void link(double x, double y, double w, double h, const LinkSpan& link) = 0;
  /// A named destination at a point.
  virtual void dest(const std::string& name, double x, double y) = 0;
  /// Draws figure `figure` into the box; false when it could not be drawn.
  virtual bool image(int figure, double x, double y, double w, double h) = 0;
};

}  // namespace folio::pdf
