// The renderer: pages, heads and feet, links, destinations, outline, metadata, figures.
#include "folio/progress.hpp"
#include "render/pdf_renderer.hpp"
#include "render/catalog_language.hpp"
#include "render/show_text.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

#include "date_text.hpp"
#include "figures/upright_cover.hpp"
#include "dest_names.hpp"
#include "pages/running_head.hpp"
#include "render/draw_context.hpp"
#include "flow/drawables.hpp"
#include "render/figure_source.hpp"
#include "render/png_prefetch.hpp"

namespace folio::pdf {

std::string encode_uri(const std::string& uri) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : uri) {
    if (c <= 0x20 || c >= 0x7f || c == '\'' || c == '\\' || c == '"' || c == '<' || c == '>') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string attr_number(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, std::round(v * 100) / 100, std::chars_format::fixed, 2);
  return std::string(buf, r.ptr);
}

namespace {

constexpr double kGrey = 0.35;

/// The drawing state of one page and the whole document's figure bookkeeping.
class PdfDrawContext : public DrawContext {
 public:
  PdfDrawContext(cairo_t* cr, const Book& book, const Style& style, const std::set<std::string>& dests,
                 const std::vector<std::optional<FigureFile>>* prepared, std::vector<unsigned char>& blank,
                 PngPrefetch* prefetch, std::set<int>* placeholders, Diagnostics& diag)
      : cr_(cr), book_(book), style_(style), dests_(dests), prepared_(prepared), blank_(blank), prefetch_(prefetch),
        placeholders_(placeholders), diag_(diag) {}

  cairo_t* cr() override { return cr_; }

  void link(double x, double y, double w, double h, const LinkSpan& link) override {
    std::string target;
    if (!link.dest.empty()) {
      if (!dests_.count(link.dest)) return;
      target = "dest='" + link.dest + "'";
    } else if (link.target.internal()) {
      int c = link.target.chapter;
      if (c < 0 || size_t(c) >= book_.chapters.size()) return;
      std::string name = link.target.fragment.empty() ? chapter_dest(c) : anchor_dest(c, link.target.fragment);
      if (!dests_.count(name)) name = chapter_dest(c);
      target = "dest='" + name + "'";
    } else if (!link.target.url.empty()) {
      target = "uri='" + encode_uri(link.target.url) + "'";
    } else {
      return;
    }
    std::string attrs = "rect=[" + attr_number(x) + " " + attr_number(y) + " " + attr_number(w) + " " +
                        attr_number(h) + "] " + target;
    cairo_tag_begin(cr_, CAIRO_TAG_LINK, attrs.c_str());
    cairo_tag_end(cr_, CAIRO_TAG_LINK);
  }

  void dest(const std::string& name, double x, double y) override {
    std::string attrs = "name='" + name + "' x=" + attr_number(x) + " y=" + attr_number(y);
    cairo_tag_begin(cr_, CAIRO_TAG_DEST, attrs.c_str());
    cairo_tag_end(cr_, CAIRO_TAG_DEST);
  }

  bool image(int figure, double x, double y, double w, double h) override {
    if (figure < 0 || size_t(figure) >= book_.figures.size()) return false;
    bool drawn = draw_image(figure, x, y, w, h);
    if (!drawn && placeholders_) placeholders_->insert(figure);
    return drawn;
  }

