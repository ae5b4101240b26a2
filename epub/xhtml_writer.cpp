// XmlWriter: escaping, quoting and element balancing for every XML file of the EPUB.
#include "xhtml_writer.hpp"

#include "base/utf8.hpp"

namespace folio::epub {

namespace {

// XML 1.0 Char production: tab, newline, carriage return, U+0020..U+D7FF,
// U+E000..U+FFFD, U+10000..U+10FFFF. Anything else makes the file not well-formed.
bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text, bool attribute) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      switch (b) {
        case '&': out += "&#38;"; break;
        case '<': out += "&#60;"; break;
        case '>': out += "&#62;"; break;
        case '"':
          if (attribute) out += "&#34;";
          else out += '"';
          break;
        case '\r': out += "&#13;"; break;  // kept as a reference: a literal CR would be normalized away
        default:
          if (is_xml_char(b)) out += char(b);
      }
      continue;
    }
    size_t start = i;
    char32_t c = utf8::next(text, i);
    if (c == 0xFFFD && !(i - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) {
      out += "\xEF\xBF\xBD";  // invalid UTF-8
    } else if (is_xml_char(c)) {
      out.append(text.substr(start, i - start));
    }
  }
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_xml_escaped(out, text);
  return out;
}

bool is_xml_name(std::string_view name) {
  if (name.empty()) return false;
  char first = name[0];
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_')) return false;
  int colons = 0;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.' || c == ':';
    if (!ok) return false;
    if (c == ':') ++colons;
  }
  return colons <= 1 && name.back() != ':';
}

void XmlWriter::declaration() { out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::raw(std::string_view markup) { out_.append(markup); }

void XmlWriter::start_tag(std::string_view name, const XmlAttribute* begin, const XmlAttribute* end) {
  out_ += '<';
  out_.append(name);
  for (auto* a = begin; a != end; ++a) {
    // An attribute name that is not a name would break the tag; such an attribute
    // can only come from a bug, so it is left out rather than written.
    if (!is_xml_name(a->first)) continue;
    out_ += ' ';
    out_.append(a->first);
    out_ += "=\"";
    append_xml_escaped(out_, a->second);
    out_ += '"';
  }
}

void XmlWriter::open(std::string_view name, std::initializer_list<XmlAttribute> attributes) {
  std::string element = is_xml_name(name) ? std::string(name) : std::string("span");
  start_tag(element, attributes.begin(), attributes.end());
  out_ += '>';
  open_.push_back(std::move(element));
}

void XmlWriter::open(std::string_view name, const std::vector<XmlAttribute>& attributes) {
  std::string element = is_xml_name(name) ? std::string(name) : std::string("span");
  start_tag(element, attributes.data(), attributes.data() + attributes.size());
  out_ += '>';
  open_.push_back(std::move(element));
}

void XmlWriter::empty(std::string_view name, std::initializer_list<XmlAttribute> attributes) {
  if (!is_xml_name(name)) return;
  start_tag(name, attributes.begin(), attributes.end());
  out_ += "/>";
}

void XmlWriter::empty(std::string_view name, const std::vector<XmlAttribute>& attributes) {
  if (!is_xml_name(name)) return;
  start_tag(name, attributes.data(), attributes.data() + attributes.size());
  out_ += "/>";
}

void XmlWriter::close() {
  if (open_.empty()) return;
  out_ += "</";
  out_ += open_.back();
  out_ += '>';
  open_.pop_back();
}

void XmlWriter::close_to(size_t depth) {
  while (open_.size() > depth) close();
}

void XmlWriter::element(std::string_view name, std::string_view text,
                        std::initializer_list<XmlAttribute> attributes) {
  open(name, attributes);
  this->text(text);
  close();
}

void XmlWriter::text(std::string_view text) { append_xml_escaped(out_, text, false); }

std::string XmlWriter::finish() {
  close_to(0);
  return std::move(out_);
}

}  // namespace folio::epub

namespace folio::epub {

void begin_xhtml(XmlWriter& w, std::string_view language, std::string_view title,
                 std::string_view stylesheet, std::string_view html_class) {
  w.declaration();
  w.raw("<!DOCTYPE html>\n");
  std::vector<XmlAttribute> attrs{{"xmlns", "http://www.w3.org/1999/xhtml"},
                                  {"xmlns:epub", "http://www.idpf.org/2007/ops"},
                                  {"lang", language},
                                  {"xml:lang", language}};
  if (!html_class.empty()) attrs.push_back({"class", html_class});
  w.open("html", attrs);
  w.newline();
  w.open("head");
  w.newline();
  w.empty("meta", {{"charset", "utf-8"}});
  w.newline();
  // A document without a title fails accessibility checks; "-" keeps it non-empty.
  w.element("title", title.empty() ? std::string_view("-") : title);
  w.newline();
  if (!stylesheet.empty()) {
    w.empty("link", {{"rel", "stylesheet"}, {"type", "text/css"}, {"href", stylesheet}});
    w.newline();
  }
  w.close();
  w.newline();
  w.open("body");
  w.newline();
}

}  // namespace folio::epub
