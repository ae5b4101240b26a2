// Which files a build may read: symlinks that lead out of the site, FIFOs, sockets and devices.
#include "safe_path.hpp"

#include <sys/stat.h>

#include "folio/book.hpp"
#include "folio/content.hpp"
#include "post_reader.hpp"

namespace folio::content {

namespace fs = std::filesystem;

bool resolves_inside(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  fs::path real_root = fs::weakly_canonical(fs::absolute(root, ec), ec);
  if (ec) return false;
  // Component by component, so /site-other is not taken as inside /site.
  auto r = real_root.begin();
  auto p = real.begin();
  for (; r != real_root.end(); ++r, ++p) {
    if (r->empty()) continue;  // the trailing "" of a root ending in '/'
    if (p == real.end() || *p != *r) return false;
  }
  return true;
}

std::string special_file_kind(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) return "";
  if (S_ISFIFO(st.st_mode)) return "a named pipe (FIFO)";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  return "a device";
}

}  // namespace folio::content

namespace folio {

namespace {
namespace fs = std::filesystem;

// Two names for one file: equivalent() sees hard links and symlinks when both exist;
// otherwise the resolved names are compared.
bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec) && !ec;
  return fs::weakly_canonical(fs::absolute(a, ec), ec) == fs::weakly_canonical(fs::absolute(b, ec), ec);
}
}  // namespace

bool check_output_path(const Book& book, const fs::path& output, Diagnostics& diagnostics) {
  const std::string shown = content::display_path_of(output);
  auto refuse = [&](const fs::path& input, const std::string& what) {
    diagnostics.error({shown}, "the output would replace " + what + " " + content::display_path_of(input) +
                                   ": choose another -o");
    return false;
  };
  for (const auto& chapter : book.chapters)
    if (!chapter.post.file.empty() && same_file(output, chapter.post.file)) return refuse(chapter.post.file, "the post");
  const BookConfig& c = book.config;
  if (!c.file.empty() && same_file(output, c.file)) return refuse(c.file, "the book config");
  if (!c.meta.cover.empty() && same_file(output, c.meta.cover)) return refuse(c.meta.cover, "the cover");
  for (const auto& sheet : c.epub.stylesheets)
    if (same_file(output, sheet.is_absolute() ? sheet : c.base_dir / sheet)) return refuse(sheet, "the stylesheet");
  for (const auto& figure : book.figures)
    if (!figure.file.empty() && same_file(output, figure.file)) return refuse(figure.file, "the figure");
  if (!c.figures.cache_dir.empty() && content::resolves_inside(output, c.figures.cache_dir)) {
    diagnostics.error({shown}, "the output may not be inside the figure cache " +
                                   content::display_path_of(c.figures.cache_dir) + ": choose another -o");
    return false;
  }
  return true;
}

}  // namespace folio
