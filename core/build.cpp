// make_book: the front half of the pipeline in one call.
#include "folio/folio.hpp"

namespace folio {

Book make_book(BookConfig config, int64_t now_unix, Diagnostics& diagnostics, bool with_figures) {
  report_progress(diagnostics, ProgressEvent{Stage::scanning, 0, 0, 0, 0, 0});
  Collection collection = collect_posts(config, diagnostics);
  report_progress(diagnostics, ProgressEvent{Stage::scanning, collection.posts.size(), collection.posts.size(), 0, 0, 0});
  BookPlan plan = select_posts(collection, config, now_unix, diagnostics);
  complete_metadata(config, collection, plan);
  Book book = read_book(config, collection, plan, diagnostics);
  // Every writer and the font roles need the same language; detect it once.
  book.config.meta.language = book_language(book);
  if (with_figures && !build_cancelled(diagnostics)) resolve_figures(book, collection, diagnostics);
  return book;
}

}  // namespace folio