 private:
  bool draw_image(int figure, double x, double y, double w, double h) {
    const FigureAsset& asset = book_.figures[figure];
    auto px = [&](double pt) { return static_cast<uint32_t>(std::ceil(pt / 72.0 * style_.image_dpi)); };
    std::optional<FigureFile> file = prepared_ && size_t(figure) < prepared_->size()
                                         ? (*prepared_)[figure]
                                         : figure_file(asset, px(w), px(h), book_.config.figures, diag_);
    if (!file) return false;
    SurfacePtr surface = prefetch_ ? prefetch_->take(figure) : nullptr;
    if (!surface) surface = figure_surface(*file, figure_unique_id(asset, *file), blank_.data(), blank_.size());
    if (!surface) {
      if (failed_.insert(figure).second)
        diag_.warning(asset.first_use, "figure could not be read for the PDF, shown as a placeholder: " + asset.source);
      return false;
    }
    int sw = cairo_image_surface_get_width(surface.get()), sh = cairo_image_surface_get_height(surface.get());
    cairo_save(cr_);
    cairo_translate(cr_, x, y);
    cairo_scale(cr_, w / sw, h / sh);
    cairo_set_source_surface(cr_, surface.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
    cairo_paint(cr_);
    cairo_restore(cr_);
    // Released only after the page is shown: a source destroyed while the page still
    // records it makes cairo copy its pixels.
    keep_.push_back(std::move(surface));
    return true;
  }

  cairo_t* cr_;
  const Book& book_;
  const Style& style_;
  const std::set<std::string>& dests_;
  const std::vector<std::optional<FigureFile>>* prepared_;
  std::vector<unsigned char>& blank_;
  PngPrefetch* prefetch_;
  std::set<int>* placeholders_;
  Diagnostics& diag_;
  std::set<int> failed_;
  std::vector<SurfacePtr> keep_;
};

SharedLayout small_text(const TextContext& text, const std::string& s, const std::string& families, double size,
                        PangoWeight weight = PANGO_WEIGHT_NORMAL) {
  SharedLayout layout = share_layout(text.new_layout());
  FontDescPtr font = make_font(families, size, weight);
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_text(layout.get(), s.data(), static_cast<int>(s.size()));
  return layout;
}

double layout_width(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return logical.width / double(PANGO_SCALE);
}

/// Draws one line of plain text with its baseline at y, aligned left, centred or right of x.
void show_line(cairo_t* cr, PangoLayout* layout, double x, double baseline, int align /* -1, 0, 1 */) {
  double w = layout_width(layout);
  double left = align < 0 ? x : align == 0 ? x - w / 2 : x - w;
  cairo_move_to(cr, left, baseline);
  show_layout_line(cr, pango_layout_get_line_readonly(layout, 0));
}

/// Hugo's term identity: lowercase, spaces as '-' ("Cloud Native" is "cloud-native").
std::string term_key(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ') c = '-';
  }
  return s;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

class Renderer {
 public:
  Renderer(const RenderInput& in, cairo_surface_t* surface, cairo_t* cr, std::vector<unsigned char>& blank,
           Diagnostics& diag)
      : blank_(blank), in_(in), book_(*in.book), style_(*in.style), text_(in.style->language, in.style->fonts.fontconfig.get()), surface_(surface), cr_(cr), diag_(diag) {
    for (const ChapterLayout& c : *in.chapters) dests_.insert(c.flow.dests.begin(), c.flow.dests.end());
    dests_.insert("toc");
    for (const PhysicalPage& page : in.plan.pages)
      if (page.kind == PageKind::part) dests_.insert(part_dest(page.part));
    if (in.toc) dests_.insert(in.toc->flow.dests.begin(), in.toc->flow.dests.end());
  }

  void run() {
    metadata();
    // cairo 1.16 gives each link a structure element; without a structure root around
    // them it writes a ParentTree pointing at objects it never writes (qpdf: "file is
    // damaged") on every page that has content. A Document element makes the tree whole.
    cairo_tag_begin(cr_, "Document", nullptr);
    std::unique_ptr<PngPrefetch> prefetch;
    if (in_.figures) prefetch = std::make_unique<PngPrefetch>(png_jobs());
    for (size_t i = 0; i < in_.plan.pages.size(); ++i) {
      const PhysicalPage& page = in_.plan.pages[i];
      cairo_pdf_surface_set_page_label(surface_, page.label.c_str());
      PdfDrawContext dc(cr_, book_, style_, dests_, in_.figures, blank_, prefetch.get(), in_.placeholders, diag_);
      switch (page.kind) {
        case PageKind::cover: cover(dc); break;
        case PageKind::title: title_page(); break;
        case PageKind::toc: flow_page(dc, in_.toc->flow, in_.toc->pages[page.toc_page], static_cast<int>(i)); break;
        case PageKind::part: part_page(dc, page.part); break;
        case PageKind::body: {
          const ChapterLayout& ch = (*in_.chapters)[page.chapter];
          flow_page(dc, ch.flow, ch.pages[page.chapter_page], static_cast<int>(i));
          break;
        }
        case PageKind::blank: break;
      }
      head_and_foot(page, static_cast<int>(i));
      if (i + 1 == in_.plan.pages.size()) cairo_tag_end(cr_, "Document");
      cairo_show_page(cr_);
      if (!report_progress(diag_, ProgressEvent{Stage::writing, i + 1, in_.plan.pages.size(), 0, 0, 0})) break;
    }
    outline();
  }

