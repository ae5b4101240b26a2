// write_pdf: lay out the chapters (in parallel), paginate, plan the pages, lay out the
// contents with the real page numbers, and render through a temporary file.
#include <algorithm>
#include <atomic>
#include <clocale>
#include <cstdlib>
#include <ctime>
#include <locale.h>
#include <mutex>
#include <set>
#include <thread>

#include "folio/progress.hpp"
#include "base/atomic_file.hpp"
#include "base/option_checks.hpp"
#include "book_layout.hpp"
#include "dest_names.hpp"
#include "flow/collect.hpp"
#include "flow/distribute.hpp"
#include "folio/pdf.hpp"
#include "folio/version.hpp"
#include "font_families.hpp"
#include "pages/page_plan.hpp"
#include "pages/toc.hpp"
#include "render/pdf_renderer.hpp"
#include "render/prepare_figures.hpp"
#include "base/parallel_for.hpp"
#include "style.hpp"

namespace folio {

namespace {

using namespace folio::pdf;

/// cairo parses tag attributes with the thread's locale; numbers must read as "C" ones.
class CNumericLocale {
 public:
  CNumericLocale() : c_(newlocale(LC_NUMERIC_MASK, "C", static_cast<locale_t>(0))) {
    if (c_) previous_ = uselocale(c_);
  }
  ~CNumericLocale() {
    if (c_) {
      uselocale(previous_);
      freelocale(c_);
    }
  }
  CNumericLocale(const CNumericLocale&) = delete;
  CNumericLocale& operator=(const CNumericLocale&) = delete;

