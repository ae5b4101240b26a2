// The Pango family lists for body, heading and code, from the book's font options.
#pragma once

#include <string>

#include "folio/config.hpp"
#include "folio/diagnostics.hpp"
#include "style.hpp"

namespace folio::pdf {

/// Resolves the three roles (the fonts module's FontSet when it is built in).
FontFamilies font_families(const FontOptions& options, const std::string& language, Diagnostics& diagnostics);

}  // namespace folio::pdf
