// Upright covers: a sideways JPEG cover decoded, turned and saved again once per content.
#include "upright_cover.hpp"

#include "base/atomic_file.hpp"
#include "base/hash.hpp"
#include "jpeg_quality.hpp"
#include "orientation.hpp"
#include "raster.hpp"

namespace folio::figures {

namespace fs = std::filesystem;

fs::path upright_cover(const fs::path& cover, const FigureOptions& options, std::string& error) {
  std::string bytes;
  if (!read_file(cover, bytes)) return cover;  // the writers report an unreadable cover
  const int orientation = jpeg_exif_orientation(bytes);
  if (orientation <= 1) return cover;
  const std::string digest = sha256_hex(bytes);
  // The figures' derived folder (convert.cpp): beside the cache, or in the temp folder.
  const fs::path dir = (options.cache_dir.empty() ? fs::temp_directory_path() / "folio-cache" : options.cache_dir) / "derived";
  const fs::path target = dir / (digest + "-cover-upright.jpg");
  std::error_code ec;
  if (fs::exists(target, ec)) return target;
  Surface surface = decode_raster(bytes, ImageFormat::jpeg, 0, 0, error);
  if (surface) surface = apply_orientation(std::move(surface), orientation, error);
  if (!surface) return cover;
  fs::create_directories(dir, ec);
  if (ec) {
    error = "cannot create " + dir.string() + ": " + ec.message();
    return cover;
  }
  if (!write_jpeg(surface.get(), target, jpeg_quality(bytes).value_or(options.jpeg_quality), error)) return cover;
  return target;
}

}  // namespace folio::figures
