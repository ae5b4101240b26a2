// JPEG quality: the IJG quality (1-100) a JPEG was saved at, read back from its luminance
// quantization table, so a downscaled photo is saved again at the quality its author chose
// rather than at a fixed one (which would blur a q95 photo or bloat a q70 one).
#pragma once

#include <optional>
#include <string_view>

namespace folio::figures {

/// The quality whose standard luminance table is nearest the file's, or nothing when the
/// header cannot be read or the file has no table 0.
std::optional<int> jpeg_quality(std::string_view bytes);

}  // namespace folio::figures
