// content.opf: Dublin Core and accessibility metadata, manifest, spine.
#include "package.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "base/hash.hpp"
#include "base/document_text.hpp"
#include "base/labels.hpp"
#include "xhtml_writer.hpp"

namespace folio::epub {

namespace {

std::string iso_utc(int64_t unix_seconds, bool with_time) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  if (with_time) std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  else std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::optional<Date> newest_post_date(const Book& book) {
  std::optional<Date> newest;
  for (const auto& c : book.chapters)
    if (c.post.date && (!newest || *c.post.date > *newest)) newest = c.post.date;
  return newest;
}

// An ISBN as written ("978-7-115-12345-6"): digits (and a final X) only, 10 or 13 of them.
std::optional<std::string> isbn_digits(std::string_view s) {
  if (s.rfind("isbn:", 0) == 0 || s.rfind("ISBN:", 0) == 0) s.remove_prefix(5);
  else if (s.rfind("ISBN ", 0) == 0) s.remove_prefix(5);
  std::string digits;
  for (char c : s) {
    if (c >= '0' && c <= '9') digits += c;
    else if ((c == 'X' || c == 'x') && digits.size() == 9) digits += 'X';
    else if (c != '-' && c != ' ') return std::nullopt;
  }
  if (digits.size() == 10 || digits.size() == 13) return digits;
  return std::nullopt;
}

}  // namespace

std::string name_based_uuid(const std::string& name) {
  std::string hex = sha256_hex(name).substr(0, 32);
  // Version nibble 8 (custom, the name-based SHA-256 form of RFC 9562 appendix B.2);
  // variant bits 10.
  hex[12] = '8';
  static const char* variant = "89ab";
  int v = std::stoi(hex.substr(16, 1), nullptr, 16);
  hex[16] = variant[v & 3];
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

std::string book_identifier(const Book& book) {
  const std::string& given = book.meta().identifier;
  if (!given.empty()) {
    if (given.rfind("urn:", 0) == 0) return given;
    if (auto digits = isbn_digits(given)) return "urn:isbn:" + *digits;
    return given;
  }
  std::string name = "folio-book\n" + book.meta().title + '\n';
  for (const auto& c : book.chapters) {
    name += c.post.rel_path;
    name += '\n';
    name += document_text(c.document, true);
    name += '\x1e';
  }
  return name_based_uuid(name);
}

std::optional<int64_t> source_date_epoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  char* end = nullptr;
  long long v = std::strtoll(value, &end, 10);
  if (!end || *end != '\0') return std::nullopt;
  return int64_t(v);
}

std::string modified_timestamp(const Book& book, std::optional<int64_t> epoch) {
  if (epoch) return iso_utc(*epoch, true);
  if (auto newest = newest_post_date(book)) return iso_utc(newest->unix_seconds, true);
  if (book.meta().date) return iso_utc(book.meta().date->unix_seconds, true);
  return iso_utc(0, true);
}

std::string publication_date(const Book& book) {
  if (book.meta().date) return book.meta().date->ymd();
  if (auto newest = newest_post_date(book)) return newest->ymd();
  return "";
}

std::string accessibility_summary(const PackageInfo& info) {
  std::string s = "Reflowable text in reading order, with headings and a table of contents";
  if (info.has_footnotes) s += ", footnotes as links to the note and back";
  if (info.has_tables) s += ", tables with header rows";
  s += ".";
  if (info.has_images) {
    size_t n = std::max(info.image_count, size_t(1));
    size_t missing = info.images_without_alt;
    if (missing == 0 && info.alt_text_complete) {
      s += " Every image (" + std::to_string(n) + ") has a text alternative.";
    } else {
      s += " Limit: " + std::to_string(missing) + " of " + std::to_string(n) +
           " images have no text alternative beyond a generic word such as \"image\" or a file name;"
           " their content is available only visually.";
    }
  }
  return s;
}

std::string render_package(const Book& book, const PackageInfo& info) {
  const BookMetadata& meta = book.meta();
  XmlWriter w;
  w.declaration();
  w.open("package", {{"xmlns", "http://www.idpf.org/2007/opf"},
                     {"version", "3.0"},
                     {"unique-identifier", "book-id"},
                     {"xml:lang", info.language},
                     {"prefix", "schema: http://schema.org/"}});
  w.newline();
  w.open("metadata", {{"xmlns:dc", "http://purl.org/dc/elements/1.1/"}});
  w.newline();
  auto line = [&](std::string_view name, std::string_view text, std::initializer_list<XmlAttribute> attrs = {}) {
    w.raw("  ");
    w.element(name, text, attrs);
    w.newline();
  };
  auto meta_property = [&](std::string_view property, std::string_view text, std::string_view refines = {}) {
    w.raw("  ");
    if (refines.empty()) w.element("meta", text, {{"property", property}});
    else w.element("meta", text, {{"refines", refines}, {"property", property}});
    w.newline();
  };
  line("dc:identifier", info.identifier, {{"id", "book-id"}});
  line("dc:title", meta.title.empty() ? labels_for(info.language).untitled : meta.title, {{"id", "title"}});
  meta_property("title-type", "main", "#title");
  if (!meta.subtitle.empty()) {
    line("dc:title", meta.subtitle, {{"id", "subtitle"}});
    meta_property("title-type", "subtitle", "#subtitle");
  }
  for (size_t i = 0; i < meta.authors.size(); ++i) {
    std::string id = "creator-" + std::to_string(i + 1);
    line("dc:creator", meta.authors[i], {{"id", id}});
    meta_property("role", "aut", "#" + id);
  }
  line("dc:language", info.language);
  if (!info.date.empty()) line("dc:date", info.date);
  meta_property("dcterms:modified", info.modified);
  if (!meta.description.empty()) line("dc:description", meta.description);
  if (!meta.publisher.empty()) line("dc:publisher", meta.publisher);
  if (!meta.rights.empty()) line("dc:rights", meta.rights);
  // Subjects: every tag of the chapters, once, in order of first use.
  std::vector<std::string> subjects;
  for (const auto& c : book.chapters)
    for (const auto& tag : c.post.tags)
      if (std::find(subjects.begin(), subjects.end(), tag) == subjects.end()) subjects.push_back(tag);
  for (const auto& s : subjects) line("dc:subject", s);

  // Accessibility: only what is true of this book, computed from its content.
  const bool complete = info.alt_text_complete && info.images_without_alt == 0;
  meta_property("schema:accessMode", "textual");
  if (info.has_images) meta_property("schema:accessMode", "visual");
  if (!info.has_images || complete) meta_property("schema:accessModeSufficient", "textual");
  if (info.has_images) meta_property("schema:accessModeSufficient", "textual,visual");
  meta_property("schema:accessibilityFeature", "structuralNavigation");
  meta_property("schema:accessibilityFeature", "tableOfContents");
  meta_property("schema:accessibilityFeature", "readingOrder");
  meta_property("schema:accessibilityFeature", "displayTransformability");
  if (info.has_images && complete) meta_property("schema:accessibilityFeature", "alternativeText");
  if (info.has_ruby) meta_property("schema:accessibilityFeature", "rubyAnnotations");
  meta_property("schema:accessibilityHazard", "none");
  meta_property("schema:accessibilitySummary", accessibility_summary(info));
  if (info.accessibility_checks_pass && complete)
    meta_property("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
  for (const auto& item : info.items)
    if (item.properties.find("cover-image") != std::string::npos) {
      w.raw("  ");
      w.empty("meta", {{"name", "cover"}, {"content", item.id}});
      w.newline();
      break;
    }
  w.close();
  w.newline();

  w.open("manifest");
  w.newline();
  for (const auto& item : info.items) {
    std::vector<XmlAttribute> attrs{{"id", item.id}, {"href", item.href}, {"media-type", item.media_type}};
    if (!item.properties.empty()) attrs.push_back({"properties", item.properties});
    w.raw("  ");
    w.empty("item", attrs);
    w.newline();
  }
  w.close();
  w.newline();
  std::string ncx_id;
  for (const auto& item : info.items)
    if (item.media_type == "application/x-dtbncx+xml") ncx_id = item.id;
  if (ncx_id.empty()) w.open("spine");
  else w.open("spine", {{"toc", ncx_id}});
  w.newline();
  for (const auto& item : info.items) {
    if (!item.in_spine) continue;
    w.raw("  ");
    if (item.linear) w.empty("itemref", {{"idref", item.id}});
    else w.empty("itemref", {{"idref", item.id}, {"linear", "no"}});
    w.newline();
  }
  w.close();
  w.newline();
  return w.finish();
}

}  // namespace folio::epub
