// Cover image (given or generated with cairo + Pango), cover page and title page.
#include "cover.hpp"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>

#include "base/artifact_cache.hpp"
#include "base/cairo_handles.hpp"
#include "base/hash.hpp"
#include "base/labels.hpp"
#include "figures/upright_cover.hpp"
#include "xhtml_writer.hpp"

namespace folio::epub {

namespace {

using Surface = SurfacePtr;
using Cairo = CairoPtr;
using Layout = LayoutPtr;
using FontDescription = FontDescPtr;

std::string read_head(const std::filesystem::path& file, size_t n) {
  std::ifstream in(file, std::ios::binary);
  std::string head(n, '\0');
  in.read(head.data(), std::streamsize(n));
  head.resize(size_t(in.gcount()));
  return head;
}

uint32_t be16(const std::string& s, size_t i) {
  return (uint32_t(uint8_t(s[i])) << 8) | uint8_t(s[i + 1]);
}
uint32_t be32(const std::string& s, size_t i) { return (be16(s, i) << 16) | be16(s, i + 2); }

// Draws `text` centred in a box of `width` starting at y; returns the height used.
double draw_text(cairo_t* cr, const std::string& text, const char* font, double size_px, double x,
                 double y, double width, double r, double g, double b) {
  if (text.empty()) return 0;
  Layout layout(pango_cairo_create_layout(cr));
  FontDescription desc(pango_font_description_from_string(font));
  pango_font_description_set_absolute_size(desc.get(), size_px * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), desc.get());
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
  pango_layout_set_text(layout.get(), text.c_str(), int(text.size()));
  // Balanced lines: a title that needs n lines is wrapped at about 1/n of its length,
  // so the last line is not a lone character.
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout.get(), &w, &h);
  double wrap = width;
  if (w > width) {
    double lines = std::ceil(w / width);
    wrap = std::min(width, w / lines + size_px * 1.5);
  }
  pango_layout_set_width(layout.get(), int(wrap * PANGO_SCALE));
  pango_layout_get_pixel_size(layout.get(), &w, &h);
  cairo_set_source_rgb(cr, r, g, b);
  cairo_move_to(cr, x + (width - wrap) / 2, y);
  pango_cairo_show_layout(cr, layout.get());
  return h;
}

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// The fonts Pango may pick for the cover's text (its named face or any fallback): every
// installed font file fontconfig knows, hashed. Installing or removing a font draws anew.
std::string installed_fonts_stamp() {
  std::string files;
  if (FcFontSet* set = FcConfigGetFonts(FcConfigGetCurrent(), FcSetSystem)) {
    for (int i = 0; i < set->nfont; ++i) {
      FcChar8* file = nullptr;
      int index = 0;
      if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
      FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
      files += reinterpret_cast<const char*>(file);
      files += ":" + std::to_string(index) + "\n";
    }
  }
  return sha256_hex(files);
}

}  // namespace

std::string sniff_media_type(const std::filesystem::path& file) {
  std::string h = read_head(file, 512);
  if (h.size() >= 3 && h.compare(0, 3, "\xFF\xD8\xFF") == 0) return "image/jpeg";
  if (h.size() >= 8 && h.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0) return "image/png";
  if (h.size() >= 6 && (h.compare(0, 6, "GIF87a") == 0 || h.compare(0, 6, "GIF89a") == 0)) return "image/gif";
  if (h.size() >= 12 && h.compare(0, 4, "RIFF") == 0 && h.compare(8, 4, "WEBP") == 0) return "image/webp";
  if (h.find("<svg") != std::string::npos) return "image/svg+xml";
  return "";
}

std::pair<uint32_t, uint32_t> image_size(const std::filesystem::path& file) {
  std::string type = sniff_media_type(file);
  if (type == "image/png") {
    std::string h = read_head(file, 24);
    if (h.size() >= 24) return {be32(h, 16), be32(h, 20)};
  } else if (type == "image/gif") {
    std::string h = read_head(file, 10);
    if (h.size() >= 10)
      return {uint32_t(uint8_t(h[6])) | uint32_t(uint8_t(h[7])) << 8, uint32_t(uint8_t(h[8])) | uint32_t(uint8_t(h[9])) << 8};
  } else if (type == "image/jpeg") {
    // Walk the markers to the first start-of-frame; it may sit after large EXIF data.
    std::ifstream in(file, std::ios::binary);
    std::string seg(4, '\0');
    in.seekg(2);
    while (in.read(seg.data(), 4)) {
      if (uint8_t(seg[0]) != 0xFF) break;
      uint8_t marker = uint8_t(seg[1]);
      uint32_t length = be16(seg, 2);
      bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        std::string f(5, '\0');
        if (!in.read(f.data(), 5)) break;
        return {be16(f, 3), be16(f, 1)};
      }
      if (length < 2) break;
      in.seekg(std::streamoff(length - 2), std::ios::cur);
    }
  }
  return {0, 0};
}

std::string draw_cover_png(const std::string& title, const std::string& subtitle, const std::string& authors,
                           int width, int height) {
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
  Cairo cr(cairo_create(surface.get()));
  // A quiet two-tone design: a dark band with the title, a light field below.
  cairo_set_source_rgb(cr.get(), 0.96, 0.95, 0.92);
  cairo_paint(cr.get());
  double band_top = height * 0.18, band_height = height * 0.42;
  cairo_set_source_rgb(cr.get(), 0.16, 0.22, 0.30);
  cairo_rectangle(cr.get(), 0, band_top, width, band_height);
  cairo_fill(cr.get());
  double margin = width * 0.1, text_width = width - 2 * margin;
  double y = band_top + height * 0.06;
  y += draw_text(cr.get(), title, "Noto Serif CJK SC Bold", width * 0.075, margin, y, text_width, 1, 1, 1);
  y += height * 0.03;
  draw_text(cr.get(), subtitle, "Noto Serif CJK SC", width * 0.04, margin, y, text_width, 0.85, 0.87, 0.9);
  draw_text(cr.get(), authors, "Noto Serif CJK SC", width * 0.045, margin, band_top + band_height + height * 0.12,
            text_width, 0.2, 0.2, 0.2);
  cairo_surface_flush(surface.get());
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append_png, &png) != CAIRO_STATUS_SUCCESS) return {};
  return png;
}