 private:
  void metadata() {
    const BookMetadata& meta = book_.meta();
    std::string title = meta.title;
    if (title.empty() && book_.chapters.size() == 1) title = book_.chapters[0].post.title;
    if (!title.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    std::vector<std::string> authors = meta.authors;
    if (authors.empty() && book_.chapters.size() == 1) authors = book_.chapters[0].post.authors;
    if (!authors.empty())
      cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, join(authors, ", ").c_str());
    std::string subject = meta.description;
    if (subject.empty() && !meta.subtitle.empty()) subject = meta.subtitle;
    if (!subject.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
    std::vector<std::string> tags;
    std::set<std::string> seen;
    for (const Chapter& c : book_.chapters)
      for (const std::string& t : c.post.tags)
        if (seen.insert(term_key(t)).second) tags.push_back(t);
    if (!tags.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_KEYWORDS, join(tags, ", ").c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, in_.creator.c_str());
    if (!in_.creation_date.empty()) {
      cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, in_.creation_date.c_str());
      cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, in_.creation_date.c_str());
    }
  }

  /// The first use of every prepared PNG figure, in the order the pages draw them.
  std::vector<PngPrefetch::Job> png_jobs() const {
    std::vector<PngPrefetch::Job> jobs;
    std::set<int> seen;
    for (const PhysicalPage& page : in_.plan.pages) {
      if (page.kind != PageKind::body) continue;
      const ChapterLayout& ch = (*in_.chapters)[page.chapter];
      for (const Placement& p : ch.pages[page.chapter_page].body) {
        if (p.item < 0) continue;
        auto* f = dynamic_cast<const FigureDrawable*>(ch.flow.items[p.item].drawable.get());
        if (!f || f->figure < 0 || size_t(f->figure) >= in_.figures->size()) continue;
        const std::optional<FigureFile>& file = (*in_.figures)[f->figure];
        if (!file || file->format != ImageFormat::png || !seen.insert(f->figure).second) continue;
        jobs.push_back({f->figure, *file, figure_unique_id(book_.figures[f->figure], *file)});
      }
    }
    return jobs;
  }

  void flow_page(DrawContext& dc, const ChapterFlow& flow, const PageLayout& page, int physical) {
    double left = style_.text_left(physical);
    double top = style_.margin_top;
    for (const Placement& p : page.body) {
      const FlowItem& item = p.item >= 0 ? flow.items[p.item] : flow.notes[p.note].lines[p.note_line];
      draw_item(dc, item, left, top + p.y);
    }
    if (!page.foot.empty()) {
      double foot_top = top + style_.text_height() - page.foot_height;
      cairo_save(cr_);
      cairo_set_source_rgb(cr_, kGrey, kGrey, kGrey);
      cairo_set_line_width(cr_, 0.5);
      double rule_y = foot_top + page.foot_height * 0 + 3;
      cairo_move_to(cr_, left, rule_y);
      cairo_line_to(cr_, left + style_.text_width() / 3, rule_y);
      cairo_stroke(cr_);
      cairo_restore(cr_);
      double notes_top = foot_top + (page.foot_height - foot_lines_height(flow, page));
      for (const Placement& p : page.foot)
        draw_item(dc, flow.notes[p.note].lines[p.note_line], left, notes_top + p.y);
    }
  }

  static double foot_lines_height(const ChapterFlow& flow, const PageLayout& page) {
    double h = 0;
    for (const Placement& p : page.foot) h += flow.notes[p.note].lines[p.note_line].height;
    return h;
  }

  void draw_item(DrawContext& dc, const FlowItem& item, double left, double y) {
    double x = left + item.x;
    for (const std::string& d : item.dests) dc.dest(d, x, y);
    if (!item.bars.empty()) {
      cairo_save(cr_);
      cairo_set_source_rgb(cr_, 0.7, 0.7, 0.7);
      cairo_set_line_width(cr_, 1.5);
      for (double bx : item.bars) {
        cairo_move_to(cr_, left + bx, y);
        cairo_line_to(cr_, left + bx, y + item.height);
      }
      cairo_stroke(cr_);
      cairo_restore(cr_);
    }
    if (item.drawable) item.drawable->draw(dc, x, y, item.height);
  }

