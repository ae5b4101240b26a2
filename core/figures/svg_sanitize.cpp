// SVG sanitizing with libxml2: parse without network or entity expansion, prune, serialize.
#include "svg_sanitize.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

namespace folio::figures {

namespace {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlCharFree {
  void operator()(xmlChar* c) const { xmlFree(c); }
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = char(std::tolower(uint8_t(c)));
  return out;
}

std::string without_space(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(uint8_t(c))) out += c;
  return out;
}

// Elements that run code or pull in other documents.
bool dangerous_element(std::string_view name) {
  static const char* const names[] = {"script", "foreignobject", "iframe", "embed", "object", "audio",
                                      "video", "canvas", "handler", "listener", "frame", "frameset"};
  std::string n = lower(name);
  return std::any_of(std::begin(names), std::end(names), [&](const char* x) { return n == x; });
}

// A reference stays only when it points inside the document or embeds an image.
bool safe_reference(std::string_view value) {
  std::string v = lower(without_space(value));
  if (v.empty() || v[0] == '#') return true;
  for (const char* prefix : {"data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"})
    if (v.rfind(prefix, 0) == 0) return true;
  return false;
}

// True when CSS text has url(...) to something outside, or @import.
bool external_css(std::string_view css) {
  std::string v = lower(without_space(css));
  if (v.find("@import") != std::string::npos) return true;
  for (size_t at = v.find("url("); at != std::string::npos; at = v.find("url(", at + 4)) {
    size_t start = at + 4;
    if (start < v.size() && (v[start] == '"' || v[start] == '\'')) ++start;
    size_t end = v.find(')', start);
    std::string target = v.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!safe_reference(target)) return true;
  }
  return false;
}

// An attribute written with a prefix no xmlns declares (`xlink:href` without
// xmlns:xlink, `XLINK:HREF`): libxml2 keeps the whole name and no namespace. Such a
// name makes the output not namespace-well-formed, so it never stays.
bool undeclared_prefix(const xmlChar* name, const xmlNs* ns) {
  return !ns && xmlStrchr(name, ':') != nullptr;
}

// True when an attribute must go: event handlers, references out of the document (an
// `href` in any namespace and any spelling), external CSS, undeclared prefixes.
bool unsafe_attribute(xmlAttr* attr, const std::string& value) {
  std::string name = lower(reinterpret_cast<const char*>(attr->name));
  std::string local = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
  return undeclared_prefix(attr->name, attr->ns) || local.rfind("on", 0) == 0 ||
         (local == "href" && !safe_reference(value)) || external_css(value);
}

std::string node_text(xmlNode* node) {
  std::unique_ptr<xmlChar, XmlCharFree> text(xmlNodeGetContent(node));
  return text ? reinterpret_cast<const char*>(text.get()) : "";
}

void prune(xmlNode* node, SvgSanitizeReport& report) {
  for (xmlNode* child = node->children; child;) {
    xmlNode* next = child->next;
    bool remove = false;
    if (child->type == XML_ENTITY_REF_NODE || child->type == XML_PI_NODE) {
      remove = true;
    } else if (child->type == XML_ELEMENT_NODE) {
      std::string name = reinterpret_cast<const char*>(child->name);
      if (dangerous_element(name) || undeclared_prefix(child->name, child->ns)) remove = true;
      else if (lower(name) == "style" && external_css(node_text(child))) remove = true;
      else if (name == "set" || name.rfind("animate", 0) == 0) {
        // Animations can set href to javascript: after load.
        std::unique_ptr<xmlChar, XmlCharFree> target(xmlGetProp(child, BAD_CAST "attributeName"));
        if (target && lower(reinterpret_cast<const char*>(target.get())).find("href") != std::string::npos)
          remove = true;
      }
      if (remove) ++report.removed_elements;
    }
    if (remove) {
      xmlUnlinkNode(child);
      xmlFreeNode(child);
    } else if (child->type == XML_ELEMENT_NODE) {
      for (xmlAttr* attr = child->properties; attr;) {
        xmlAttr* next_attr = attr->next;
        if (unsafe_attribute(attr, node_text(reinterpret_cast<xmlNode*>(attr)))) {
          xmlRemoveProp(attr);
          ++report.removed_attributes;
        }
        attr = next_attr;
      }
      prune(child, report);
    }
    child = next;
  }
}

}  // namespace

std::optional<std::string> sanitize_svg(std::string_view bytes, std::string& error,
                                        SvgSanitizeReport* report_out) {
  // No XML_PARSE_NOENT: entities stay references (no "billion laughs") and are then removed.
  std::unique_ptr<xmlDoc, XmlDocFree> doc(xmlReadMemory(bytes.data(), int(bytes.size()), "figure.svg",
                                                        nullptr,
                                                        XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                            XML_PARSE_NOWARNING | XML_PARSE_NOCDATA));
  if (!doc) {
    error = "not well-formed XML";
    return std::nullopt;
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || xmlStrcmp(root->name, BAD_CAST "svg") != 0) {
    error = "the root element is not <svg>";
    return std::nullopt;
  }
  SvgSanitizeReport report;
  // The DTD may declare entities or pull an external subset; an SVG needs neither.
  if (xmlDtd* dtd = xmlGetIntSubset(doc.get())) {
    xmlUnlinkNode(reinterpret_cast<xmlNode*>(dtd));
    xmlFreeDtd(dtd);
  }
  for (xmlNode* n = doc->children; n;) {
    xmlNode* next = n->next;
    if (n->type == XML_PI_NODE) {  // <?xml-stylesheet href=...?>
      xmlUnlinkNode(n);
      xmlFreeNode(n);
      ++report.removed_elements;
    }
    n = next;
  }
  // The root's own attributes, then its subtree.
  for (xmlAttr* attr = root->properties; attr;) {
    xmlAttr* next_attr = attr->next;
    if (unsafe_attribute(attr, node_text(reinterpret_cast<xmlNode*>(attr)))) {
      xmlRemoveProp(attr);
      ++report.removed_attributes;
    }
    attr = next_attr;
  }
  prune(root, report);
  // An SVG without its namespace is not SVG to an EPUB reader.
  if (!root->ns) {
    xmlNs* ns = xmlNewNs(root, BAD_CAST "http://www.w3.org/2000/svg", nullptr);
    xmlSetNs(root, ns);
  }
  xmlChar* out = nullptr;
  int size = 0;
  xmlDocDumpMemoryEnc(doc.get(), &out, &size, "UTF-8");
  std::unique_ptr<xmlChar, XmlCharFree> owned(out);
  if (!out) {
    error = "cannot serialize the SVG";
    return std::nullopt;
  }
  if (report_out) *report_out = report;
  return std::string(reinterpret_cast<const char*>(out), size_t(size));
}

}  // namespace folio::figures
