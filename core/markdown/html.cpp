// Raw HTML (blocks through libxml2's HTML parser, inline tags one by one) into model nodes.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <set>

#include "base/utf8.hpp"
#include "reading.hpp"

namespace folio::markdown {
namespace {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string name_of(const xmlNode* n) { return lower(reinterpret_cast<const char*>(n->name)); }

std::string attr(const xmlNode* n, const char* key) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(key));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool is_one_of(const std::string& n, std::initializer_list<const char*> names) {
  for (const char* x : names)
    if (n == x) return true;
  return false;
}

bool is_container(const std::string& n) {
  return is_one_of(n, {"div", "center", "details", "figure", "blockquote", "section", "article",
                       "aside", "main", "header", "footer", "nav"});
}

bool is_block_element(const std::string& n) {
  return is_container(n) ||
         is_one_of(n, {"p", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table",
                       "hr", "dl", "figcaption", "summary", "thead", "tbody", "tr", "td", "th",
                       "script", "style", "iframe", "video", "audio", "form", "noscript", "head",
                       "title", "meta", "link", "object", "embed", "canvas", "svg"});
}

/// Maps one libxml2 tree into blocks and inlines, reporting tags it cannot keep.
class DomMapper {
 public:
  DomMapper(std::string_view html, const std::vector<uint32_t>& origins, PostReader& reader)
      : html_(html), origins_(origins), reader_(reader) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < html.size(); ++i)
      if (html[i] == '\n') line_starts_.push_back(i + 1);
  }

  SourcePos pos(const xmlNode* n) const {
    long line = n ? xmlGetLineNo(n) : 1;
    if (line < 1) line = 1;
    size_t idx = std::min<size_t>(static_cast<size_t>(line - 1), line_starts_.size() - 1);
    size_t offset = line_starts_[idx];
    while (offset < html_.size() && (html_[offset] == ' ' || html_[offset] == '\t')) ++offset;
    if (origins_.empty()) return {};
    return reader_.pos(origins_[std::min(offset, origins_.size() - 1)]);
  }

  void drop(const xmlNode* n, const std::string& name) {
    if (warned_.insert(name).second)
      reader_.warn_at(pos(n), "HTML <" + name + "> is not kept: dropped, its text kept");
  }

  void blocks(const xmlNode* first, Blocks& out) {
    Inlines run;
    SourcePos run_pos;
    auto end_run = [&] {
      trim(run);
      if (!run.empty()) out.push_back(paragraph_or_figure(std::move(run), run_pos));
      run.clear();
    };
    for (const xmlNode* n = first; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE && is_block_element(name_of(n))) {
        end_run();
        block(n, out);
      } else {
        if (run.empty()) run_pos = pos(n);
        inlines(n, run);
      }
    }
    end_run();
  }

  void inlines_of(const xmlNode* parent, Inlines& out) {
    for (const xmlNode* c = parent->children; c; c = c->next) inlines(c, out);
  }

 private:
  static void trim(Inlines& in) {
    while (!in.empty()) {
      auto* t = std::get_if<Text>(&in.front().node);
      if (!t) break;
      size_t k = t->text.find_first_not_of(' ');
      if (k == std::string::npos) { in.erase(in.begin()); continue; }
      t->text.erase(0, k);
      break;
    }
    while (!in.empty()) {
      auto* t = std::get_if<Text>(&in.back().node);
      if (!t) break;
      size_t k = t->text.find_last_not_of(' ');
      if (k == std::string::npos) { in.pop_back(); continue; }
      t->text.resize(k + 1);
      break;
    }
  }

  Block paragraph_or_figure(Inlines in, SourcePos p) {
    if (in.size() == 1) {
      if (auto* img = std::get_if<Image>(&in[0].node))
        return Block{Figure{img->src, img->alt, img->title, {}, {}, -1}, in[0].pos};
      if (auto* link = std::get_if<Link>(&in[0].node); link && link->children.size() == 1)
        if (auto* img = std::get_if<Image>(&link->children[0].node))
          return Block{Figure{img->src, img->alt, img->title, {}, link->href, -1}, in[0].pos};
    }
    return Block{Paragraph{std::move(in)}, p};
  }

  static std::string text_content(const xmlNode* n) {
    xmlChar* c = xmlNodeGetContent(n);
    if (!c) return {};
    std::string s(reinterpret_cast<const char*>(c));
    xmlFree(c);
    return s;
  }

  void block(const xmlNode* n, Blocks& out) {
    const std::string name = name_of(n);
    const SourcePos p = pos(n);
    if (name == "p" || name == "summary" || name == "figcaption") {
      Inlines in;
      inlines_of(n, in);
      trim(in);
      if (!in.empty()) out.push_back(paragraph_or_figure(std::move(in), p));
    } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      Heading h;
      h.level = name[1] - '0';
      inlines_of(n, h.children);
      trim(h.children);
      h.id = attr(n, "id");
      out.push_back(Block{std::move(h), p});
    } else if (name == "figure") {
      Figure f;
      find_image(n, f);
      for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && name_of(c) == "figcaption") {
          inlines_of(c, f.caption);
          trim(f.caption);
        }
      if (f.src.empty()) {
        Division d{"figure", {}, {}};
        blocks(n->children, d.children);
        out.push_back(Block{std::move(d), p});
      } else {
        out.push_back(Block{std::move(f), p});
      }
    } else if (name == "details") {
      Division d{"details", {}, {}};
      for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && name_of(c) == "summary") inlines_of(c, d.title);
      trim(d.title);
      Blocks inner;
      blocks(n->children, inner);
      // The summary was mapped as a paragraph too: it is the title instead.
      if (!d.title.empty() && !inner.empty() && std::holds_alternative<Paragraph>(inner[0].node) &&
          plain_text(std::get<Paragraph>(inner[0].node).children) == plain_text(d.title))
        inner.erase(inner.begin());
      d.children = std::move(inner);
      out.push_back(Block{std::move(d), p});
    } else if (name == "blockquote") {
      BlockQuote q;
      blocks(n->children, q.children);
      out.push_back(Block{std::move(q), p});
    } else if (is_container(name)) {
      std::string kind = name;
      if (lower(attr(n, "align")) == "center" ||
          lower(attr(n, "style")).find("text-align:center") != std::string::npos ||
          lower(attr(n, "style")).find("text-align: center") != std::string::npos)
        kind = "center";
      Division d{kind, {}, {}};
      blocks(n->children, d.children);
      out.push_back(Block{std::move(d), p});
    } else if (name == "ul" || name == "ol") {
      List l;
      l.ordered = name == "ol";
      if (std::string s = attr(n, "start"); !s.empty()) l.start = std::atoi(s.c_str());
      for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        ListItem item;
        item.pos = pos(c);
        if (name_of(c) == "li") blocks(c->children, item.children);
        else blocks(c, item.children);
        l.items.push_back(std::move(item));
      }
      out.push_back(Block{std::move(l), p});
    } else if (name == "li") {
      List l;
      ListItem item;
      item.pos = p;
      blocks(n->children, item.children);
      l.items.push_back(std::move(item));
      out.push_back(Block{std::move(l), p});
    } else if (name == "pre") {
      CodeBlock code;
      code.text = text_content(n);
      for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && name_of(c) == "code") {
          std::string cls = attr(c, "class");
          if (auto k = cls.find("language-"); k != std::string::npos) {
            code.language = lower(cls.substr(k + 9, cls.find(' ', k) - k - 9));
            code.info = code.language;
          }
        }
      if (!code.text.empty() && code.text.back() != '\n') code.text += '\n';
      out.push_back(Block{std::move(code), p});
    } else if (name == "table") {
      Table t;
      rows(n, t, p);
      size_t columns = t.header.size();
      for (auto& r : t.rows) columns = std::max(columns, r.size());
      t.header.resize(columns);
      t.align.resize(columns);
      for (auto& r : t.rows) r.resize(columns);
      out.push_back(Block{std::move(t), p});
    } else if (name == "hr") {
      out.push_back(Block{ThematicBreak{}, p});
    } else if (name == "dl") {
      DefinitionList dl;
      for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (name_of(c) == "dt") {
          DefinitionItem item;
          item.pos = pos(c);
          inlines_of(c, item.term);
          trim(item.term);
          dl.items.push_back(std::move(item));
        } else if (name_of(c) == "dd") {
          if (dl.items.empty()) dl.items.emplace_back();
          Blocks def;
          blocks(c->children, def);
          dl.items.back().definitions.push_back(std::move(def));
        }
      }
      out.push_back(Block{std::move(dl), p});
    } else if (is_one_of(name, {"script", "style", "head", "title", "meta", "link", "noscript"})) {
      drop(n, name);  // code and metadata, not text of the post
    } else if (is_one_of(name, {"iframe", "video", "audio", "object", "embed"})) {
      drop(n, name);
      std::string src = attr(n, "src");
      if (src.empty()) src = attr(n, "data");
      if (!src.empty()) {
        Link link;
        link.href = src;
        link.target.url = src;
        link.children.push_back(Inline{Text{src}, p});
        Paragraph para;
        para.children.push_back(Inline{Text{"Embedded " + name + ": "}, p});
        para.children.push_back(Inline{std::move(link), p});
        out.push_back(Block{std::move(para), p});
      }
    } else if (name == "thead" || name == "tbody" || name == "tr" || name == "td" || name == "th") {
      blocks(n->children, out);
    } else {
      drop(n, name);
      blocks(n->children, out);
    }
  }

  void rows(const xmlNode* parent, Table& t, SourcePos) {
    for (const xmlNode* c = parent->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string name = name_of(c);
      if (name == "thead" || name == "tbody" || name == "tfoot") {
        rows(c, t, {});
        continue;
      }
      if (name != "tr") continue;
      std::vector<TableCell> row;
      std::vector<Align> align;
      bool all_th = true;
      for (const xmlNode* cell = c->children; cell; cell = cell->next) {
        if (cell->type != XML_ELEMENT_NODE) continue;
        std::string cn = name_of(cell);
        if (cn != "td" && cn != "th") continue;
        all_th = all_th && cn == "th";
        TableCell tc;
        tc.pos = pos(cell);
        inlines_of(cell, tc.children);
        trim(tc.children);
        row.push_back(std::move(tc));
        std::string a = lower(attr(cell, "align") + attr(cell, "style"));
        align.push_back(a.find("center") != std::string::npos  ? Align::center
                        : a.find("right") != std::string::npos ? Align::right
                        : a.find("left") != std::string::npos  ? Align::left
                                                               : Align::none);
      }
      if (t.header.empty() && t.rows.empty() && all_th && !row.empty()) {
        t.header = std::move(row);
        t.align = std::move(align);
      } else {
        t.rows.push_back(std::move(row));
      }
    }
  }

  void find_image(const xmlNode* n, Figure& f, const std::string& link = {}) {
    for (const xmlNode* c = n->children; c && f.src.empty(); c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string name = name_of(c);
      if (name == "img") {
        f.src = attr(c, "src");
        f.alt = attr(c, "alt");
        f.title = attr(c, "title");
        f.link = link;
      } else if (name != "figcaption") {
        find_image(c, f, name == "a" ? attr(c, "href") : link);
      }
    }
  }

  void inlines(const xmlNode* n, Inlines& out) {
    const SourcePos p = pos(n);
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      std::string s;
      const char* c = reinterpret_cast<const char*>(n->content);
      bool space = false;
      for (; c && *c; ++c) {
        if (*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r') {
          space = true;
          continue;
        }
        if (space) s += ' ';
        space = false;
        s += *c;
      }
      if (space) s += ' ';
      if (s.empty()) return;
      if (!out.empty())
        if (auto* t = std::get_if<Text>(&out.back().node)) {
          t->text += s;
          return;
        }
      out.push_back(Inline{Text{std::move(s)}, p});
      return;
    }
    if (n->type != XML_ELEMENT_NODE) return;  // comments, processing instructions
    const std::string name = name_of(n);
    Inlines children;
    auto kids = [&] { inlines_of(n, children); };
    if (name == "br") {
      out.push_back(Inline{LineBreak{}, p});
    } else if (name == "img") {
      out.push_back(Inline{Image{attr(n, "src"), attr(n, "alt"), attr(n, "title")}, p});
    } else if (name == "a") {
      kids();
      Link l;
      l.children = std::move(children);
      l.href = attr(n, "href");
      l.title = attr(n, "title");
      out.push_back(Inline{std::move(l), p});
    } else if (name == "em" || name == "i") {
      kids();
      out.push_back(Inline{Emphasis{std::move(children)}, p});
    } else if (name == "strong" || name == "b") {
      kids();
      out.push_back(Inline{Strong{std::move(children)}, p});
    } else if (name == "del" || name == "s" || name == "strike") {
      kids();
      out.push_back(Inline{Strikethrough{std::move(children)}, p});
    } else if (name == "sup") {
      kids();
      out.push_back(Inline{Superscript{std::move(children)}, p});
    } else if (name == "sub") {
      kids();
      out.push_back(Inline{Subscript{std::move(children)}, p});
    } else if (name == "code" || name == "kbd" || name == "tt" || name == "samp") {
      out.push_back(Inline{Code{text_content(n)}, p});
    } else if (name == "ruby") {
      // Each run of base text before an <rt> is one Ruby; <rp> fallbacks are not kept.
      Inlines base;
      for (const xmlNode* c = n->children; c; c = c->next) {
        std::string child = c->type == XML_ELEMENT_NODE ? name_of(c) : std::string();
        if (child == "rp") continue;
        if (child == "rt") {
          out.push_back(Inline{Ruby{std::move(base), text_content(c)}, p});
          base.clear();
        } else {
          inlines(c, base);
        }
      }
      for (auto& c : base) out.push_back(std::move(c));
    } else {
      drop(n, name);
      kids();
      for (auto& c : children) out.push_back(std::move(c));
    }
  }

  std::string_view html_;
  const std::vector<uint32_t>& origins_;
  PostReader& reader_;
  std::vector<size_t> line_starts_;
  std::set<std::string> warned_;
};