  void head_and_foot(const PhysicalPage& page, int physical) {
    if (page.kind == PageKind::blank || page.kind == PageKind::cover || page.kind == PageKind::title ||
        page.kind == PageKind::part)
      return;
    double left = style_.text_left(physical);
    double right = left + style_.text_width();
    double size = style_.font_size * 0.8;
    cairo_save(cr_);
    cairo_set_source_rgb(cr_, kGrey, kGrey, kGrey);
    // Page number in the foot, centred.
    SharedLayout folio = small_text(text_, page.label, style_.fonts.body, size);
    double foot_base = style_.page.height - style_.margin_bottom * 0.45;
    show_line(cr_, folio.get(), (left + right) / 2, foot_base, 0);
    // Running head: book title on versos, chapter title on rectos; none on openings.
    if (page.kind == PageKind::body && !page.chapter_opening) {
      std::string head;
      const Chapter& ch = book_.chapters[page.chapter];
      if (style_.handout) head = ch.post.title;
      else if (page.recto || !style_.two_sided) head = ch.post.title;
      else head = book_.meta().title;
      if (!head.empty()) {
        RunningHeadSpec spec;
        spec.families = style_.fonts.body;
        spec.size = size;
        spec.latin_gap_em = style_.cjk_latin_gap_em;
        spec.max_width = style_.text_width();
        SharedLayout h = running_head_layout(text_, head, spec);
        double base = style_.margin_top - style_.line_pitch * 0.9;
        bool at_right = style_.two_sided && page.recto;
        show_line(cr_, h.get(), at_right ? right : left, base, at_right ? 1 : -1);
        cairo_set_line_width(cr_, 0.4);
        cairo_move_to(cr_, left, base + size * 0.5);
        cairo_line_to(cr_, right, base + size * 0.5);
        cairo_stroke(cr_);
      }
    }
    cairo_restore(cr_);
  }

  void cover(DrawContext& dc) {
    const BookMetadata& meta = book_.meta();
    if (!meta.cover.empty()) {
      // The cover image fills the page (cropped to keep its proportions).
      FigureFile f = cover_file();
      if (!f.file.empty()) {
        SurfacePtr surface = figure_surface(f, "cover:" + f.file.string());
        if (surface) {
          int sw = cairo_image_surface_get_width(surface.get()), sh = cairo_image_surface_get_height(surface.get());
          double scale = std::max(style_.page.width / sw, style_.page.height / sh);
          cairo_save(cr_);
          cairo_translate(cr_, (style_.page.width - sw * scale) / 2, (style_.page.height - sh * scale) / 2);
          cairo_scale(cr_, scale, scale);
          cairo_set_source_surface(cr_, surface.get(), 0, 0);
          // Filled as a rectangle: cairo 1.16's PDF backend aborts (in cairo_surface_finish)
          // on an unbounded cairo_paint of a JPEG that overflows the page.
          cairo_rectangle(cr_, 0, 0, sw, sh);
          cairo_fill(cr_);
          cairo_restore(cr_);
          return;
        }
        diag_.warning({book_.config.file.string(), 0, 0}, "cover image could not be read: " + meta.cover.string());
      }
    }
    (void)dc;
    // A generated cover: title and authors on a dark band.
    cairo_save(cr_);
    cairo_set_source_rgb(cr_, 0.13, 0.2, 0.3);
    cairo_rectangle(cr_, 0, 0, style_.page.width, style_.page.height);
    cairo_fill(cr_);
    cairo_restore(cr_);
    title_text(1.0, true);
  }

