/* The C API from C: builds examples/meetup into files and buffers, reads a post from
 * memory, and checks statuses, chapters and diagnostics. Compiled as C (not C++) so
 * that folio.h is proven to be a C header.
 *
 *   test_capi MEETUP_DIR OUT_DIR */
#include <folio/folio.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                     \
    }                                                                 \
  } while (0)

struct seen {
  int warnings;
  int errors;
  char last[512]; /* the last warning or error */
};

static void on_diagnostic(void* user, folio_severity severity, const char* file, uint32_t line, uint32_t column,
                          const char* message, const char* formatted) {
  struct seen* s = (struct seen*)user;
  (void)file, (void)line, (void)column, (void)message;
  if (severity == FOLIO_WARNING) s->warnings++;
  if (severity == FOLIO_SEVERITY_ERROR) s->errors++;
  if (severity != FOLIO_NOTE) snprintf(s->last, sizeof s->last, "%s", formatted);
  fprintf(stderr, "%s\n", formatted);
}

static int write_bytes(const char* path, const unsigned char* data, size_t size) {
  FILE* f = fopen(path, "wb");
  if (!f) return 0;
  size_t n = fwrite(data, 1, size, f);
  return fclose(f) == 0 && n == size;
}

static int same_file_bytes(const char* path, const unsigned char* data, size_t size) {
  FILE* f = fopen(path, "rb");
  if (!f) return 0;
  int same = 1;
  for (size_t i = 0; i < size && same; ++i) same = fgetc(f) == data[i];
  same = same && fgetc(f) == EOF;
  fclose(f);
  return same;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_capi MEETUP_DIR OUT_DIR\n");
    return 2;
  }
  const char* meetup = argv[1];
  const char* out = argv[2];
  char path[4096];

  CHECK(strlen(folio_version()) >= 5);

  /* Bad arguments are refused, never crash. */
  CHECK(folio_config_add_path(NULL, "x") == FOLIO_USAGE);
  CHECK(folio_book_make(NULL, FOLIO_NOW, 0, NULL, NULL, NULL) == FOLIO_USAGE);
  folio_config* c = folio_config_new();
  CHECK(c != NULL);
  CHECK(folio_config_set(c, "no.such.key", "1") == FOLIO_USAGE);
  CHECK(folio_config_set(c, "pdf.font_size", "-3") == FOLIO_USAGE);
  CHECK(folio_config_set(c, "order", "sideways") == FOLIO_USAGE);
  CHECK(folio_config_set(c, "offline", "maybe") == FOLIO_USAGE);

  /* examples/meetup selected by tag, from its own folder, without fetching figures. */
  CHECK(folio_config_add_path(c, meetup) == FOLIO_OK);
  CHECK(folio_config_add_tag(c, "meetup") == FOLIO_OK);
  CHECK(folio_config_set(c, "order", "date-desc") == FOLIO_OK);
  CHECK(folio_config_set(c, "title", "C API 合集") == FOLIO_OK);
  struct seen seen = {0, 0, ""};
  folio_book* book = NULL;
  folio_status st = folio_book_make(c, FOLIO_NOW, 0, on_diagnostic, &seen, &book);
  CHECK(st == FOLIO_OK);
  CHECK(book != NULL);
  CHECK(strcmp(folio_book_title(book), "C API 合集") == 0);
  CHECK(strncmp(folio_book_language(book), "zh", 2) == 0);
  size_t n = folio_book_chapter_count(book);
  CHECK(n == 8);
  /* Newest first: date-desc took effect. */
  CHECK(n > 1 && strcmp(folio_book_chapter_date(book, 0), folio_book_chapter_date(book, n - 1)) > 0);
  CHECK(strstr(folio_book_chapter_title(book, 0), "2026") != NULL);
  CHECK(strstr(folio_book_chapter_path(book, 0), ".md") != NULL);
  CHECK(folio_book_chapter_title(book, n) == NULL);

  /* The same book to a file and to a buffer: the same bytes (SOURCE_DATE_EPOCH is set). */
  snprintf(path, sizeof path, "%s/meetup.epub", out);
  CHECK(folio_book_write_file(book, FOLIO_FORMAT_EPUB, path, on_diagnostic, &seen) == FOLIO_OK);
  unsigned char* data = NULL;
  size_t size = 0;
  CHECK(folio_book_write_buffer(book, FOLIO_FORMAT_EPUB, on_diagnostic, &seen, &data, &size) == FOLIO_OK);
  CHECK(size > 1000 && data && data[0] == 'P' && data[1] == 'K');
  CHECK(same_file_bytes(path, data, size));
  folio_free(data);

  data = NULL;
  CHECK(folio_book_write_buffer(book, FOLIO_FORMAT_PDF, on_diagnostic, &seen, &data, &size) == FOLIO_OK);
  CHECK(size > 1000 && data && memcmp(data, "%PDF-", 5) == 0);
  snprintf(path, sizeof path, "%s/meetup.pdf", out);
  CHECK(write_bytes(path, data, size));
  folio_free(data);

  /* A failed write reports an error and leaves nothing behind. */
  struct seen bad = {0, 0, ""};
  folio_status write_status = folio_book_write_file(book, FOLIO_FORMAT_EPUB, "/proc/folio-cannot-write.epub",
                                                    on_diagnostic, &bad);
  CHECK(write_status == FOLIO_ERROR);
  CHECK(bad.errors >= 1);
  folio_book_free(book);

  /* A post from memory, with a located diagnostic for a figure that is not there. */
  const char* post =
      "---\ntitle: 内存里的文章\ntags: [demo]\n---\n\n# 第一节\n\n正文 with `code`。\n\n![图](missing.png)\n";
  struct seen mem = {0, 0, ""};
  snprintf(path, sizeof path, "%s/memory/post.md", out);
  st = folio_book_from_markdown(post, strlen(post), path, c, 1, on_diagnostic, &mem, &book);
  CHECK(st == FOLIO_OK);
  CHECK(book && folio_book_chapter_count(book) == 1);
  CHECK(book && strcmp(folio_book_chapter_title(book, 0), "内存里的文章") == 0);
  CHECK(mem.warnings >= 1);
  CHECK(strstr(mem.last, "post.md:10:") != NULL); /* the figure's line in the text */
  snprintf(path, sizeof path, "%s/memory.epub", out);
  CHECK(folio_book_write_file(book, FOLIO_FORMAT_EPUB, path, NULL, NULL) == FOLIO_OK);
  folio_book_free(book);

  /* Nothing selected is an error, but still a book handle to free. */
  folio_config* none = folio_config_new();
  folio_config_add_path(none, meetup);
  folio_config_add_tag(none, "no-such-tag");
  struct seen empty = {0, 0, ""};
  book = NULL;
  CHECK(folio_book_make(none, FOLIO_NOW, 0, on_diagnostic, &empty, &book) == FOLIO_ERROR);
  CHECK(empty.errors >= 1);
  folio_book_free(book);
  folio_config_free(none);
  folio_config_free(c);

  printf("%s\n", failures ? "test_capi: FAILED" : "test_capi: ok");
  return failures ? 1 : 0;
}
