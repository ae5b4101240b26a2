// The Pango family lists for body, heading and code, from the book's font options.
#pragma once

#include <filesystem>
#include <string>

#include "folio/config.hpp"
#include "folio/diagnostics.hpp"
#include "style.hpp"

namespace folio::pdf {

/// Resolves the three roles through the fonts module (resolve_fonts); relative font files
/// are taken from `base_dir`.
FontFamilies font_families(const FontOptions& options, const std::string& language, Diagnostics& diagnostics,
                           const std::filesystem::path& base_dir = {});

}  // namespace folio::pdf