  FigureFile cover_file() const {
    const BookMetadata& meta = book_.meta();
    std::filesystem::path p = meta.cover;
    if (p.is_relative()) p = book_.config.base_dir / p;
    std::string error;
    p = figures::upright_cover(p, book_.config.figures, error);
    if (!error.empty()) diag_.warning({book_.config.file.string()}, "cover image not turned upright: " + error);
    FigureFile f;
    std::string bytes;
    FILE* fp = std::fopen(p.c_str(), "rb");
    if (!fp) return f;
    unsigned char head[8] = {};
    size_t n = std::fread(head, 1, 8, fp);
    std::fclose(fp);
    f.file = p;
    if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8) f.format = ImageFormat::jpeg;
    else if (n >= 8 && head[0] == 0x89 && head[1] == 'P') f.format = ImageFormat::png;
    if (f.format == ImageFormat::jpeg) {
      // JPEG size from the SOF marker.
      std::string data;
      FILE* in = std::fopen(p.c_str(), "rb");
      if (in) {
        char buf[65536];
        size_t k;
        while ((k = std::fread(buf, 1, sizeof buf, in)) > 0) data.append(buf, k);
        std::fclose(in);
      }
      for (size_t i = 2; i + 9 < data.size();) {
        if (static_cast<unsigned char>(data[i]) != 0xFF) break;
        unsigned char marker = data[i + 1];
        size_t len = (static_cast<unsigned char>(data[i + 2]) << 8) | static_cast<unsigned char>(data[i + 3]);
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
          f.height = (static_cast<unsigned char>(data[i + 5]) << 8) | static_cast<unsigned char>(data[i + 6]);
          f.width = (static_cast<unsigned char>(data[i + 7]) << 8) | static_cast<unsigned char>(data[i + 8]);
          break;
        }
        i += 2 + len;
      }
    }
    if (f.format == ImageFormat::unknown) f.file.clear();
    return f;
  }

  void title_page() { title_text(0.0, false); }

  /// A part's title alone on its page, centred in the upper third; the part's destination.
  void part_page(DrawContext& dc, int part) {
    if (part < 0 || size_t(part) >= book_.parts.size()) return;
    ParagraphSpec spec;
    spec.families = style_.fonts.heading;
    spec.weight = PANGO_WEIGHT_BOLD;
    spec.size = style_.font_size * 2;
    spec.width = style_.text_width();
    spec.align = PANGO_ALIGN_CENTER;
    spec.justify = false;
    spec.latin_gap_em = style_.cjk_latin_gap_em;
    InlineText t;
    t.text = book_.parts[part].title;
    ParagraphLayout p = layout_paragraph(text_, std::move(t), spec);
    const double x = (style_.page.width - style_.text_width()) / 2;
    const double y = style_.page.height * 0.3;
    dc.dest(part_dest(part), x, y);
    cairo_move_to(cr_, x, y);
    show_layout(cr_, p.layout.get());
  }

  /// Title, subtitle and authors, centred in the upper third of the page.
  void title_text(double light, bool on_dark) {
    (void)light;
    const BookMetadata& meta = book_.meta();
    double w = style_.page.width;
    double y = style_.page.height * 0.3;
    double c = on_dark ? 1.0 : 0.1;
    auto block = [&](const std::string& s, double size, PangoWeight weight, double gap) {
      if (s.empty()) return;
      SharedLayout l = share_layout(text_.new_layout());
      FontDescPtr font = make_font(style_.fonts.heading, size, weight);
      pango_layout_set_font_description(l.get(), font.get());
      pango_layout_set_width(l.get(), static_cast<int>(style_.text_width() * PANGO_SCALE));
      pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
      pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text(l.get(), s.data(), static_cast<int>(s.size()));
      cairo_save(cr_);
      cairo_set_source_rgb(cr_, c, c, c);
      cairo_move_to(cr_, (w - style_.text_width()) / 2, y);
      show_layout(cr_, l.get());
      cairo_restore(cr_);
      PangoRectangle logical;
      pango_layout_get_extents(l.get(), nullptr, &logical);
      y += logical.height / double(PANGO_SCALE) + gap;
    };
    std::string title = meta.title.empty() ? style_.labels.untitled : meta.title;
    block(title, style_.font_size * 2.4, PANGO_WEIGHT_BOLD, style_.font_size);
    block(meta.subtitle, style_.font_size * 1.4, PANGO_WEIGHT_NORMAL, style_.font_size * 3);
    block(join(meta.authors, ", "), style_.font_size * 1.2, PANGO_WEIGHT_NORMAL, style_.font_size);
    if (meta.date) block(date_text(*meta.date), style_.font_size, PANGO_WEIGHT_NORMAL, style_.font_size);
    if (!meta.publisher.empty()) block(meta.publisher, style_.font_size, PANGO_WEIGHT_NORMAL, 0);
  }

  void outline() {
    if (in_.toc) {
      std::string attrs = "dest='toc'";
      cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, style_.labels.contents.c_str(), attrs.c_str(),
                                    static_cast<cairo_pdf_outline_flags_t>(0));
    }
    int part_id = CAIRO_PDF_OUTLINE_ROOT;
    int current_part = -1;
    for (size_t c = 0; c < in_.chapters->size(); ++c) {
      const Chapter& ch = book_.chapters[c];
      int parent = CAIRO_PDF_OUTLINE_ROOT;
      if (ch.part >= 0 && size_t(ch.part) < book_.parts.size()) {
        if (ch.part != current_part) {
          current_part = ch.part;
          std::string attrs = "dest='" + part_dest(ch.part) + "'";
          part_id = cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, book_.parts[ch.part].title.c_str(),
                                                  attrs.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
        }
        parent = part_id;
      }
      int chapter_id = parent;
      for (const FlowItem& item : (*in_.chapters)[c].flow.items) {
        for (const OutlineMark& m : item.outline) {
          std::string attrs = "dest='" + m.dest + "'";
          if (m.level == 1)
            chapter_id = cairo_pdf_surface_add_outline(surface_, parent, m.title.c_str(), attrs.c_str(),
                                                       static_cast<cairo_pdf_outline_flags_t>(0));
          else
            cairo_pdf_surface_add_outline(surface_, chapter_id, m.title.c_str(), attrs.c_str(),
                                          static_cast<cairo_pdf_outline_flags_t>(0));
        }
      }
    }
  }

  std::vector<unsigned char>& blank_;
  const RenderInput& in_;
  const Book& book_;
  const Style& style_;
  TextContext text_;  ///< for running heads and front matter
  cairo_surface_t* surface_;
  cairo_t* cr_;
  Diagnostics& diag_;
  std::set<std::string> dests_;
};

}  // namespace

