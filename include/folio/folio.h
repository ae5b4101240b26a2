/* libfolio's C API: build EPUB 3 and PDF books from Hugo-style Markdown posts.
 *
 * For programs that cannot use the C++ API (Go through cgo, Python through ctypes,
 * anything with a C FFI). Plain C types and opaque handles only; no C++ exception
 * ever crosses it. Every call that can fail returns a folio_status; what went wrong
 * in the content (with file, line and column) reaches the diagnostics callback.
 *
 * A typical build:
 *
 *     folio_config* c = folio_config_new();
 *     folio_config_add_path(c, "site");
 *     folio_config_add_tag(c, "meetup");
 *     folio_book* b = NULL;
 *     if (folio_book_make(c, FOLIO_NOW, 1, print_diagnostic, NULL, &b) == FOLIO_OK)
 *       folio_book_write_file(b, FOLIO_FORMAT_EPUB, "meetup.epub", print_diagnostic, NULL);
 *     folio_book_free(b);
 *     folio_config_free(c);
 *
 * Handles are not shared between threads while a call on them runs; separate
 * handles may be used from separate threads at once (the library keeps no global
 * mutable state). Strings are UTF-8, NUL-terminated; strings the library returns
 * belong to the handle they came from and live as long as it does.
 *
 * ABI policy: the functions and enums here only grow. While the version is 0.x a
 * minor release may change them, and the soname (libfolio.so.0.MINOR) says so; from
 * 1.0 on, the soname changes only with the major version. */
#ifndef FOLIO_FOLIO_H
#define FOLIO_FOLIO_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define FOLIO_C_API __declspec(dllexport)
#else
#define FOLIO_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** What a call returns. */
typedef enum folio_status {
  FOLIO_OK = 0,         /**< done */
  FOLIO_ERROR = 1,      /**< the build reported errors (see the diagnostics) */
  FOLIO_USAGE = 2,      /**< a bad argument: NULL handle, unknown key, bad value */
  FOLIO_NO_MEMORY = 3,  /**< out of memory */
  FOLIO_INTERNAL = 4    /**< a fault inside folio (a bug: please report it) */
} folio_status;

/** How bad a diagnostic is (as folio::Severity). */
typedef enum folio_severity { FOLIO_NOTE = 0, FOLIO_WARNING = 1, FOLIO_SEVERITY_ERROR = 2 } folio_severity;

/** Output formats. */
typedef enum folio_format { FOLIO_FORMAT_EPUB = 0, FOLIO_FORMAT_PDF = 1 } folio_format;

/** Pass as `now_unix` to take SOURCE_DATE_EPOCH when set, else the clock. */
#define FOLIO_NOW INT64_MIN

/** Called once for each diagnostic, on the calling thread or on one of folio's
 * worker threads (never two at once). `file` is "" and `line`/`column` 0 when unknown.
 * `formatted` is the whole `file:line:col: severity: message` line. */
typedef void (*folio_diagnostic_fn)(void* user, folio_severity severity, const char* file, uint32_t line,
                                    uint32_t column, const char* message, const char* formatted);

typedef struct folio_config folio_config; /**< what to build: book.yaml and overrides */
typedef struct folio_book folio_book;     /**< a read book, ready to write (any number of times) */

/** The library's version, "MAJOR.MINOR.PATCH". */
FOLIO_C_API const char* folio_version(void);

/** A configuration with every default (content "."; no book.yaml). NULL without memory. */
FOLIO_C_API folio_config* folio_config_new(void);
/** Reads book.yaml into *out (relative paths in it are taken from its folder).
 * FOLIO_ERROR, with diagnostics, when it cannot be used. */
FOLIO_C_API folio_status folio_config_load(const char* book_yaml, folio_diagnostic_fn on_diagnostic, void* user,
                                           folio_config** out);
FOLIO_C_API void folio_config_free(folio_config* config);

/** Adds a site root, content folder or Markdown file (the first call replaces the
 * default "."). Relative paths are taken from the working folder. */
FOLIO_C_API folio_status folio_config_add_path(folio_config* config, const char* path);
/** Selects posts with this tag (any of the tags added). */
FOLIO_C_API folio_status folio_config_add_tag(folio_config* config, const char* tag);
/** Sets one option by its book.yaml name. Keys: "title", "subtitle", "language",
 * "author" (adds one), "order" (date|date-desc|weight|title|path), "cache" (figure
 * cache folder), "offline" and "strict" and "handout" and "drafts" ("true"/"false"),
 * "pdf.page" (A4, A5, ...), "pdf.font_size" (points). FOLIO_USAGE for an unknown key
 * or a value out of range. */
FOLIO_C_API folio_status folio_config_set(folio_config* config, const char* key, const char* value);

/** Scans, selects, reads and (when `with_figures`) fetches the figures of the book
 * that `config` describes. On FOLIO_OK or FOLIO_ERROR *out is a book that can be
 * written (FOLIO_ERROR means errors were reported, e.g. no post selected); free it
 * with folio_book_free. `now_unix` decides future and expired posts. */
FOLIO_C_API folio_status folio_book_make(const folio_config* config, int64_t now_unix, int with_figures,
                                         folio_diagnostic_fn on_diagnostic, void* user, folio_book** out);
/** A book of one post given as text (front matter and Markdown), as if read from
 * `virtual_path` (used in diagnostics; relative figure paths are taken from its
 * folder). Figures are fetched when `with_figures`. */
FOLIO_C_API folio_status folio_book_from_markdown(const char* markdown, size_t size, const char* virtual_path,
                                                  const folio_config* config, int with_figures,
                                                  folio_diagnostic_fn on_diagnostic, void* user,
                                                  folio_book** out);
FOLIO_C_API void folio_book_free(folio_book* book);

FOLIO_C_API const char* folio_book_title(const folio_book* book);
FOLIO_C_API const char* folio_book_language(const folio_book* book); /**< BCP 47 */
FOLIO_C_API size_t folio_book_chapter_count(const folio_book* book);
/** The chapter's title, or NULL past the end. */
FOLIO_C_API const char* folio_book_chapter_title(const folio_book* book, size_t index);
/** The chapter's source file, or NULL past the end. */
FOLIO_C_API const char* folio_book_chapter_path(const folio_book* book, size_t index);
/** The chapter's date as YYYY-MM-DD, "" when it has none, NULL past the end. */
FOLIO_C_API const char* folio_book_chapter_date(const folio_book* book, size_t index);

/** Writes the book to `path` (through a temporary file; nothing is left at `path`
 * on failure). */
FOLIO_C_API folio_status folio_book_write_file(const folio_book* book, folio_format format, const char* path,
                                               folio_diagnostic_fn on_diagnostic, void* user);
/** Writes the book into memory: *data (free with folio_free) and *size. */
FOLIO_C_API folio_status folio_book_write_buffer(const folio_book* book, folio_format format,
                                                 folio_diagnostic_fn on_diagnostic, void* user,
                                                 unsigned char** data, size_t* size);
/** Frees memory that folio_book_write_buffer returned. */
FOLIO_C_API void folio_free(void* data);

#ifdef __cplusplus
}
#endif
#endif /* FOLIO_FOLIO_H */
