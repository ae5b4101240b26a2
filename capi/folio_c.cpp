// The C API (include/folio/folio.h) over the C++ pipeline: handles own C++ values,
// every entry point catches everything, diagnostics go to the caller's callback.
#include "folio/folio.h"

#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>
#include <string>
#include <vector>

#include "content/post_reader.hpp"
#include "folio/folio.hpp"

namespace fs = std::filesystem;

struct folio_config {
  folio::BookConfig config;
  bool paths_given = false;  ///< the first add_path replaces the default content "."
};

struct folio_book {
  folio::Book book;
  std::vector<std::string> chapter_paths;  ///< kept so the C strings outlive the call
  std::vector<std::string> chapter_dates;
};

namespace {

/// A Diagnostics sink that forwards each report to the C callback.
folio::Diagnostics::Handler forward_to(folio_diagnostic_fn fn, void* user) {
  if (!fn) return {};
  return [fn, user](const folio::Diagnostic& d) {
    std::string formatted = d.format();
    fn(user, static_cast<folio_severity>(d.severity), d.where.file.c_str(), d.where.line, d.where.column,
       d.message.c_str(), formatted.c_str());
  };
}

/// Runs `body`, turning any exception into a status: nothing may unwind into C.
template <class F>
folio_status guarded(F&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return FOLIO_NO_MEMORY;
  } catch (...) {
    return FOLIO_INTERNAL;
  }
}

int64_t resolve_now(int64_t now_unix) {
  if (now_unix != FOLIO_NOW) return now_unix;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    int64_t v = 0;
    auto [end, ec] = std::from_chars(epoch, epoch + std::strlen(epoch), v);
    if (ec == std::errc() && *end == '\0') return v;
  }
  return static_cast<int64_t>(std::time(nullptr));
}

std::optional<bool> parse_bool(const char* v) {
  std::string s = v;
  if (s == "true" || s == "1" || s == "yes") return true;
  if (s == "false" || s == "0" || s == "no") return false;
  return std::nullopt;
}

folio_book* wrap(folio::Book&& book) {
  auto* handle = new folio_book{std::move(book), {}, {}};
  for (const auto& chapter : handle->book.chapters) {
    handle->chapter_paths.push_back(chapter.post.display_path);
    handle->chapter_dates.push_back(chapter.post.date ? chapter.post.date->ymd() : std::string());
  }
  return handle;
}

folio_status status_of(const folio::Diagnostics& diagnostics) {
  return diagnostics.error_count() ? FOLIO_ERROR : FOLIO_OK;
}

/// Writes to a file, the one thing both writers do; `out` is where.
bool write_book(const folio::Book& book, folio_format format, const fs::path& out, folio::Diagnostics& diagnostics) {
  return format == FOLIO_FORMAT_PDF ? folio::write_pdf(book, out, diagnostics)
                                    : folio::write_epub(book, out, diagnostics);
}

}  // namespace

