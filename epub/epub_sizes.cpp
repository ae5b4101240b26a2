// What takes the space in an EPUB, read back from the archive with libzip, and the
// warning of a book over its size budget (epub.size_budget_mb).
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>

#include "epub_sizes.hpp"
#include "folio/epub.hpp"

namespace folio {

namespace {

bool ends_with_any(std::string name, std::initializer_list<const char*> suffixes) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  for (const char* s : suffixes) {
    const std::string suffix(s);
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  }
  return false;
}

}  // namespace

std::optional<EpubSizes> measure_epub(const std::filesystem::path& path) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!zip) return std::nullopt;
  EpubSizes sizes;
  std::error_code ec;
  sizes.total = std::filesystem::file_size(path, ec);
  const zip_int64_t n = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(zip, zip_uint64_t(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) continue;
    const uint64_t bytes = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : st.size;
    const std::string name = st.name;
    if (ends_with_any(name, {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"})) sizes.images += bytes;
    else if (ends_with_any(name, {".otf", ".ttf", ".woff", ".woff2"}) || name.find("LICENSE") != std::string::npos ||
             name.find("/fonts/") != std::string::npos)
      sizes.fonts += bytes;
  }
  zip_discard(zip);
  sizes.text = sizes.total - std::min(sizes.total, sizes.images + sizes.fonts);
  return sizes;
}

}  // namespace folio

namespace folio::epub {

namespace {

std::string megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / 1e6);
  return buf;
}

std::string share(uint64_t part, uint64_t total) {
  return megabytes(part) + " (" + std::to_string(total ? (part * 100 + total / 2) / total : 0) + "%)";
}

}  // namespace

void check_size_budget(const Book& book, uint64_t budget_mb, const std::filesystem::path& written,
                       Diagnostics& diagnostics) {
  if (budget_mb == 0) return;
  const std::optional<EpubSizes> sizes = measure_epub(written);
  if (!sizes || sizes->total <= budget_mb * 1'000'000) return;
  diagnostics.warning({book.config.file.string(), 0, 0},
                      "the EPUB is " + megabytes(sizes->total) + ", over epub.size_budget_mb (" +
                          std::to_string(budget_mb) + " MB): images " + share(sizes->images, sizes->total) +
                          ", fonts " + share(sizes->fonts, sizes->total) + ", text " +
                          share(sizes->text, sizes->total));
}

}  // namespace folio::epub