// The PDF's bytes go through this sink rather than cairo's own file stream, which drops
// the error of its final flush: on a full disk cairo reported success for a cut-off file.
struct PdfSink {
  std::FILE* file = nullptr;
  int error = 0;  ///< the first errno of a failed write
  static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length) {
    auto* sink = static_cast<PdfSink*>(closure);
    if (sink->error) return CAIRO_STATUS_WRITE_ERROR;
    if (std::fwrite(data, 1, length, sink->file) != length) {
      sink->error = errno ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
  }
  /// Flushes and closes; the first error, or 0.
  int close() {
    if (!file) return error;
    if (std::fflush(file) != 0 && !error) error = errno ? errno : EIO;
    if (std::fclose(file) != 0 && !error) error = errno ? errno : EIO;
    file = nullptr;
    return error;
  }
  ~PdfSink() { close(); }
};

bool render_pdf(const RenderInput& input, const std::filesystem::path& file, const std::filesystem::path& shown_as,
                Diagnostics& diagnostics) {
  const Style& style = *input.style;
  const SourceLocation where{shown_as.string(), 0, 0};
  PdfSink sink;
  sink.file = std::fopen(file.c_str(), "wb");
  if (!sink.file) {
    diagnostics.error(where, std::string("cannot write the PDF: ") + std::strerror(errno));
    return false;
  }
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(&PdfSink::write, &sink, style.page.width, style.page.height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    diagnostics.error(where,
                      std::string("cannot create PDF: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
    return false;
  }
  // One cleared buffer behind every JPEG figure surface, as large as the largest; cairo
  // keeps the surfaces until the document is finished, so it lives until then.
  size_t blank_size = 0;
  if (input.figures)
    for (const auto& f : *input.figures)
      if (f && f->format == ImageFormat::jpeg) blank_size = std::max(blank_size, blank_bytes_for(f->width, f->height));
  std::vector<unsigned char> blank(blank_size);
  {
    CairoPtr cr(cairo_create(surface.get()));
    Renderer(input, surface.get(), cr.get(), blank, diagnostics).run();
  }
  cairo_surface_finish(surface.get());
  cairo_status_t status = cairo_surface_status(surface.get());
  if (int error = sink.close()) {
    diagnostics.error(where, std::string("cannot write the PDF: ") + std::strerror(error));
    return false;
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    diagnostics.error(where, std::string("writing the PDF failed: ") + cairo_status_to_string(status));
    return false;
  }
  std::string error;
  if (!add_catalog_language(file, style.language, error)) {
    diagnostics.error(where, error);
    return false;
  }
  return true;
}

}  // namespace folio::pdf
