// Integrity: whether probed image bytes hold a whole image, without decoding its pixels
// (inflating a PNG's data costs a few milliseconds; a full decode would cost far more).
#pragma once

#include <string>
#include <string_view>

#include "folio/book.hpp"

namespace folio::figures {

/// "" when the bytes of a probed `format` image carry image data a reader can decode;
/// otherwise why not ("the PNG's image data is corrupt", "a JPEG without image data",
/// "a truncated GIF"). PNG: the IDAT stream inflates to the size its header promises.
/// JPEG: a frame header and a scan. GIF: the first image is complete. WebP: decodes
/// (an animation: its header). SVG is checked by the sanitizer instead.
std::string image_data_problem(std::string_view bytes, ImageFormat format);

}  // namespace folio::figures
