// The cover image as the writers embed it: upright, whatever EXIF orientation its JPEG has.
#pragma once

#include <filesystem>
#include <string>

#include "folio/config.hpp"

namespace folio::figures {

/// `cover` itself, or for a JPEG whose EXIF orientation is not 1, an upright copy in the
/// figure cache's derived folder (made once, named by the file's digest), so that the EPUB's
/// cover image and cover page and the PDF's cover page are all upright: reading systems
/// disagree on honouring EXIF, and cairo embeds a JPEG's bytes as they are. When the copy
/// cannot be made, `cover` with `error` set (the writers then embed the file as it is).
std::filesystem::path upright_cover(const std::filesystem::path& cover, const FigureOptions& options,
                                    std::string& error);

}  // namespace folio::figures
