// libFuzzer: a one-post book written to EPUB (every XHTML entry checked well-formed with
// libxml2) or laid out and rendered to PDF (FOLIO_FUZZ_PDF). The input is the post file.
#include <libxml/parser.h>
#include <unistd.h>
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "folio/folio.hpp"

namespace fs = std::filesystem;

namespace {

// Aborts (a finding for libFuzzer) when an XHTML, OPF or NCX entry is not well-formed XML.
void check_well_formed(const fs::path& epub) {
  int err = 0;
  zip_t* zip = zip_open(epub.c_str(), ZIP_RDONLY, &err);
  if (!zip) return;
  zip_int64_t n = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    std::string name = zip_get_name(zip, zip_uint64_t(i), 0);
    if (!name.ends_with(".xhtml") && !name.ends_with(".opf") && !name.ends_with(".ncx")) continue;
    zip_stat_t st;
    zip_stat_index(zip, zip_uint64_t(i), 0, &st);
    std::string bytes(size_t(st.size), '\0');
    zip_file_t* f = zip_fopen_index(zip, zip_uint64_t(i), 0);
    zip_fread(f, bytes.data(), st.size);
    zip_fclose(f);
    xmlDoc* doc = xmlReadMemory(bytes.data(), int(bytes.size()), name.c_str(), nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
      std::fprintf(stderr, "not well-formed: %s\n", name.c_str());
      std::abort();
    }
    xmlFreeDoc(doc);
  }
  zip_close(zip);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const fs::path site = [] {
    fs::path dir = fs::temp_directory_path() / ("folio-fuzz-site-" + std::to_string(::getpid()));
    fs::create_directories(dir / "content/posts");
    return dir;
  }();
  {
    std::ofstream out(site / "content/posts/a.md", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
  }
  folio::BookConfig config;
  config.base_dir = site;
  config.content = {site.string()};
  config.select.drafts = config.select.future = config.select.expired = true;
  config.figures.offline = true;
  folio::Diagnostics sink;
  folio::Book book = folio::make_book(std::move(config), 1700000000, sink, false);
  if (book.chapters.empty()) return 0;
#ifdef FOLIO_FUZZ_PDF
  folio::write_pdf(book, site / "book.pdf", sink);
#else
  if (folio::write_epub(book, site / "book.epub", sink)) check_well_formed(site / "book.epub");
#endif
  return 0;
}
