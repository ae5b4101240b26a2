// XmlWriter: a small XML serializer that can only produce well-formed output.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio::epub {

/// One attribute: name and (unescaped) value.
using XmlAttribute = std::pair<std::string_view, std::string_view>;

/// Writes elements, attributes and text with escaping done here, so nothing a post
/// contains can break the markup: text is escaped with numeric character references
/// only (no named entities, which XHTML readers without a DTD reject), characters XML
/// 1.0 forbids are dropped, invalid UTF-8 becomes U+FFFD, attributes are always quoted,
/// and every element opened is closed (void elements as `<br/>`).
class XmlWriter {
 public:
  /// `<?xml version="1.0" encoding="UTF-8"?>` and a newline.
  void declaration();
  /// A line copied as it is (`<!DOCTYPE html>`); only for constant markup.
  void raw(std::string_view markup);

  /// `<name attrs...>`; closed later by close().
  void open(std::string_view name, std::initializer_list<XmlAttribute> attributes = {});
  void open(std::string_view name, const std::vector<XmlAttribute>& attributes);
  /// `<name attrs.../>`.
  void empty(std::string_view name, std::initializer_list<XmlAttribute> attributes = {});
  void empty(std::string_view name, const std::vector<XmlAttribute>& attributes);
  /// Closes the innermost open element.
  void close();
  /// Closes elements until `depth()` equals `depth`.
  void close_to(size_t depth);
  /// `<name attrs...>text</name>`.
  void element(std::string_view name, std::string_view text,
               std::initializer_list<XmlAttribute> attributes = {});

  /// Escaped character data.
  void text(std::string_view text);
  /// A newline between blocks, for readable output (never inside <pre>: callers decide).
  void newline() { out_ += '\n'; }

  size_t depth() const { return open_.size(); }
  size_t size() const { return out_.size(); }
  /// The document so far, after closing whatever is still open.
  std::string finish();

 private:
  void start_tag(std::string_view name, const XmlAttribute* begin, const XmlAttribute* end);
  std::string out_;
  std::vector<std::string> open_;
};

/// `text` escaped for a quoted attribute value (`<`, `&`, `>` and `"` become numeric
/// references), with forbidden characters removed.
std::string xml_escape(std::string_view text);
/// Appends `text` escaped to out; in character data (`attribute` false) `"` stays as it
/// is, which keeps code listings readable and small.
void append_xml_escaped(std::string& out, std::string_view text, bool attribute = true);
/// True if `name` is a usable element or attribute name (ASCII letters, digits, `-`,
/// `_`, `.`, one `:` for a prefix; not starting with a digit, `-` or `.`).
bool is_xml_name(std::string_view name);

}  // namespace folio::epub

namespace folio::epub {

/// Starts an XHTML content document: XML declaration, `<!DOCTYPE html>`, `<html>` with
/// the XHTML and EPUB namespaces and `lang`/`xml:lang`, a `<head>` with `title` and the
/// stylesheet (when `stylesheet` is not empty), then opens `<body>`. finish() closes it.
/// `html_class` names the kind of page for the stylesheet (the cover fills the screen).
void begin_xhtml(XmlWriter& w, std::string_view language, std::string_view title,
                 std::string_view stylesheet, std::string_view html_class = {});

}  // namespace folio::epub