CoverImage make_cover(const Book& book, Diagnostics& diagnostics, const ArtifactCache* cache) {
  const BookMetadata& meta = book.meta();
  if (!meta.cover.empty()) {
    std::filesystem::path file = meta.cover.is_absolute() ? meta.cover : book.config.base_dir / meta.cover;
    SourceLocation where{book.config.file.empty() ? file.string() : book.config.file.string()};
    std::string type = sniff_media_type(file);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      diagnostics.warning(where, "cover image not found, a cover is generated instead: " + file.string());
    } else if (type == "image/jpeg" || type == "image/png" || type == "image/gif") {
      CoverImage cover;
      cover.media_type = type;
      cover.href = type == "image/jpeg" ? "images/cover.jpg" : type == "image/png" ? "images/cover.png" : "images/cover.gif";
      std::string error;
      cover.file = figures::upright_cover(file, book.config.figures, error);
      if (!error.empty()) diagnostics.warning(where, "cover image not turned upright: " + error);
      std::tie(cover.width, cover.height) = image_size(cover.file);
      return cover;
    } else {
      diagnostics.warning(where, "cover image is not JPEG, PNG or GIF, a cover is generated instead: " + file.string());
    }
  }
  CoverImage cover;
  cover.media_type = "image/png";
  cover.href = "images/cover.png";
  cover.width = 1600;
  cover.height = 2560;
  std::string authors;
  for (size_t i = 0; i < meta.authors.size(); ++i) authors += (i ? ", " : "") + meta.authors[i];
  const std::string title = meta.title.empty() ? "Untitled" : meta.title;
  std::string key;
  if (cache && cache->enabled()) {
    key = "cover png 1\n";
    add_key_field(key, "cairo", cairo_version_string());
    add_key_field(key, "pango", pango_version_string());
    add_key_field(key, "fonts", installed_fonts_stamp());
    add_key_field(key, "size", std::to_string(cover.width) + "x" + std::to_string(cover.height));
    add_key_field(key, "title", title);
    add_key_field(key, "subtitle", meta.subtitle);
    add_key_field(key, "authors", authors);
    if (auto png = cache->find("cover", key)) {
      cover.bytes = std::move(*png);
      return cover;
    }
  }
  cover.bytes = draw_cover_png(title, meta.subtitle, authors, int(cover.width), int(cover.height));
  if (!key.empty() && !cover.bytes.empty()) cache->store("cover", key, cover.bytes);
  if (cover.bytes.empty()) diagnostics.warning({}, "the cover image could not be drawn");
  return cover;
}

std::string render_cover_page(const CoverImage& cover, const std::string& language, const std::string& title) {
  XmlWriter w;
  begin_xhtml(w, language, title, "style.css", "cover-page");
  // The image inside an SVG viewport scaled with `meet` (as calibre and pandoc do): it
  // fits any screen whole, where an <img> with max-height has no sized box to fit.
  // The landmarks nav names this page the cover; the drawing is an image with a name.
  w.open("div", {{"class", "cover"}});
  std::string width = std::to_string(cover.width ? cover.width : 1600);
  std::string height = std::to_string(cover.height ? cover.height : 2560);
  w.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                 {"xmlns:xlink", "http://www.w3.org/1999/xlink"},
                 {"version", "1.1"},
                 {"width", "100%"},
                 {"height", "100%"},
                 {"viewBox", "0 0 " + width + " " + height},
                 {"preserveAspectRatio", "xMidYMid meet"},
                 {"role", "img"},
                 {"aria-label", title}});
  w.element("title", title);
  w.empty("image", {{"width", width}, {"height", height}, {"xlink:href", cover.href}});
  return w.finish();
}

std::string render_title_page(const Book& book, const std::string& language, const std::string& date) {
  const BookMetadata& meta = book.meta();
  XmlWriter w;
  std::string title = meta.title.empty() ? labels_for(language).untitled : meta.title;
  begin_xhtml(w, language, title, "style.css");
  w.open("section", {{"epub:type", "titlepage"}, {"class", "titlepage"}});
  w.newline();
  w.element("h1", title, {{"class", "title"}});
  w.newline();
  if (!meta.subtitle.empty()) w.element("p", meta.subtitle, {{"class", "subtitle"}});
  if (!meta.authors.empty()) {
    std::string authors;
    for (size_t i = 0; i < meta.authors.size(); ++i) authors += (i ? ", " : "") + meta.authors[i];
    w.element("p", authors, {{"class", "authors"}});
  }
  if (!meta.publisher.empty()) w.element("p", meta.publisher, {{"class", "publisher"}});
  if (!date.empty()) w.element("p", date, {{"class", "date"}});
  if (!meta.rights.empty()) w.element("p", meta.rights, {{"class", "rights"}});
  // The contents are outside the reading order (linear="no"): this link leads there.
  w.open("p", {{"class", "contents-link"}});
  w.element("a", labels_for(language).contents, {{"href", "nav.xhtml#toc"}});
  w.close();
  return w.finish();
}

}  // namespace folio::epub