bool void_element(const std::string& n) {
  return is_one_of(n, {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area",
                       "base", "col", "embed", "param", "track"});
}

}  // namespace

void prepare_html_parser() { xmlInitParser(); }

std::string HtmlTag::attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes)
    if (k == key) return v;
  return {};
}

HtmlTag parse_html_tag(std::string_view raw) {
  HtmlTag tag;
  size_t i = 0;
  if (raw.size() < 2 || raw[0] != '<' || raw[1] == '!' || raw[1] == '?') return tag;
  i = 1;
  if (raw[i] == '/') {
    tag.closing = true;
    ++i;
  }
  size_t start = i;
  while (i < raw.size() && (std::isalnum(static_cast<unsigned char>(raw[i])) || raw[i] == '-'))
    ++i;
  tag.name = lower(raw.substr(start, i - start));
  auto space = [&] {
    while (i < raw.size() && std::isspace(static_cast<unsigned char>(raw[i]))) ++i;
  };
  while (i < raw.size()) {
    space();
    if (i >= raw.size() || raw[i] == '>') break;
    if (raw[i] == '/') {
      tag.self_closing = true;
      ++i;
      continue;
    }
    size_t ks = i;
    while (i < raw.size() && !std::isspace(static_cast<unsigned char>(raw[i])) && raw[i] != '=' &&
           raw[i] != '>' && raw[i] != '/')
      ++i;
    std::string key = lower(raw.substr(ks, i - ks));
    std::string value;
    space();
    if (i < raw.size() && raw[i] == '=') {
      ++i;
      space();
      if (i < raw.size() && (raw[i] == '"' || raw[i] == '\'')) {
        char q = raw[i++];
        size_t vs = i;
        while (i < raw.size() && raw[i] != q) ++i;
        value = std::string(raw.substr(vs, i - vs));
        if (i < raw.size()) ++i;
      } else {
        size_t vs = i;
        while (i < raw.size() && !std::isspace(static_cast<unsigned char>(raw[i])) && raw[i] != '>')
          ++i;
        value = std::string(raw.substr(vs, i - vs));
      }
    }
    if (key.empty()) {
      ++i;
      continue;
    }
    // Entities in attribute values (&amp; in URLs).
    std::string decoded;
    for (size_t k = 0; k < value.size(); ++k) {
      if (value[k] == '&') {
        size_t semi = value.find(';', k);
        if (semi != std::string::npos && semi - k < 40) {
          std::string d = decode_entity(std::string_view(value).substr(k, semi - k + 1));
          if (!d.empty()) {
            decoded += d;
            k = semi;
            continue;
          }
        }
      }
      decoded += value[k];
    }
    tag.attributes.emplace_back(std::move(key), std::move(decoded));
  }
  if (void_element(tag.name)) tag.self_closing = true;
  return tag;
}