 private:
  locale_t c_;
  locale_t previous_ = static_cast<locale_t>(0);
};

std::string creation_date() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return {};
  char* end = nullptr;
  long long t = std::strtoll(epoch, &end, 10);
  if (*end) return {};
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

/// Lays out every chapter on `threads` threads, each with its own Pango font map.
std::vector<ChapterLayout> layout_chapters(const Book& book, const Style& style, Diagnostics& diag, int threads) {
  std::vector<ChapterLayout> out(book.chapters.size());
  std::atomic<size_t> next{0}, done{0}, pages{0};
  DistributeSettings ds;
  ds.page_height = style.text_height();
  ds.note_separator = style.line_pitch * 0.6;
  auto work = [&] {
    CNumericLocale c_locale;
    TextContext text(style.language, style.fonts.fontconfig.get());
    for (size_t i; (i = next.fetch_add(1)) < book.chapters.size();) {
      out[i].flow = collect_chapter(book, static_cast<int>(i), style, text, diag);
      out[i].pages = distribute(out[i].flow, ds);
      if (out[i].pages.empty()) out[i].pages.emplace_back();
      pages += out[i].pages.size();
      if (!report_progress(diag, ProgressEvent{Stage::layout, ++done, book.chapters.size(), 0, 0, pages})) break;
    }
  };
  int n = std::max(1, std::min<int>(threads, static_cast<int>(book.chapters.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return out;
}

std::vector<TocEntry> toc_entries(const Book& book, int toc_depth, const std::vector<ChapterLayout>& chapters,
                                  const PagePlan* plan) {
  std::vector<TocEntry> entries;
  auto label = [&](int chapter, int item) -> std::string {
    if (!plan) return "";
    const ChapterLayout& c = chapters[chapter];
    for (size_t p = 0; p < c.pages.size(); ++p)
      for (const Placement& pl : c.pages[p].body)
        if (pl.item == item) return plan->pages[plan->chapter_start[chapter] + p].label;
    return plan->pages[plan->chapter_start[chapter]].label;
  };
  int part = -1;
  for (size_t c = 0; c < chapters.size(); ++c) {
    const Chapter& ch = book.chapters[c];
    if (ch.part >= 0 && ch.part != part && size_t(ch.part) < book.parts.size()) {
      part = ch.part;
      entries.push_back({0, book.parts[part].title, part_dest(part), label(static_cast<int>(c), 0)});
    }
    entries.push_back({1, ch.post.title, chapter_dest(static_cast<int>(c)), label(static_cast<int>(c), 0)});
    for (const TocMark& m : chapters[c].flow.toc)
      if (m.level <= toc_depth)
        entries.push_back({m.level, m.title, m.dest, label(static_cast<int>(c), m.item)});
  }
  return entries;
}


}  // namespace

namespace pdf {

BookLayout layout_book(const Book& book, const PdfOptions& options, Diagnostics& diagnostics, int threads) {
  BookLayout layout;
  layout.handout = options.handout.value_or(book.chapters.size() == 1);
  std::string language = book.meta().language.empty() ? "zh-CN" : book.meta().language;
  FontFamilies fonts = font_families(book.config.fonts, language, diagnostics, book.config.base_dir);
  // Without a page size, handouts are A4 and books A5; a size that is given is kept for both.
  bool page_explicit = !options.page.empty();
  layout.style = make_style(options, layout.handout, page_explicit, language, fonts, diagnostics,
                            {book.config.file.string(), 0, 0});
  const Style& style = layout.style;
  layout.chapters = layout_chapters(book, style, diagnostics, threads);
  // A cancelled build left chapters unlaid: nothing after this may plan pages from them.
  if (build_cancelled(diagnostics)) return layout;

  bool book_mode = !layout.handout;
  PagePlanInput plan_input;
  plan_input.cover = book_mode;
  plan_input.title_page = book_mode;
  plan_input.two_sided = style.two_sided;
  for (const ChapterLayout& c : layout.chapters) plan_input.chapter_pages.push_back(static_cast<int>(c.pages.size()));
  // A part's title page comes before its first chapter (books only).
  for (size_t c = 0; c < book.chapters.size(); ++c) {
    const int part = book.chapters[c].part;
    const bool first = part >= 0 && size_t(part) < book.parts.size() && (c == 0 || book.chapters[c - 1].part != part);
    plan_input.part_before.push_back(book_mode && first ? part : -1);
  }

  layout.with_toc = book_mode && options.toc;
  if (!layout.with_toc) {
    layout.plan = plan_pages(plan_input);
    return layout;
  }
  TextContext text(style.language, style.fonts.fontconfig.get());
  DistributeSettings ds;
  ds.page_height = style.text_height();
  const std::string& heading = style.labels.contents;
  // First pass: how many pages the contents take. Numbers sit in a fixed column, so the
  // count does not change once the real numbers are in; the loop only guards that.
  ChapterLayout& toc = layout.toc;
  toc.flow = toc_flow(toc_entries(book, options.toc_depth, layout.chapters, nullptr), heading, style, text);
  toc.pages = distribute(toc.flow, ds);
  for (int pass = 0; pass < 3; ++pass) {
    plan_input.toc_pages = static_cast<int>(toc.pages.size());
    layout.plan = plan_pages(plan_input);
    toc.flow = toc_flow(toc_entries(book, options.toc_depth, layout.chapters, &layout.plan), heading, style, text);
    toc.pages = distribute(toc.flow, ds);
    if (static_cast<int>(toc.pages.size()) == plan_input.toc_pages) break;
  }
  return layout;
}

}  // namespace pdf

bool write_pdf(const Book& book, const std::filesystem::path& out, Diagnostics& diagnostics,
               WrittenFigures* written) {
  return write_pdf(book, book.config.pdf, out, diagnostics, written);
}

bool write_pdf(const Book& book, const PdfOptions& options, const std::filesystem::path& out,
               Diagnostics& diagnostics, WrittenFigures* written) {
  if (!check_options(options, diagnostics)) return false;
  CNumericLocale c_locale;
  if (book.chapters.empty()) {
    diagnostics.error({out.string(), 0, 0}, "no chapters to write into the PDF");
    return false;
  }
  // cairo 1.16's scaled fonts and their glyph caches are shared by the whole process and
  // are not safe under concurrent text layout (a rare SIGSEGV in cairo_scaled_font_glyph_extents
  // under pango_layout_get_iter, seen with two layout threads in test_capi and folio build).
  // So text is laid out and drawn on one thread, and one PDF at a time even when a host
  // runs several builds at once; figures are prepared outside the lock.
  static std::mutex cairo_text;
  std::unique_lock text_lock(cairo_text);
  pdf::BookLayout layout = pdf::layout_book(book, options, diagnostics, 1);
  text_lock.unlock();
  if (build_cancelled(diagnostics)) return false;

  pdf::RenderInput input;
  input.book = &book;
  input.style = &layout.style;
  input.chapters = &layout.chapters;
  input.toc = layout.with_toc ? &layout.toc : nullptr;
  input.plan = layout.plan;
  input.creation_date = creation_date();
  input.creator = std::string("folio ") + FOLIO_VERSION;
  std::vector<std::optional<pdf::FigureFile>> figures =
      pdf::prepare_figures(book, layout.chapters, layout.style, diagnostics, int(cpu_threads()));
  input.figures = &figures;
  std::set<int> placeholders;
  input.placeholders = &placeholders;

  std::error_code ec;
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path(), ec);
  AtomicFile file(out);
  text_lock.lock();
  bool rendered = pdf::render_pdf(input, file.temp_path(), out, diagnostics);
  text_lock.unlock();
  if (!rendered || build_cancelled(diagnostics)) return false;
  if (written) {
    for (size_t i = 0; i < book.figures.size(); ++i)
      if (!book.figures[i].ok) placeholders.insert(int(i));
    written->placeholders = placeholders.size();
    written->embedded = book.figures.size() - placeholders.size();
  }
  std::string error;
  if (!file.commit(&error)) {
    diagnostics.error({out.string(), 0, 0}, "cannot write the PDF: " + error);
    return false;
  }
  return true;
}

}  // namespace folio
