// nav.xhtml and toc.ncx from one list of entries, so the two never disagree.
#include "nav.hpp"

#include <map>

#include "base/labels.hpp"
#include "xhtml_writer.hpp"

namespace folio::epub {

namespace {

void nav_list(XmlWriter& w, const std::vector<NavPoint>& points) {
  w.open("ol");
  w.newline();
  for (const auto& p : points) {
    w.open("li");
    // An entry must be a link or a span with text; a part without a page is a span.
    if (p.href.empty()) w.element("span", p.title.empty() ? "-" : p.title);
    else w.element("a", p.title.empty() ? "-" : p.title, {{"href", p.href}});
    if (!p.children.empty()) nav_list(w, p.children);
    w.close();
    w.newline();
  }
  w.close();
  w.newline();
}

int depth_of(const std::vector<NavPoint>& points) {
  int d = 0;
  for (const auto& p : points) d = std::max(d, 1 + depth_of(p.children));
  return d;
}

struct NcxState {
  int next_id = 1;
  int next_order = 1;
  std::map<std::string, int> order_of_target;  // one playOrder per distinct target
};

void ncx_points(XmlWriter& w, const std::vector<NavPoint>& points, const std::string& fallback, NcxState& s) {
  for (const auto& p : points) {
    std::string src = p.href.empty() ? (p.children.empty() ? fallback : p.children.front().href) : p.href;
    auto [it, inserted] = s.order_of_target.try_emplace(src, s.next_order);
    if (inserted) ++s.next_order;
    w.open("navPoint", {{"id", "navpoint-" + std::to_string(s.next_id++)}, {"playOrder", std::to_string(it->second)}});
    w.open("navLabel");
    w.element("text", p.title.empty() ? "-" : p.title);
    w.close();
    w.empty("content", {{"src", src}});
    w.newline();
    ncx_points(w, p.children, fallback, s);
    w.close();
    w.newline();
  }
}

}  // namespace

std::string toc_heading_for(const std::string& language) { return labels_for(language).contents; }

std::string render_nav(const std::vector<NavPoint>& toc, const Landmarks& landmarks, const std::string& language,
                       const std::string& title, const std::string& toc_heading) {
  XmlWriter w;
  begin_xhtml(w, language, title, "style.css");
  w.open("nav", {{"epub:type", "toc"}, {"role", "doc-toc"}, {"id", "toc"}});
  w.newline();
  w.element("h1", toc_heading);
  w.newline();
  if (toc.empty()) nav_list(w, {NavPoint{title, "titlepage.xhtml", {}}});
  else nav_list(w, toc);
  w.close();
  w.newline();
  w.open("nav", {{"epub:type", "landmarks"}, {"hidden", "hidden"}, {"id", "landmarks"}});
  w.newline();
  w.open("ol");
  auto landmark = [&](const std::string& type, const std::string& href, const char* label) {
    if (href.empty()) return;
    w.open("li");
    w.element("a", label, {{"epub:type", type}, {"href", href}});
    w.close();
    w.newline();
  };
  landmark("cover", landmarks.cover, landmarks.cover_label.c_str());
  landmark("toc", landmarks.toc, toc_heading.c_str());
  landmark("bodymatter", landmarks.bodymatter, landmarks.bodymatter_label.c_str());
  w.close();
  w.close();
  return w.finish();
}

std::string render_ncx(const std::vector<NavPoint>& toc, const std::string& identifier, const std::string& title) {
  XmlWriter w;
  w.declaration();
  w.open("ncx", {{"xmlns", "http://www.daisy.org/z3986/2005/ncx/"}, {"version", "2005-1"}});
  w.newline();
  w.open("head");
  w.empty("meta", {{"name", "dtb:uid"}, {"content", identifier}});
  w.empty("meta", {{"name", "dtb:depth"}, {"content", std::to_string(std::max(1, depth_of(toc)))}});
  w.empty("meta", {{"name", "dtb:totalPageCount"}, {"content", "0"}});
  w.empty("meta", {{"name", "dtb:maxPageNumber"}, {"content", "0"}});
  w.close();
  w.newline();
  w.open("docTitle");
  w.element("text", title.empty() ? "-" : title);
  w.close();
  w.newline();
  w.open("navMap");
  w.newline();
  NcxState state;
  if (toc.empty()) ncx_points(w, {NavPoint{title, "titlepage.xhtml", {}}}, "titlepage.xhtml", state);
  else ncx_points(w, toc, "titlepage.xhtml", state);
  w.close();
  return w.finish();
}

}  // namespace folio::epub
