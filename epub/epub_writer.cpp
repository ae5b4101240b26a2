// write_epub: renders every document of the book and packs them into the container.
#include <algorithm>
#include <cstdio>

#include "epub_sizes.hpp"
#include "folio/progress.hpp"
#include "chapter.hpp"
#include "container.hpp"
#include "cover.hpp"
#include "folio/epub.hpp"
#include "folio/figures.hpp"
#include "folio/fonts.hpp"
#include "base/artifact_cache.hpp"
#include "base/labels.hpp"
#include "base/language.hpp"
#include "base/option_checks.hpp"
#include "base/parallel_for.hpp"
#include "nav.hpp"
#include "package.hpp"
#include "split.hpp"
#include "code_block.hpp"
#include "stylesheet.hpp"

namespace folio {

namespace {

using namespace epub;

const char* extension_of(ImageFormat f) {
  switch (f) {
    case ImageFormat::jpeg: return "jpg";
    case ImageFormat::png: return "png";
    case ImageFormat::gif: return "gif";
    case ImageFormat::svg: return "svg";
    default: return nullptr;  // WebP and unknown formats are not core media types in EPUB 3.2
  }
}

// Each figure as the archive will hold it (through figure_for_epub: WebP becomes PNG,
// SVG is sanitized, big images are downscaled when asked).
std::vector<ImageEntry> pack_figures(const Book& book, const EpubOptions& epub_options, Diagnostics& diagnostics) {
  std::vector<ImageEntry> images(book.figures.size());
  FigureOptions options = book.config.figures;
  const uint64_t limit = epub_options.max_image_pixels;
  if (limit > 0 && (options.downscale_pixels == 0 || options.downscale_pixels > limit)) options.downscale_pixels = limit;
  // Downscaling a photo is seconds of CPU on a cold cache: one figure per core.
  parallel_for(book.figures.size(), cpu_threads(), [&](size_t i) {
    const FigureAsset& asset = book.figures[i];
    if (!asset.ok) return;
    auto rendered = figure_for_epub(asset, options, diagnostics);
    if (!rendered) return;
    const char* ext = extension_of(rendered->format);
    if (!ext) {
      diagnostics.warning(asset.first_use, std::string("figure format cannot go into an EPUB, shown as a placeholder: ") +
                                               to_string(rendered->format));
      return;
    }
    char name[64];
    std::snprintf(name, sizeof name, "images/fig-%04zu.%s", i + 1, ext);
    ImageEntry& e = images[i];
    e.ok = true;
    e.href = name;
    e.media_type = media_type(rendered->format);
    e.file = rendered->file;
    e.width = rendered->width;
    e.height = rendered->height;
  });
  return images;
}

// Headings of every level under their chapter: a level-3 heading goes under the level-2
// heading before it, and so on (a level skipped in the source nests under what is open).
void nest_sections(const std::vector<SectionEntry>& sections, NavPoint& chapter) {
  std::vector<std::pair<int, NavPoint*>> open{{1, &chapter}};
  for (const auto& s : sections) {
    while (open.size() > 1 && open.back().first >= s.level) open.pop_back();
    NavPoint* parent = open.back().second;
    parent->children.push_back({s.title, s.href, {}});
    open.push_back({s.level, &parent->children.back()});
  }
}

// What the accessibility metadata says about the content (footnotes, tables, ruby) and
// whether the book passes the checks that let it claim WCAG 2.1 AA.
void note_accessibility_content(const Book& book, PackageInfo& package) {
  for (const auto& chapter : book.chapters) {
    const Document& doc = chapter.document;
    if (!doc.footnotes.empty()) package.has_footnotes = true;
    for_each_block(doc.blocks, [&](const Block& b) {
      if (std::holds_alternative<Table>(b.node)) package.has_tables = true;
    });
    for_each_inline(doc, [&](const Inline& in) {
      if (std::holds_alternative<Ruby>(in.node)) package.has_ruby = true;
    });
  }
  // Alt text is the check a writer cannot make pass by itself; structure, language,
  // contrast and navigation are the writer's own and hold for every book it makes.
  package.accessibility_checks_pass = package.images_without_alt == 0 && !package.language.empty();
}

std::string display_options_xml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<display_options>\n"
         "  <platform name=\"*\">\n"
         "    <option name=\"specified-fonts\">true</option>\n"
         "  </platform>\n"
         "</display_options>\n";
}

// Text this writer adds around the posts' own (title page, navigation, chapter headers,
// task boxes): the subset fonts must cover it too.
std::string writer_text(const Book& book, const std::string& language) {
  const BookMetadata& meta = book.meta();
  const BookLabels labels = labels_for(language);
  std::string text = labels.contents + labels.cover + labels.start + labels.figure_missing + labels.untitled +
                     " \u2610\u2611 " + meta.title + meta.subtitle +
                     meta.publisher + meta.rights + meta.description;
  for (const auto& author : meta.authors) text += author;
  for (const auto& part : book.parts) text += part.title;
  for (const auto& chapter : book.chapters) {
    for (const auto& author : chapter.post.authors) text += author;
    for (const auto& tag : chapter.post.tags) text += tag;
  }
  return text;
}

}  // namespace

