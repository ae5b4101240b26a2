// libFuzzer: image bytes probed, and decoded or sanitized and drawn when the probe accepts
// them (the same checks a figure goes through; pixel bombs are refused by size first).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "figures/probe.hpp"
#include "figures/raster.hpp"
#include "figures/svg_sanitize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  folio::figures::ImageProbe probe = folio::figures::probe_image(bytes);
  if (probe.format == folio::ImageFormat::unknown) return 0;
  if (uint64_t(probe.width) * probe.height > 4'000'000) return 0;  // the figure pixel budget
  std::string error;
  if (probe.format == folio::ImageFormat::svg) {
    if (auto clean = folio::figures::sanitize_svg(bytes, error)) folio::figures::render_svg(*clean, 64, 64, error);
    return 0;
  }
  folio::figures::decode_raster(bytes, probe.format, 0, 0, error);
  return 0;
}