std::string decode_entity(std::string_view e) {
  if (e.size() < 3 || e.front() != '&' || e.back() != ';') return {};
  std::string_view body = e.substr(1, e.size() - 2);
  std::string out;
  if (body[0] == '#') {
    unsigned long cp = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string digits(body.substr(hex ? 2 : 1));
    if (digits.empty()) return {};
    char* end = nullptr;
    cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (*end != '\0') return {};
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    utf8::append(out, static_cast<char32_t>(cp));
    return out;
  }
  if (auto chars = named_entity(body)) return std::string(*chars);
  return {};
}

Blocks html_blocks(std::string_view html, const std::vector<uint32_t>& origins, PostReader& reader) {
  Blocks out;
  auto pos_at = [&](size_t offset) {
    return origins.empty() ? SourcePos{} : reader.pos(origins[std::min(offset, origins.size() - 1)]);
  };
  // A block of only opening (or only closing) container tags opens (closes) a division
  // around the Markdown that follows: `<div align="center">` ... `</div>`.
  {
    std::vector<std::pair<HtmlTag, size_t>> tags;
    std::string summary;
    bool only_tags = true;
    size_t i = 0;
    while (i < html.size()) {
      if (std::isspace(static_cast<unsigned char>(html[i]))) { ++i; continue; }
      if (html[i] != '<') { only_tags = false; break; }
      size_t close = html.find('>', i);
      if (close == std::string_view::npos) { only_tags = false; break; }
      HtmlTag t = parse_html_tag(html.substr(i, close - i + 1));
      if (t.name == "summary" && !t.closing) {
        size_t end = html.find("</summary>", close);
        if (end == std::string_view::npos) { only_tags = false; break; }
        summary = std::string(html.substr(close + 1, end - close - 1));
        i = end + 10;
        continue;
      }
      if (t.name.empty()) { i = close + 1; continue; }  // comments
      tags.emplace_back(std::move(t), i);
      i = close + 1;
    }
    bool all_open = only_tags && !tags.empty(), all_close = only_tags && !tags.empty();
    for (auto& [t, at] : tags) {
      all_open = all_open && !t.closing && is_container(t.name);
      all_close = all_close && t.closing && is_container(t.name);
    }
    if (all_open) {
      for (auto& [t, at] : tags) {
        Division d;
        d.kind = t.name;
        std::string style = lower(t.attribute("align") + t.attribute("style"));
        if (t.name == "div" && style.find("center") != std::string::npos) d.kind = "center";
        if (!summary.empty() && t.name == "details") {
          d.title.push_back(Inline{Text{summary}, pos_at(at)});
          summary.clear();
        }
        reader.insertions.divisions.push_back(std::move(d));
        out.push_back(Block{RawBlock{"folio-open", std::to_string(reader.insertions.divisions.size() - 1)},
                            pos_at(at)});
      }
      return out;
    }
    if (all_close) {
      for (auto& [t, at] : tags) out.push_back(Block{RawBlock{"folio-close", t.name}, pos_at(at)});
      return out;
    }
  }
  // Comments alone (`<!-- ... -->`) are not content.
  {
    std::string_view rest = html;
    while (true) {
      size_t k = rest.find_first_not_of(" \t\r\n");
      if (k == std::string_view::npos) return out;
      rest.remove_prefix(k);
      if (rest.compare(0, 4, "<!--") != 0) break;
      size_t end = rest.find("-->");
      if (end == std::string_view::npos) return out;
      rest.remove_prefix(end + 3);
    }
  }
  // Tags left open at the end of the block are soup: say so (libxml2 closes them).
  {
    std::vector<std::pair<std::string, size_t>> open;
    for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
      size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      HtmlTag t = parse_html_tag(html.substr(i, close - i + 1));
      if (t.name.empty() || t.self_closing) continue;
      if (t.name == "p" || t.name == "li" || t.name == "td" || t.name == "th" || t.name == "tr" ||
          t.name == "dt" || t.name == "dd" || t.name == "option")
        continue;  // their end tags are optional in HTML
      if (!t.closing) {
        open.emplace_back(t.name, i);
      } else {
        auto it = std::find_if(open.rbegin(), open.rend(), [&](auto& o) { return o.first == t.name; });
        if (it != open.rend()) open.erase(std::next(it).base(), open.end());
      }
    }
    for (auto& [name, at] : open) reader.warn_at(pos_at(at), "HTML <" + name + "> is never closed");
  }
  // libxml2's parser knows HTML 4's named references only; HTML5's go in as numeric ones.
  std::string parsed(html);
  std::vector<uint32_t> parsed_origins(origins);
  html5_references_as_numeric(parsed, parsed_origins);
  XmlDocPtr doc(htmlReadMemory(parsed.data(), static_cast<int>(parsed.size()), nullptr, "UTF-8",
                               HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                   HTML_PARSE_NONET));
  if (!doc) {
    out.push_back(Block{RawBlock{"html", std::string(html)}, pos_at(0)});
    return out;
  }
  DomMapper mapper(parsed, parsed_origins, reader);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  for (const xmlNode* part = root ? root->children : nullptr; part; part = part->next) {
    if (part->type != XML_ELEMENT_NODE) continue;
    std::string name = name_of(part);
    if (name == "body") mapper.blocks(part->children, out);
    else if (name == "head") mapper.blocks(part->children, out);
  }
  return out;
}

}  // namespace folio::markdown
