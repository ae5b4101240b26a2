// XmlWriter: escaping and well-formedness, checked by parsing the output with libxml2.
#include <doctest/doctest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

#include "epub/xhtml_writer.hpp"

using namespace folio::epub;

namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, DocDeleter>;

// Strict XML parse: no recovery, no network; nullptr when not well-formed.
XmlDoc parse(const std::string& xml) {
  return XmlDoc(xmlReadMemory(xml.data(), int(xml.size()), "test.xhtml", "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

std::string content_of(xmlNode* node) {
  xmlChar* c = xmlNodeGetContent(node);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return s;
}

}  // namespace

TEST_CASE("markup characters become numeric references, nothing named") {
  CHECK(xml_escape("a < b && c > \"d\"") == "a &#60; b &#38;&#38; c &#62; &#34;d&#34;");
  CHECK(xml_escape("&nbsp;") == "&#38;nbsp;");
  CHECK(xml_escape("中文 🎉 ok") == "中文 🎉 ok");
}

TEST_CASE("characters XML forbids are dropped and invalid UTF-8 is replaced") {
  CHECK(xml_escape(std::string("a\x01" "b\x0b" "c", 5)) == "abc");
  CHECK(xml_escape("tab\tline\n") == "tab\tline\n");
  CHECK(xml_escape("bad\xff" "byte") == "bad\xEF\xBF\xBD" "byte");
  CHECK(xml_escape("\xEF\xBF\xBE") == "");  // U+FFFE is not an XML character
  CHECK(xml_escape("\xEF\xBF\xBD") == "\xEF\xBF\xBD");
}

TEST_CASE("hostile text and attributes still give a well-formed document with the same text") {
  const std::string hostile = "</p><script>alert('x')</script> ]]> <!-- -- --> &amp; &nbsp; \"q\" 'a' \x01 é 漢字 😀";
  XmlWriter w;
  begin_xhtml(w, "zh-CN", hostile, "style.css");
  w.open("p", {{"class", hostile}, {"title", "\" onload=\"x"}});
  w.text(hostile);
  w.empty("br");
  w.open("code");
  w.text("if a < b && c > d {}");
  // Left open on purpose: finish() must close code, p, body and html.
  std::string out = w.finish();

  XmlDoc doc = parse(out);
  REQUIRE(doc);
  xmlNode* html = xmlDocGetRootElement(doc.get());
  REQUIRE(html);
  CHECK(std::string(reinterpret_cast<const char*>(html->name)) == "html");
  CHECK(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n", 0) == 0);
  CHECK(out.find("&nbsp;") == std::string::npos);
  CHECK(out.find("<script") == std::string::npos);
  CHECK(out.find("<br/>") != std::string::npos);
  CHECK(out.find("title=\"&#34; onload=&#34;x\"") != std::string::npos);
  // The text survives the round trip, minus the control character XML cannot hold.
  std::string expected = hostile;
  expected.erase(expected.find('\x01'), 1);
  std::string all = content_of(html);
  CHECK(all.find(expected) != std::string::npos);
  CHECK(all.find("if a < b && c > d {}") != std::string::npos);
}

TEST_CASE("lang and xml:lang are on the html element, and a title is always present") {
  XmlWriter w;
  begin_xhtml(w, "ja", "", "");
  std::string out = w.finish();
  XmlDoc doc = parse(out);
  REQUIRE(doc);
  xmlNode* html = xmlDocGetRootElement(doc.get());
  xmlChar* lang = xmlGetProp(html, BAD_CAST "lang");
  xmlChar* xml_lang = xmlNodeGetLang(html);
  REQUIRE(lang);
  REQUIRE(xml_lang);
  CHECK(std::string(reinterpret_cast<char*>(lang)) == "ja");
  CHECK(std::string(reinterpret_cast<char*>(xml_lang)) == "ja");
  xmlFree(lang);
  xmlFree(xml_lang);
  CHECK(out.find("<title>-</title>") != std::string::npos);
  CHECK(out.find("<link") == std::string::npos);
}

TEST_CASE("names that are not XML names never reach the output") {
  CHECK(is_xml_name("epub:type"));
  CHECK(is_xml_name("h1"));
  CHECK_FALSE(is_xml_name("1h"));
  CHECK_FALSE(is_xml_name("a b"));
  CHECK_FALSE(is_xml_name("on\"x"));
  CHECK_FALSE(is_xml_name(""));
  XmlWriter w;
  w.open("bad name", {{"x y", "1"}, {"ok", "2"}});
  w.text("t");
  std::string out = w.finish();
  CHECK(out == "<span ok=\"2\">t</span>");
  CHECK(parse(out));
}
