// SVG sanitizing: what an EPUB may carry from an SVG found on the web.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace folio::figures {

/// What sanitize_svg took out (for tests and a note).
struct SvgSanitizeReport {
  int removed_elements = 0;    ///< script, foreignObject, iframe, ...
  int removed_attributes = 0;  ///< on* handlers, external href/url() references
};

/// Removes scripts, event handlers, foreign content, external references (href and url()
/// to anything but `#fragment` or an embedded data:image), stylesheet PIs, the DTD and
/// entity references. The result is standalone SVG with the SVG namespace. nullopt (with
/// `error`) when the bytes are not well-formed SVG.
std::optional<std::string> sanitize_svg(std::string_view bytes, std::string& error,
                                        SvgSanitizeReport* report = nullptr);

}  // namespace folio::figures
