// Chapter rendering: Document blocks and inlines as XHTML, with links through the LinkMap.
#include "chapter.hpp"

#include <cctype>
#include <type_traits>

#include "base/document_text.hpp"
#include "code_block.hpp"
#include "base/labels.hpp"
#include "base/uri.hpp"
#include "text_spans.hpp"
#include "xhtml_writer.hpp"

namespace folio::epub {

namespace {

bool has_scheme(std::string_view href) {
  size_t colon = href.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = href[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

// Schemes a reader can open. file: and javascript: (and relative paths, which would
// point into the archive at nothing) are not links in a book.
bool is_openable_url(std::string_view href) {
  if (!has_scheme(href)) return false;
  std::string scheme = lower(href.substr(0, href.find(':')));
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "ftp" || scheme == "tel";
}

// A class token from a code block's language ("c++" stays, spaces do not).
std::string class_token(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') break;
    out += c;
  }
  return out;
}

const char* align_class(Align a) {
  switch (a) {
    case Align::left: return "align-left";
    case Align::center: return "align-center";
    case Align::right: return "align-right";
    default: return nullptr;
  }
}

const char* heading_tag(int level) {
  static const char* tags[] = {"h2", "h2", "h2", "h3", "h4", "h5", "h6"};
  if (level < 2) return "h2";
  if (level > 6) return "h6";
  return tags[level];
}

class ChapterRenderer {
 public:
  ChapterRenderer(const ChapterContext& context, size_t chapter, const ChapterFile* file)
      : ctx_(context), chapter_(chapter), file_(file) {}

  XmlWriter& writer() { return w_; }

  void blocks(const Blocks& blocks, bool tight = false) {
    for (const auto& b : blocks) block(b, tight);
  }

  void block(const Block& b, bool tight = false) {
    std::visit([&](const auto& node) { render(node, b.pos, tight); }, b.node);
  }

  void footnotes(const Document& doc, const std::vector<size_t>& which) {
    if (which.empty()) return;
    w_.empty("hr", {{"class", "footnotes-rule"}});
    w_.newline();
    for (size_t index : which) {
      const Footnote& note = doc.footnotes[index];
      std::string id = footnote_id(note.number);
      std::string number = std::to_string(note.number);
      w_.open("aside", {{"epub:type", "footnote"}, {"role", "doc-footnote"}, {"id", id}, {"class", "footnote"}});
      auto back = link_to(footnote_ref_id(note.number, 1));
      // The back link leads the note's first paragraph, as readers show it in the pop-up.
      bool first_is_paragraph = !note.children.empty() && std::holds_alternative<Paragraph>(note.children[0].node);
      w_.open("p");
      back_link(back, number);
      if (first_is_paragraph) {
        w_.text(" ");
        inlines(std::get<Paragraph>(note.children[0].node).children);
      }
      w_.close();
      for (size_t i = first_is_paragraph ? 1 : 0; i < note.children.size(); ++i) block(note.children[i]);
      w_.close();
      w_.newline();
    }
  }

 private:
  void back_link(const std::optional<std::string>& href, const std::string& number) {
    if (href) {
      w_.open("a", {{"href", *href}, {"role", "doc-backlink"}, {"class", "footnote-back"}});
      w_.text(number + ".");
      w_.close();
    } else {
      w_.element("span", number + ".", {{"class", "footnote-back"}});
    }
  }

  std::optional<std::string> link_to(std::string_view fragment) const {
    if (!ctx_.layout) return std::nullopt;
    return ctx_.layout->links.href(int(chapter_), fragment, file_ ? file_->name : std::string_view());
  }

  SourceLocation at(SourcePos pos) const {
    if (!ctx_.book || chapter_ >= ctx_.book->chapters.size()) return {};
    return ctx_.book->chapters[chapter_].document.at(pos);
  }

  void warn(SourcePos pos, std::string message) {
    if (ctx_.diagnostics && file_) ctx_.diagnostics->warning(at(pos), std::move(message));
  }

  const ImageEntry* image(int figure) const {
    if (!ctx_.images || figure < 0 || size_t(figure) >= ctx_.images->size()) return nullptr;
    const ImageEntry& e = (*ctx_.images)[size_t(figure)];
    return e.ok ? &e : nullptr;
  }

  const FigureAsset* asset(int figure) const {
    if (!ctx_.book || figure < 0 || size_t(figure) >= ctx_.book->figures.size()) return nullptr;
    return &ctx_.book->figures[size_t(figure)];
  }

  // ---- blocks ----

  void render(const Paragraph& p, SourcePos, bool) {
    if (p.children.empty()) return;
    w_.open("p");
    inlines(p.children);
    w_.close();
    w_.newline();
  }

  void render(const Heading& h, SourcePos, bool) {
    std::string id;
    if (ctx_.layout && chapter_ < ctx_.layout->chapters.size()) {
      const auto& ids = ctx_.layout->chapters[chapter_].heading_ids;
      if (auto it = ids.find(&h); it != ids.end()) id = it->second;
    }
    if (id.empty()) w_.open(heading_tag(h.level));
    else w_.open(heading_tag(h.level), {{"id", id}});
    inlines(h.children);
    w_.close();
    w_.newline();
  }

  void render(const List& l, SourcePos, bool) {
    std::string start = std::to_string(l.start);
    std::vector<XmlAttribute> attrs;
    if (l.tight) attrs.push_back({"class", "tight"});
    if (l.ordered && l.start != 1) attrs.push_back({"start", start});
    w_.open(l.ordered ? "ol" : "ul", attrs);
    w_.newline();
    for (const auto& item : l.items) {
      if (!item.task) {
        w_.open("li");
        blocks(item.children, l.tight);
        w_.close();
        w_.newline();
        continue;
      }
      w_.open("li", {{"class", *item.task ? "task done" : "task"}});
      // The box leads the item's first paragraph, so it stays on the same line as the text.
      const Paragraph* first = item.children.empty() ? nullptr : std::get_if<Paragraph>(&item.children[0].node);
      if (first) w_.open("p");
      task_box(*item.task);
      if (first) {
        inlines(first->children);
        w_.close();
      }
      for (size_t i = first ? 1 : 0; i < item.children.size(); ++i) block(item.children[i], l.tight);
      w_.close();
      w_.newline();
    }
    w_.close();
    w_.newline();
  }

  // A box character rather than a form control: readers have no forms, and the state
  // must stay visible without scripting.
  void task_box(bool done) {
    w_.element("span", done ? "\u2611" : "\u2610",
               {{"class", "task-box"}, {"role", "img"}, {"aria-label", done ? "done" : "not done"}});
    w_.text(" ");
  }

  void render(const BlockQuote& q, SourcePos, bool) {
    w_.open("blockquote");
    w_.newline();
    blocks(q.children);
    w_.close();
    w_.newline();
  }

  void render(const CodeBlock& c, SourcePos, bool) {
    std::string lang = c.language.empty() || c.language[0] == '{' ? c.highlight : c.language;
    for (char& ch : lang) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    write_code_block(w_, c, class_token(lang));
  }

  void cell(const char* tag, const TableCell& c, Align a) {
    if (const char* cls = align_class(a)) w_.open(tag, {{"class", cls}});
    else w_.open(tag);
    inlines(c.children);
    w_.close();
  }

  void render(const Table& t, SourcePos, bool) {
    auto align = [&](size_t col) { return col < t.align.size() ? t.align[col] : Align::none; };
    w_.open("table");
    w_.newline();
    // An HTML table without header cells comes with an empty header row: leave it out.
    bool has_header = false;
    for (const auto& c : t.header) has_header = has_header || !c.children.empty();
    if (has_header) {
      w_.open("thead");
      w_.open("tr");
      for (size_t i = 0; i < t.header.size(); ++i) cell("th", t.header[i], align(i));
      w_.close();
      w_.close();
      w_.newline();
    }
    if (!t.rows.empty()) {
      w_.open("tbody");
      w_.newline();
      for (const auto& row : t.rows) {
        w_.open("tr");
        for (size_t i = 0; i < row.size(); ++i) cell("td", row[i], align(i));
        w_.close();
        w_.newline();
      }
      w_.close();
      w_.newline();
    }
    w_.close();
    w_.newline();
  }

  void render(const ThematicBreak&, SourcePos, bool) {
    w_.empty("hr");
    w_.newline();
  }

  void render(const Figure& f, SourcePos pos, bool) {
    std::string alt = figure_alt_text(f.alt, f.caption, f.src);
    const ImageEntry* img = image(f.figure);
    if (!img) {
      placeholder_figure(f, alt, pos);
      return;
    }
    w_.open("figure", {{"class", "figure"}});
    std::optional<std::string> href;
    if (!f.link.empty()) href = external_or_internal(f.link, LinkTarget{}, pos);
    if (href) w_.open("a", {{"href", *href}});
    img_element(*img, alt, "figure-image", f.title);
    if (href) w_.close();
    if (!f.caption.empty()) {
      w_.open("figcaption");
      inlines(f.caption);
      w_.close();
    }
    w_.close();
    w_.newline();
  }

  void placeholder_figure(const Figure& f, const std::string& alt, SourcePos pos) {
    const FigureAsset* a = asset(f.figure);
    if (!a) warn(pos, "figure was not resolved, shown as a placeholder: " + f.src);
    // The URL the author wrote, not the mirror it was fetched from (--figure-rewrite).
    std::string source = !f.src.empty() ? f.src : a ? a->source : std::string();
    std::string shown = alt.empty() ? labels_for(ctx_.language).figure_missing : alt;
    w_.open("figure", {{"class", "figure missing"}});
    w_.open("div", {{"class", "missing-figure"}, {"role", "img"}, {"aria-label", shown}});
    w_.element("p", "[" + shown + "]", {{"class", "missing-alt"}});
    w_.element("p", source, {{"class", "missing-source"}});
    w_.close();
    if (!f.caption.empty()) {
      w_.open("figcaption");
      inlines(f.caption);
      w_.close();
    }
    w_.close();
    w_.newline();
  }

  void img_element(const ImageEntry& img, const std::string& alt, const char* cls, const std::string& title) {
    std::string width = std::to_string(img.width), height = std::to_string(img.height);
    std::vector<XmlAttribute> attrs{{"src", img.href}, {"alt", alt}, {"class", cls}};
    if (!title.empty()) attrs.push_back({"title", title});
    if (img.width > 0 && img.height > 0) {
      attrs.push_back({"width", width});
      attrs.push_back({"height", height});
    }
    w_.empty("img", attrs);
  }

  void render(const DefinitionList& d, SourcePos, bool) {
    w_.open("dl");
    w_.newline();
    for (const auto& item : d.items) {
      w_.open("dt");
      inlines(item.term);
      w_.close();
      w_.newline();
      for (const auto& def : item.definitions) {
        w_.open("dd");
        blocks(def);
        w_.close();
        w_.newline();
      }
    }
    w_.close();
    w_.newline();
  }

  void render(const Division& d, SourcePos, bool) {
    std::string kind = class_token(d.kind);
    std::string cls = "division" + (kind.empty() ? std::string() : " " + kind);
    w_.open("div", {{"class", cls}});
    w_.newline();
    if (!d.title.empty()) {
      w_.open("p", {{"class", "division-title"}});
      inlines(d.title);
      w_.close();
      w_.newline();
    }
    blocks(d.children);
    w_.close();
    w_.newline();
  }

  void render(const RawBlock& r, SourcePos, bool) {
    // Kept visible as source text: dropping it would silently lose content.
    std::string_view text = r.text;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
    if (text.empty()) return;
    w_.open("pre", {{"class", "raw raw-" + class_token(r.format)}});
    w_.text(text);
    w_.close();
    w_.newline();
  }

  // ---- inlines ----

  void inlines(const Inlines& list) {
    for (const auto& in : list) std::visit([&](const auto& node) { render_inline(node, in.pos); }, in.node);
  }

  void wrap(const char* tag, const Inlines& children) {
    w_.open(tag);
    inlines(children);
    w_.close();
  }

  void render_inline(const Text& t, SourcePos) {
    write_marked_text(w_, t.text, emphasis_depth_ > 0 && ctx_.han_emphasis != HanEmphasis::slant);
  }
  void render_inline(const Emphasis& e, SourcePos) {
    ++emphasis_depth_;
    wrap("em", e.children);
    --emphasis_depth_;
  }
  void render_inline(const Strong& e, SourcePos) { wrap("strong", e.children); }
  void render_inline(const Strikethrough& e, SourcePos) { wrap("del", e.children); }
  void render_inline(const Superscript& e, SourcePos) { wrap("sup", e.children); }
  void render_inline(const Subscript& e, SourcePos) { wrap("sub", e.children); }
  void render_inline(const Code& c, SourcePos) { w_.element("code", c.text); }
  void render_inline(const Math& m, SourcePos) {
    w_.element("code", m.tex, {{"class", m.display ? "math math-display" : "math"}});
  }
  void render_inline(const LineBreak&, SourcePos) { w_.empty("br"); }
  // <rp> parentheses let a reader without ruby show "漢(kan)" rather than "漢kan".
  void render_inline(const Ruby& r, SourcePos) {
    w_.open("ruby");
    inlines(r.children);
    w_.element("rp", "(");
    w_.element("rt", r.annotation);
    w_.element("rp", ")");
    w_.close();
  }

  // The href for a link, or nullopt when it leads nowhere a reader can go.
  std::optional<std::string> external_or_internal(const std::string& href, const LinkTarget& target,
                                                  SourcePos pos) {
    if (target.internal()) {
      if (auto h = link_to_chapter(target.chapter, target.fragment)) return h;
      warn(pos, "link target is not in the book, kept as text: " + href);
      return std::nullopt;
    }
    if (!target.url.empty() && is_openable_url(target.url)) return uri_or_warn(target.url, pos);
    if (!href.empty() && href[0] == '#') {
      if (auto h = link_to_chapter(int(chapter_), href.substr(1))) return h;
      warn(pos, "link to an anchor this post does not have, kept as text: " + href);
      return std::nullopt;
    }
    if (is_openable_url(href)) return uri_or_warn(href, pos);
    if (!href.empty()) warn(pos, "link leads outside the book, kept as text: " + href);
    return std::nullopt;
  }

  std::optional<std::string> uri_or_warn(const std::string& url, SourcePos pos) {
    auto uri = to_uri(url);
    if (!uri) warn(pos, "link is not a valid URL, kept as text: " + url);
    return uri;
  }

  std::optional<std::string> link_to_chapter(int chapter, const std::string& fragment) const {
    if (!ctx_.layout) return std::nullopt;
    auto h = ctx_.layout->links.href(chapter, fragment, file_ ? file_->name : std::string_view());
    // A fragment that is gone (a heading renamed or removed) still leads to the chapter.
    if (!h && !fragment.empty()) h = ctx_.layout->links.href(chapter, "", file_ ? file_->name : std::string_view());
    return h;
  }

  void render_inline(const Link& l, SourcePos pos) {
    if (in_link_) {  // <a> inside <a> is not allowed: the inner link keeps only its text
      inlines(l.children);
      return;
    }
    auto href = external_or_internal(l.href, l.target, pos);
    if (!href) {
      inlines(l.children);
      return;
    }
    std::vector<XmlAttribute> attrs{{"href", *href}};
    if (!l.title.empty()) attrs.push_back({"title", l.title});
    w_.open("a", attrs);
    in_link_ = true;
    inlines(l.children);
    in_link_ = false;
    w_.close();
  }

  void render_inline(const Image& i, SourcePos pos) {
    std::string alt = figure_alt_text(i.alt, {}, i.src);
    if (const ImageEntry* img = image(i.figure)) {
      img_element(*img, alt, "inline-image", i.title);
      return;
    }
    const FigureAsset* a = asset(i.figure);
    if (!a) warn(pos, "image was not resolved, shown as a placeholder: " + i.src);
    std::string shown = alt.empty() ? labels_for(ctx_.language).figure_missing : alt;
    w_.element("span", "[" + shown + "]", {{"class", "missing-image"}, {"title", i.src.empty() && a ? a->source : i.src}});
  }

  void render_inline(const FootnoteRef& r, SourcePos) {
    std::string number = std::to_string(r.number);
    auto href = r.number > 0 ? link_to(footnote_id(r.number)) : std::nullopt;
    if (!href) {
      w_.text("[^" + r.label + "]");
      return;
    }
    int k = ++ref_count_[r.number];
    if (in_link_) {
      w_.element("sup", number, {{"class", "noteref"}});
      return;
    }
    // The <sup> goes around the link, never inside it (Apple Books breaks pop-ups otherwise).
    w_.open("sup", {{"class", "noteref"}});
    w_.open("a", {{"epub:type", "noteref"}, {"role", "doc-noteref"}, {"id", footnote_ref_id(r.number, k)},
                  {"href", *href}});
    w_.text(number);
    w_.close();
    w_.close();
  }

  const ChapterContext& ctx_;
  int emphasis_depth_ = 0;  ///< inside how many <em> the text being written is
  size_t chapter_;
  const ChapterFile* file_;
  XmlWriter w_;
  bool in_link_ = false;
  std::map<int, int> ref_count_;
};

}  // namespace

std::string figure_alt_text(const std::string& alt, const Inlines&, const std::string&) {
  // An empty alt is decorative (alt=""), never a file name a screen reader would spell out.
  return alt;
}

bool is_real_alt_text(std::string_view alt) {
  size_t b = alt.find_first_not_of(" \t\n");
  if (b == std::string_view::npos) return false;
  alt = alt.substr(b, alt.find_last_not_of(" \t\n") - b + 1);
  std::string lower;
  for (char c : alt) lower += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  static const std::string_view generic[] = {"image", "img", "picture", "pic", "photo", "figure", "screenshot",
                                             "图片", "图像", "截图", "示意图", "配图", "圖片", "圖像", "插图",
                                             "alt", "alt text", "untitled", "default"};
  for (auto g : generic)
    if (lower == g) return false;
  // A file name ("a1b2c3.png", "image-20230101.jpg") is not a description.
  for (std::string_view ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"})
    if (lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0 &&
        lower.find(' ') == std::string::npos)
      return false;
  return true;
}

ImageAltCounts count_image_alts(const Book& book) {
  ImageAltCounts n;
  auto count = [&](const std::string& alt) {
    ++n.images;
    if (!is_real_alt_text(alt)) ++n.without_alt;
  };
  for (const auto& chapter : book.chapters) {
    const Document& doc = chapter.document;
    auto on_block = [&](const Block& b) {
      if (auto* f = std::get_if<Figure>(&b.node)) count(f->alt.empty() ? plain_text(f->caption) : f->alt);
    };
    for_each_block(doc.blocks, on_block);
    for (const auto& note : doc.footnotes) for_each_block(note.children, on_block);
    for_each_inline(doc, [&](const Inline& in) {
      if (auto* i = std::get_if<Image>(&in.node)) count(i->alt);
    });
  }
  return n;
}

bool every_image_has_alt_text(const Book& book) { return count_image_alts(book).without_alt == 0; }

size_t estimate_block_size(const Block& block) {
  ChapterContext none;
  ChapterRenderer r(none, 0, nullptr);
  r.block(block);
  return r.writer().size();
}

std::string render_chapter_file(const ChapterContext& ctx, size_t chapter, size_t file_index) {
  const Chapter& ch = ctx.book->chapters[chapter];
  const ChapterLayout& layout = ctx.layout->chapters[chapter];
  const ChapterFile& file = layout.files[file_index];
  ChapterRenderer r(ctx, chapter, &file);
  XmlWriter& w = r.writer();
  begin_xhtml(w, ctx.language, ch.post.title, ctx.stylesheet);
  w.open("section", {{"epub:type", "chapter"}, {"role", "doc-chapter"}, {"class", "chapter"}});
  w.newline();
  if (file_index == 0) {
    w.open("header", {{"class", "chapter-header"}});
    w.newline();
    w.element("h1", ch.post.title.empty() ? std::string("-") : ch.post.title,
              {{"id", "chapter-title"}, {"class", "chapter-title"}});
    w.newline();
    bool has_date = ch.post.date.has_value();
    if (has_date || !ch.post.authors.empty()) {
      w.open("p", {{"class", "chapter-meta"}});
      if (has_date) {
        std::string ymd = ch.post.date->ymd();
        w.element("time", ymd, {{"datetime", ymd}, {"class", "chapter-date"}});
      }
      for (size_t i = 0; i < ch.post.authors.size(); ++i) {
        if (has_date || i > 0) w.text(i == 0 ? " \u00B7 " : ", ");
        w.element("span", ch.post.authors[i], {{"class", "chapter-author"}});
      }
      w.close();
      w.newline();
    }
    if (!ch.post.tags.empty()) {
      w.open("p", {{"class", "chapter-tags"}});
      for (size_t i = 0; i < ch.post.tags.size(); ++i) {
        if (i > 0) w.text(" ");
        w.element("span", ch.post.tags[i], {{"class", "tag"}});
      }
      w.close();
      w.newline();
    }
    w.close();
    w.newline();
  }
  const Blocks& blocks = ch.document.blocks;
  for (size_t b = file.block_begin; b < file.block_end && b < blocks.size(); ++b) r.block(blocks[b]);
  r.footnotes(ch.document, file.footnotes);
  return w.finish();
}

std::string render_part_page(const ChapterContext& ctx, const std::string& title) {
  XmlWriter w;
  begin_xhtml(w, ctx.language, title, ctx.stylesheet);
  w.open("section", {{"epub:type", "part"}, {"role", "doc-part"}, {"class", "part"}});
  w.element("h1", title.empty() ? std::string("-") : title, {{"class", "part-title"}});
  return w.finish();
}

}  // namespace folio::epub
