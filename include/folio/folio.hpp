// libfolio: compile Hugo-style Markdown posts into EPUB 3 and PDF books.
//
// The pipeline, one function a stage (each takes a Diagnostics sink; none keeps global state):
//   load_book_config  book.yaml              -> BookConfig
//   collect_posts     PATHS                  -> Collection (posts with front matter)
//   select_posts      Collection             -> BookPlan (chapters in order, parts)
//   read_book         BookPlan               -> Book (Documents, links resolved)
//   resolve_figures   Book                   -> Book with figures fetched and checked
//   write_epub / write_pdf
// make_book() runs the front half in one call.
#pragma once

#include "folio/export.hpp"
#include "folio/book.hpp"
#include "folio/build_cache.hpp"
#include "folio/config.hpp"
#include "folio/content.hpp"
#include "folio/diagnostics.hpp"
#include "folio/document.hpp"
#include "folio/epub.hpp"
#include "folio/figures.hpp"
#include "folio/fonts.hpp"
#include "folio/markdown.hpp"
#include "folio/pdf.hpp"
#include "folio/post.hpp"
#include "folio/progress.hpp"
#include "folio/value.hpp"
#include "folio/version.hpp"

namespace folio {
FOLIO_API_BEGIN

/// Runs collect_posts, select_posts, complete_metadata, read_book and, when
/// `with_figures`, resolve_figures. `now_unix` decides future and expired posts
/// (pass SOURCE_DATE_EPOCH or the clock).
Book make_book(BookConfig config, int64_t now_unix, Diagnostics& diagnostics, bool with_figures = true);

/// The book-level facts every writer reads, settled once after read_book: the language,
/// then each code block's language, guess and tokens (book.yaml `code:` over the site's
/// markup.highlight). make_book() calls it; a program that runs the stages itself must too.
void settle_book(Book& book, const Collection& collection, Diagnostics& diagnostics);

FOLIO_API_END
}  // namespace folio