bool write_epub(const Book& book, const std::filesystem::path& out, Diagnostics& diagnostics,
                WrittenFigures* figures) {
  return write_epub(book, book.config.epub, out, diagnostics, figures);
}

bool write_epub(const Book& book, const EpubOptions& options, const std::filesystem::path& out,
                Diagnostics& diagnostics, WrittenFigures* figures) {
  if (!check_options(options, diagnostics)) return false;
  const std::string language = book_language(book);
  const std::string title = book.meta().title.empty() ? labels_for(language).untitled : book.meta().title;

  std::vector<ImageEntry> images = pack_figures(book, options, diagnostics);
  if (figures) {
    *figures = {};
    for (const ImageEntry& image : images) (image.ok ? figures->embedded : figures->placeholders) += 1;
  }
  std::vector<EmbeddedFont> fonts;
  // Without embedded fonts a reader may have no Kai face: kai becomes dots, as on a machine
  // without one.
  HanEmphasis han_emphasis = book.config.fonts.emphasis == HanEmphasis::kai ? HanEmphasis::dots : book.config.fonts.emphasis;
  if (options.embed_fonts != EpubOptions::EmbedFonts::none) {
    FontSet font_set = resolve_fonts(book.config.fonts, language, diagnostics, book.config.base_dir);
    han_emphasis = font_set.emphasis;
    fonts = fonts_for_epub(book, font_set, diagnostics, writer_text(book, language));
  }
  // The code rules come first so that book.yaml's stylesheets (after the defaults) can restyle them.
  const std::string css = code_stylesheet(book.code_colors, book.config.code.wrap) +
                          book_stylesheet(book.config, options, fonts, diagnostics, han_emphasis);

  ChapterContext context;
  context.book = &book;
  context.language = language;
  context.images = &images;
  context.diagnostics = &diagnostics;
  context.han_emphasis = han_emphasis;
  const BookLayout layout = layout_book(book, options.split_bytes, estimate_block_size);
  context.layout = &layout;

  // Reading order: cover, title page, contents, then each part's page before its
  // first chapter and the chapters' files.
  PackageInfo package;
  package.identifier = book_identifier(book);
  package.language = language;
  const auto epoch = source_date_epoch();
  package.modified = modified_timestamp(book, epoch);
  package.date = publication_date(book);
  const ImageAltCounts alts = count_image_alts(book);
  package.image_count = alts.images;
  package.images_without_alt = alts.without_alt;
  package.alt_text_complete = alts.without_alt == 0;
  package.has_images = alts.images > 0;
  for (const auto& img : images) package.has_images = package.has_images || img.ok;
  note_accessibility_content(book, package);

  std::vector<ContainerEntry> text_entries;  // XHTML, in spine order
  std::vector<NavPoint> toc;
  NavPoint* current_part = nullptr;
  int previous_part = -1;
  size_t part_pages = 0;
  for (size_t c = 0; c < book.chapters.size(); ++c) {
    const Chapter& chapter = book.chapters[c];
    if (chapter.part >= 0 && chapter.part != previous_part && size_t(chapter.part) < book.parts.size()) {
      char name[32];
      std::snprintf(name, sizeof name, "part%02zu", ++part_pages);
      const std::string& part_title = book.parts[size_t(chapter.part)].title;
      text_entries.push_back({std::string("EPUB/") + name + ".xhtml", render_part_page(context, part_title), {}, true});
      package.items.push_back({name, std::string(name) + ".xhtml", "application/xhtml+xml", "", true});
      toc.push_back({part_title, std::string(name) + ".xhtml", {}});
      current_part = &toc.back();
    } else if (chapter.part < 0) {
      current_part = nullptr;
    }
    previous_part = chapter.part;

    const ChapterLayout& files = layout.chapters[c];
    NavPoint entry{chapter.post.title, files.files.front().name, {}};
    nest_sections(files.sections, entry);
    (current_part ? current_part->children : toc).push_back(std::move(entry));
    for (size_t f = 0; f < files.files.size(); ++f) {
      const std::string& name = files.files[f].name;
      text_entries.push_back({"EPUB/" + name, render_chapter_file(context, c, f), {}, true});
      package.items.push_back({name.substr(0, name.size() - 6), name, "application/xhtml+xml", "", true});
    }
    if (!report_progress(diagnostics, ProgressEvent{Stage::writing, c + 1, book.chapters.size(), 0, 0, 0})) return false;
  }

  // Work an earlier build did on the same bytes (the drawn cover, deflated entries) is
  // taken from the cache folder resolve_figures settled; without one, everything is made.
  const ArtifactCache cache = artifact_cache_for(book.config);
  CoverImage cover = make_cover(book, diagnostics, &cache);
  std::vector<ManifestItem> front{
      {"cover", "cover.xhtml", "application/xhtml+xml", "", true},
      {"titlepage", "titlepage.xhtml", "application/xhtml+xml", "", true},
      // Every heading is in the navigation document for the reader's contents menu; in
      // the reading order it would be pages of entries before chapter 1.
      {"nav", "nav.xhtml", "application/xhtml+xml", "nav", true, false},
  };
  front[0].properties = "svg";  // the cover page scales its image in an SVG viewport
  package.items.insert(package.items.begin(), front.begin(), front.end());
  package.items.push_back({"ncx", "toc.ncx", "application/x-dtbncx+xml", "", false});
  package.items.push_back({"css", "style.css", "text/css", "", false});
  package.items.push_back({"cover-image", cover.href, cover.media_type, "cover-image", false});
  for (size_t i = 0; i < images.size(); ++i) {
    if (!images[i].ok) continue;
    char id[32];
    std::snprintf(id, sizeof id, "fig-%04zu", i + 1);
    package.items.push_back({id, images[i].href, images[i].media_type, "", false});
  }
  for (size_t i = 0; i < fonts.size(); ++i) {
    package.items.push_back({"font-" + std::to_string(i + 1), fonts[i].file_name, fonts[i].media_type, "", false});
    package.items.push_back({"font-" + std::to_string(i + 1) + "-licence", fonts[i].licence_file_name, "text/plain", "", false});
  }

  const BookLabels labels = labels_for(language);
  Landmarks landmarks{labels.cover, labels.start, "cover.xhtml", "nav.xhtml#toc",
                      book.chapters.empty() ? "titlepage.xhtml" : layout.chapters[0].files[0].name};
  std::vector<ContainerEntry> entries;
  if (!fonts.empty())
    entries.push_back({"META-INF/com.apple.ibooks.display-options.xml", display_options_xml(), {}, true});
  entries.push_back({"EPUB/content.opf", render_package(book, package), {}, true});
  entries.push_back({"EPUB/nav.xhtml", render_nav(toc, landmarks, language, title, toc_heading_for(language)), {}, true});
  entries.push_back({"EPUB/toc.ncx", render_ncx(toc, package.identifier, title), {}, true});
  entries.push_back({"EPUB/style.css", css, {}, true});
  entries.push_back({"EPUB/cover.xhtml", render_cover_page(cover, language, title), {}, true});
  entries.push_back({"EPUB/titlepage.xhtml", render_title_page(book, language, package.date), {}, true});
  for (auto& e : text_entries) entries.push_back(std::move(e));
  entries.push_back({"EPUB/" + cover.href, cover.bytes, cover.file, false});
  for (const auto& img : images)
    if (img.ok) entries.push_back({"EPUB/" + img.href, {}, img.file, img.media_type == "image/svg+xml"});
  for (const auto& f : fonts) {
    entries.push_back({"EPUB/" + f.file_name, f.bytes, {}, true});
    entries.push_back({"EPUB/" + f.licence_file_name, f.licence, {}, true});
  }

  int64_t mtime = epoch ? *epoch : 0;
  if (!epoch) {
    for (const auto& c : book.chapters)
      if (c.post.date) mtime = std::max(mtime, c.post.date->unix_seconds);
  }
  if (!write_container(out, "EPUB/content.opf", entries, mtime, diagnostics, &cache)) return false;
  epub::check_size_budget(book, options.size_budget_mb, out, diagnostics);
  return true;
}

}  // namespace folio
