// Built without KSyntaxHighlighting (FOLIO_WITH_HIGHLIGHTING=OFF): no definitions, no
// themes; code blocks stay plain and the built-in palettes apply.
#include "highlight.hpp"

namespace folio {
bool highlighting_available() { return false; }
}  // namespace folio

namespace folio::highlight {

std::optional<std::string> engine_definition(std::string_view) { return std::nullopt; }
void prepare_definition(const std::string&) {}
std::vector<CodeToken> highlight_code(const std::string&, std::string_view) { return {}; }
std::optional<CodePalette> engine_theme(const std::string&) { return std::nullopt; }
std::vector<std::string> engine_themes() { return {}; }

}  // namespace folio::highlight