extern "C" {

const char* folio_version(void) { return folio::version(); }

folio_config* folio_config_new(void) {
  try {
    auto* c = new folio_config;
    c->config.base_dir = fs::current_path();
    return c;
  } catch (...) {
    return nullptr;
  }
}

folio_status folio_config_load(const char* book_yaml, folio_diagnostic_fn on_diagnostic, void* user,
                               folio_config** out) {
  if (!book_yaml || !out) return FOLIO_USAGE;
  *out = nullptr;
  return guarded([&] {
    folio::Diagnostics diagnostics(forward_to(on_diagnostic, user));
    auto loaded = folio::load_book_config(fs::absolute(book_yaml), diagnostics);
    if (!loaded || diagnostics.error_count()) return FOLIO_ERROR;
    auto* c = new folio_config{std::move(*loaded), false};
    c->paths_given = !c->config.content.empty();
    if (c->config.content.empty()) c->config.content.push_back(c->config.base_dir.string());
    *out = c;
    return FOLIO_OK;
  });
}

void folio_config_free(folio_config* config) { delete config; }

folio_status folio_config_add_path(folio_config* config, const char* path) {
  if (!config || !path || !*path) return FOLIO_USAGE;
  return guarded([&] {
    if (!config->paths_given) config->config.content.clear();
    config->paths_given = true;
    config->config.content.push_back(fs::absolute(path).lexically_normal().string());
    return FOLIO_OK;
  });
}

folio_status folio_config_add_tag(folio_config* config, const char* tag) {
  if (!config || !tag || !*tag) return FOLIO_USAGE;
  return guarded([&] {
    config->config.select.tags.emplace_back(tag);
    return FOLIO_OK;
  });
}

folio_status folio_config_set(folio_config* config, const char* key, const char* value) {
  if (!config || !key || !value) return FOLIO_USAGE;
  return guarded([&] {
    folio::BookConfig& c = config->config;
    std::string k = key;
    std::string v = value;
    auto flag = [&](bool& field) {
      auto b = parse_bool(value);
      if (!b) return FOLIO_USAGE;
      field = *b;
      return FOLIO_OK;
    };
    if (k == "title") c.meta.title = v;
    else if (k == "subtitle") c.meta.subtitle = v;
    else if (k == "language") c.meta.language = v;
    else if (k == "author") c.meta.authors.push_back(v);
    else if (k == "cache") c.figures.cache_dir = fs::absolute(v);
    else if (k == "offline") return flag(c.figures.offline);
    else if (k == "strict") return flag(c.strict);
    else if (k == "drafts") return flag(c.select.drafts);
    else if (k == "handout") {
      auto b = parse_bool(value);
      if (!b) return FOLIO_USAGE;
      c.pdf.handout = *b;
    } else if (k == "order") {
      static const std::pair<const char*, folio::Order> orders[] = {
          {"date", folio::Order::date},   {"date-desc", folio::Order::date_desc}, {"weight", folio::Order::weight},
          {"title", folio::Order::title}, {"path", folio::Order::path}};
      for (const auto& [name, order] : orders)
        if (v == name) {
          c.order = order;
          return FOLIO_OK;
        }
      return FOLIO_USAGE;
    } else if (k == "pdf.page") {
      c.pdf.page = v;
    } else if (k == "pdf.font_size") {
      char* end = nullptr;
      double size = std::strtod(value, &end);
      // The same range as the --font-size flag.
      if (end == value || *end || !(size >= 5 && size <= 30)) return FOLIO_USAGE;
      c.pdf.font_size_pt = size;
    } else {
      return FOLIO_USAGE;
    }
    return FOLIO_OK;
  });
}

folio_status folio_book_make(const folio_config* config, int64_t now_unix, int with_figures,
                             folio_diagnostic_fn on_diagnostic, void* user, folio_book** out) {
  if (!config || !out) return FOLIO_USAGE;
  *out = nullptr;
  return guarded([&] {
    folio::Diagnostics diagnostics(forward_to(on_diagnostic, user));
    diagnostics.set_strict(config->config.strict);
    folio::Book book = folio::make_book(config->config, resolve_now(now_unix), diagnostics, with_figures != 0);
    if (book.chapters.empty() && !diagnostics.error_count()) diagnostics.error({}, "no post selected");
    *out = wrap(std::move(book));
    return status_of(diagnostics);
  });
}

folio_status folio_book_from_markdown(const char* markdown, size_t size, const char* virtual_path,
                                      const folio_config* config, int with_figures,
                                      folio_diagnostic_fn on_diagnostic, void* user, folio_book** out) {
  if (!markdown || !virtual_path || !*virtual_path || !out) return FOLIO_USAGE;
  *out = nullptr;
  return guarded([&] {
    folio::Diagnostics diagnostics(forward_to(on_diagnostic, user));
    folio::BookConfig book_config = config ? config->config : folio::BookConfig{};
    if (book_config.base_dir.empty()) book_config.base_dir = fs::current_path();
    diagnostics.set_strict(book_config.strict);

    fs::path file = fs::absolute(virtual_path).lexically_normal();
    folio::content::PostSource source;
    source.file = file;
    source.display_path = virtual_path;
    source.content_dir = file.parent_path();
    source.rel_path = file.filename().string();
    auto post = folio::content::read_post_text(source, std::string_view(markdown, size), {}, diagnostics);
    if (!post) return FOLIO_ERROR;

    folio::Collection collection;
    folio::ContentRoot root;
    root.content_dir = source.content_dir;
    collection.roots.push_back(std::move(root));
    collection.posts.push_back(std::move(*post));
    folio::BookPlan plan;
    plan.chapters.push_back({&collection.posts.front(), -1});
    folio::complete_metadata(book_config, collection, plan);
    folio::Book book = folio::read_book(book_config, collection, plan, diagnostics);
    folio::settle_book(book, collection, diagnostics);
    if (with_figures) folio::resolve_figures(book, collection, diagnostics);
    *out = wrap(std::move(book));
    return status_of(diagnostics);
  });
}

void folio_book_free(folio_book* book) { delete book; }

const char* folio_book_title(const folio_book* book) { return book ? book->book.meta().title.c_str() : nullptr; }

const char* folio_book_language(const folio_book* book) {
  return book ? book->book.meta().language.c_str() : nullptr;
}

size_t folio_book_chapter_count(const folio_book* book) { return book ? book->book.chapters.size() : 0; }

const char* folio_book_chapter_title(const folio_book* book, size_t index) {
  if (!book || index >= book->book.chapters.size()) return nullptr;
  return book->book.chapters[index].post.title.c_str();
}

const char* folio_book_chapter_path(const folio_book* book, size_t index) {
  if (!book || index >= book->chapter_paths.size()) return nullptr;
  return book->chapter_paths[index].c_str();
}

const char* folio_book_chapter_date(const folio_book* book, size_t index) {
  if (!book || index >= book->chapter_dates.size()) return nullptr;
  return book->chapter_dates[index].c_str();
}

folio_status folio_book_write_file(const folio_book* book, folio_format format, const char* path,
                                   folio_diagnostic_fn on_diagnostic, void* user) {
  if (!book || !path || !*path || (format != FOLIO_FORMAT_EPUB && format != FOLIO_FORMAT_PDF)) return FOLIO_USAGE;
  return guarded([&] {
    folio::Diagnostics diagnostics(forward_to(on_diagnostic, user));
    diagnostics.set_strict(book->book.config.strict);
    if (!write_book(book->book, format, fs::absolute(path), diagnostics)) return FOLIO_ERROR;
    return status_of(diagnostics);
  });
}

folio_status folio_book_write_buffer(const folio_book* book, folio_format format, folio_diagnostic_fn on_diagnostic,
                                     void* user, unsigned char** data, size_t* size) {
  if (!book || !data || !size || (format != FOLIO_FORMAT_EPUB && format != FOLIO_FORMAT_PDF)) return FOLIO_USAGE;
  *data = nullptr;
  *size = 0;
  return guarded([&] {
    folio::Diagnostics diagnostics(forward_to(on_diagnostic, user));
    diagnostics.set_strict(book->book.config.strict);
    // The writers stream to a file (the PDF through cairo's file surface); a private
    // temporary folder keeps that file out of everyone's way and is removed at once.
    std::string templ = (fs::temp_directory_path() / "folio-buffer-XXXXXX").string();
    if (!mkdtemp(templ.data())) {
      diagnostics.error({}, "cannot make a temporary folder: " + std::string(std::strerror(errno)));
      return FOLIO_ERROR;
    }
    fs::path dir = templ;
    fs::path file = dir / (format == FOLIO_FORMAT_PDF ? "book.pdf" : "book.epub");
    struct Cleanup {
      fs::path dir;
      ~Cleanup() {
        std::error_code ec;
        fs::remove_all(dir, ec);
      }
    } cleanup{dir};
    if (!write_book(book->book, format, file, diagnostics)) return FOLIO_ERROR;
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) return FOLIO_ERROR;
    auto* buffer = static_cast<unsigned char*>(std::malloc(bytes.size() ? bytes.size() : 1));
    if (!buffer) return FOLIO_NO_MEMORY;
    std::memcpy(buffer, bytes.data(), bytes.size());
    *data = buffer;
    *size = bytes.size();
    return status_of(diagnostics);
  });
}

void folio_free(void* data) { std::free(data); }

}  // extern "C"
