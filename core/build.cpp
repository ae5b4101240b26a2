// make_book: the front half of the pipeline in one call.
#include "folio/folio.hpp"

namespace folio {

void settle_book(Book& book, const Collection& collection, Diagnostics& diagnostics) {
  // Every writer and the font roles need the same language; detect it once.
  book.config.meta.language = book_language(book);
  // Code languages, guesses, tokens and colours, from book.yaml and the site's markup.highlight.
  const Value* site_highlight = nullptr;
  for (const auto& root : collection.roots)
    if (root.site && !site_highlight)
      if (const Value* markup = root.site->raw.find("markup")) site_highlight = markup->find("highlight");
  highlight_book(book, site_highlight, diagnostics);
}

Book make_book(BookConfig config, int64_t now_unix, Diagnostics& diagnostics, bool with_figures) {
  report_progress(diagnostics, ProgressEvent{Stage::scanning, 0, 0, 0, 0, 0});
  Collection collection = collect_posts(config, diagnostics);
  report_progress(diagnostics, ProgressEvent{Stage::scanning, collection.posts.size(), collection.posts.size(), 0, 0, 0});
  BookPlan plan = select_posts(collection, config, now_unix, diagnostics);
  complete_metadata(config, collection, plan);
  Book book = read_book(config, collection, plan, diagnostics);
  settle_book(book, collection, diagnostics);
  if (with_figures && !build_cancelled(diagnostics)) resolve_figures(book, collection, diagnostics);
  return book;
}

}  // namespace folio
