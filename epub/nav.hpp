// Navigation documents: nav.xhtml (toc and landmarks) and toc.ncx for EPUB 2 readers.
#pragma once

#include <string>
#include <vector>

namespace folio::epub {

/// One entry of the table of contents.
struct NavPoint {
  std::string title;
  std::string href;                 ///< file, or file#id
  std::vector<NavPoint> children;
};

/// Where the landmarks point.
struct Landmarks {
  std::string cover_label = "Cover";
  std::string bodymatter_label = "Start";
  std::string cover;       ///< "cover.xhtml"
  std::string toc;         ///< "nav.xhtml#toc"
  std::string bodymatter;  ///< the first chapter file
};

/// nav.xhtml: a `toc` nav with nested ordered lists (an empty book gets one entry for
/// the title page, since a nav list must not be empty) and a hidden `landmarks` nav.
std::string render_nav(const std::vector<NavPoint>& toc, const Landmarks& landmarks,
                       const std::string& language, const std::string& title,
                       const std::string& toc_heading);

/// toc.ncx with the same entries; dtb:uid equals the package identifier.
std::string render_ncx(const std::vector<NavPoint>& toc, const std::string& identifier,
                       const std::string& title);

/// The heading of the table of contents in the book's language ("目录" for zh).
std::string toc_heading_for(const std::string& language);

}  // namespace folio::epub
