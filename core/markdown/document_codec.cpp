// The binary form: unsigned numbers as LEB128, signed ones zigzagged, strings and lists
// with their length first, a variant as its alternative's index then its fields.
#include "document_codec.hpp"

#include <cstdint>
#include <type_traits>

namespace folio::markdown {

namespace {

// Bumped whenever a model field is added or removed, so old entries are misses.
constexpr uint64_t layout_version = 1;
// Nesting deeper than any reader makes: damaged bytes cannot recurse without end.
constexpr int max_depth = 512;

class Encoder {
 public:
  std::string out;

  void u(uint64_t v) {
    while (v >= 0x80) {
      out += char(uint8_t(v) | 0x80);
      v >>= 7;
    }
    out += char(uint8_t(v));
  }
  void i(int64_t v) { u((uint64_t(v) << 1) ^ uint64_t(v >> 63)); }
  void s(const std::string& v) {
    u(v.size());
    out += v;
  }
  void b(bool v) { u(v ? 1 : 0); }
  void pos(SourcePos p) {
    u(p.line);
    u(p.column);
  }

  void inlines(const Inlines& list) {
    u(list.size());
    for (const Inline& in : list) inline_(in);
  }
  void blocks(const Blocks& list) {
    u(list.size());
    for (const Block& b : list) block(b);
  }

  void inline_(const Inline& in) {
    u(in.node.index());
    pos(in.pos);
    std::visit([&](const auto& n) { fields(n); }, in.node);
  }
  void block(const Block& bl) {
    u(bl.node.index());
    pos(bl.pos);
    std::visit([&](const auto& n) { fields(n); }, bl.node);
  }

  // Inlines.
  void fields(const Text& n) { s(n.text); }
  void fields(const Emphasis& n) { inlines(n.children); }
  void fields(const Strong& n) { inlines(n.children); }
  void fields(const Strikethrough& n) { inlines(n.children); }
  void fields(const Superscript& n) { inlines(n.children); }
  void fields(const Subscript& n) { inlines(n.children); }
  void fields(const Code& n) { s(n.text); }
  void fields(const Math& n) {
    s(n.tex);
    b(n.display);
  }
  void fields(const LineBreak&) {}
  void fields(const Link& n) {
    inlines(n.children);
    s(n.href);
    s(n.title);
    i(n.target.chapter);
    s(n.target.fragment);
    s(n.target.url);
  }
  void fields(const Image& n) {
    s(n.src);
    s(n.alt);
    s(n.title);
    i(n.figure);
  }
  void fields(const FootnoteRef& n) {
    s(n.label);
    i(n.number);
  }
  void fields(const Ruby& n) {
    inlines(n.children);
    s(n.annotation);
  }

  // Blocks.
  void fields(const Paragraph& n) { inlines(n.children); }
  void fields(const Heading& n) {
    i(n.level);
    s(n.id);
    s(n.post_id);
    inlines(n.children);
  }
  void fields(const List& n) {
    b(n.ordered);
    i(n.start);
    b(n.tight);
    u(n.items.size());
    for (const ListItem& item : n.items) {
      u(item.task ? (*item.task ? 2 : 1) : 0);
      blocks(item.children);
      pos(item.pos);
    }
  }
  void fields(const BlockQuote& n) { blocks(n.children); }
  void fields(const CodeBlock& n) {
    s(n.language);
    s(n.info);
    s(n.text);
    s(n.highlight);
    b(n.guessed);
    u(n.tokens.size());
    for (const CodeToken& t : n.tokens) {
      u(t.offset);
      u(t.length);
      u(uint64_t(t.style));
    }
    u(uint64_t(n.lines.numbers));
    i(n.lines.start);
    u(n.lines.highlighted.size());
    for (int line : n.lines.highlighted) i(line);
    i(n.lines.tab_width);
  }
  void cells(const std::vector<TableCell>& row) {
    u(row.size());
    for (const TableCell& c : row) {
      inlines(c.children);
      pos(c.pos);
    }
  }
  void fields(const Table& n) {
    u(n.align.size());
    for (Align a : n.align) u(uint64_t(a));
    cells(n.header);
    u(n.rows.size());
    for (const auto& row : n.rows) cells(row);
  }
  void fields(const ThematicBreak&) {}
  void fields(const Figure& n) {
    s(n.src);
    s(n.alt);
    s(n.title);
    inlines(n.caption);
    s(n.link);
    i(n.figure);
  }
  void fields(const DefinitionList& n) {
    u(n.items.size());
    for (const DefinitionItem& item : n.items) {
      inlines(item.term);
      u(item.definitions.size());
      for (const Blocks& d : item.definitions) blocks(d);
      pos(item.pos);
    }
  }
  void fields(const Division& n) {
    s(n.kind);
    inlines(n.title);
    blocks(n.children);
  }
  void fields(const RawBlock& n) {
    s(n.format);
    s(n.text);
  }
};

// Reads what Encoder wrote. Any inconsistency sets `bad`; reads after it return zeros.
class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}
  bool bad = false;
  bool at_end() const { return at_ == in_.size(); }

  uint64_t u() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) return fail();
      const uint8_t byte = uint8_t(in_[at_++]);
      v |= uint64_t(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    return fail();
  }
  int64_t i() {
    const uint64_t v = u();
    return int64_t(v >> 1) ^ -int64_t(v & 1);
  }
  int i32() {
    const int64_t v = i();
    if (v < INT32_MIN || v > INT32_MAX) return int(fail());
    return int(v);
  }
  uint32_t u32() {
    const uint64_t v = u();
    if (v > UINT32_MAX) return uint32_t(fail());
    return uint32_t(v);
  }
  std::string s() {
    const uint64_t n = u();
    if (bad || n > in_.size() - at_) return fail(), std::string();
    std::string v(in_.substr(at_, n));
    at_ += n;
    return v;
  }
  bool b() { return u() != 0; }
  SourcePos pos() {
    SourcePos p;
    p.line = u32();
    p.column = u32();
    return p;
  }
  // A list's length, which cannot be more than the bytes left (every element takes one).
  size_t count() {
    const uint64_t n = u();
    if (bad || n > in_.size() - at_) return size_t(fail());
    return size_t(n);
  }

  Inlines inlines(int depth) {
    Inlines list;
    const size_t n = count();
    if (depth > max_depth) return fail(), list;
    list.reserve(n);
    for (size_t k = 0; k < n && !bad; ++k) list.push_back(inline_(depth + 1));
    return list;
  }
  Blocks blocks(int depth) {
    Blocks list;
    const size_t n = count();
    if (depth > max_depth) return fail(), list;
    list.reserve(n);
    for (size_t k = 0; k < n && !bad; ++k) list.push_back(block(depth + 1));
    return list;
  }

  Inline inline_(int d) {
    Inline in;
    const uint64_t kind = u();
    in.pos = pos();
    switch (kind) {
      case 0: in.node = Text{s()}; break;
      case 1: in.node = Emphasis{inlines(d)}; break;
      case 2: in.node = Strong{inlines(d)}; break;
      case 3: in.node = Strikethrough{inlines(d)}; break;
      case 4: in.node = Superscript{inlines(d)}; break;
      case 5: in.node = Subscript{inlines(d)}; break;
      case 6: in.node = Code{s()}; break;
      case 7: {
        Math m;
        m.tex = s();
        m.display = b();
        in.node = std::move(m);
        break;
      }
      case 8: in.node = LineBreak{}; break;
      case 9: {
        Link l;
        l.children = inlines(d);
        l.href = s();
        l.title = s();
        l.target.chapter = i32();
        l.target.fragment = s();
        l.target.url = s();
        in.node = std::move(l);
        break;
      }
      case 10: {
        Image im;
        im.src = s();
        im.alt = s();
        im.title = s();
        im.figure = i32();
        in.node = std::move(im);
        break;
      }
      case 11: {
        FootnoteRef f;
        f.label = s();
        f.number = i32();
        in.node = std::move(f);
        break;
      }
      case 12: {
        Ruby r;
        r.children = inlines(d);
        r.annotation = s();
        in.node = std::move(r);
        break;
      }
      default: fail();
    }
    return in;
  }

  std::vector<TableCell> cells(int d) {
    std::vector<TableCell> row(count());
    for (auto& c : row) {
      if (bad) break;
      c.children = inlines(d);
      c.pos = pos();
    }
    return row;
  }

  Block block(int d) {
    Block bl;
    const uint64_t kind = u();
    bl.pos = pos();
    switch (kind) {
      case 0: bl.node = Paragraph{inlines(d)}; break;
      case 1: {
        Heading h;
        h.level = i32();
        h.id = s();
        h.post_id = s();
        h.children = inlines(d);
        bl.node = std::move(h);
        break;
      }
      case 2: {
        List l;
        l.ordered = b();
        l.start = i32();
        l.tight = b();
        l.items.resize(count());
        for (ListItem& item : l.items) {
          if (bad) break;
          const uint64_t task = u();
          if (task > 2) fail();
          if (task) item.task = task == 2;
          item.children = blocks(d);
          item.pos = pos();
        }
        bl.node = std::move(l);
        break;
      }
      case 3: bl.node = BlockQuote{blocks(d)}; break;
      case 4: {
        CodeBlock c;
        c.language = s();
        c.info = s();
        c.text = s();
        c.highlight = s();
        c.guessed = b();
        c.tokens.resize(count());
        for (CodeToken& t : c.tokens) {
          t.offset = u32();
          t.length = u32();
          const uint64_t style = u();
          if (style >= token_style_count) fail();
          t.style = TokenStyle(style);
        }
        const uint64_t numbers = u();
        if (numbers > uint64_t(CodeLines::Numbers::table)) fail();
        c.lines.numbers = CodeLines::Numbers(numbers);
        c.lines.start = i32();
        c.lines.highlighted.resize(count());
        for (int& line : c.lines.highlighted) line = i32();
        c.lines.tab_width = i32();
        bl.node = std::move(c);
        break;
      }
      case 5: {
        Table t;
        t.align.resize(count());
        for (Align& a : t.align) {
          const uint64_t v = u();
          if (v > uint64_t(Align::right)) fail();
          a = Align(v);
        }
        t.header = cells(d);
        t.rows.resize(count());
        for (auto& row : t.rows) {
          if (bad) break;
          row = cells(d);
        }
        bl.node = std::move(t);
        break;
      }
      case 6: bl.node = ThematicBreak{}; break;
      case 7: {
        Figure f;
        f.src = s();
        f.alt = s();
        f.title = s();
        f.caption = inlines(d);
        f.link = s();
        f.figure = i32();
        bl.node = std::move(f);
        break;
      }
      case 8: {
        DefinitionList l;
        l.items.resize(count());
        for (DefinitionItem& item : l.items) {
          if (bad) break;
          item.term = inlines(d);
          item.definitions.resize(count());
          for (Blocks& def : item.definitions) {
            if (bad) break;
            def = blocks(d);
          }
          item.pos = pos();
        }
        bl.node = std::move(l);
        break;
      }
      case 9: {
        Division v;
        v.kind = s();
        v.title = inlines(d);
        v.children = blocks(d);
        bl.node = std::move(v);
        break;
      }
      case 10: {
        RawBlock r;
        r.format = s();
        r.text = s();
        bl.node = std::move(r);
        break;
      }
      default: fail();
    }
    return bl;
  }

 private:
  uint64_t fail() {
    bad = true;
    at_ = in_.size();
    return 0;
  }
  std::string_view in_;
  size_t at_ = 0;
};

// The alternatives' indices are the tags in the bytes: a model with other alternatives
// must bump layout_version.
static_assert(std::variant_size_v<decltype(Inline::node)> == 13);
static_assert(std::variant_size_v<decltype(Block::node)> == 11);

}  // namespace

std::string encode_read_post(const ReadPost& post) {
  Encoder e;
  e.u(layout_version);
  e.s(post.document.source);
  e.blocks(post.document.blocks);
  e.u(post.document.footnotes.size());
  for (const Footnote& f : post.document.footnotes) {
    e.s(f.label);
    e.i(f.number);
    e.blocks(f.children);
    e.pos(f.pos);
  }
  e.u(post.diagnostics.size());
  for (const Diagnostic& d : post.diagnostics) {
    e.u(uint64_t(d.severity));
    e.s(d.where.file);
    e.u(d.where.line);
    e.u(d.where.column);
    e.s(d.message);
  }
  return std::move(e.out);
}

std::optional<ReadPost> decode_read_post(std::string_view bytes) {
  Decoder d(bytes);
  if (d.u() != layout_version || d.bad) return std::nullopt;
  ReadPost post;
  post.document.source = d.s();
  post.document.blocks = d.blocks(0);
  post.document.footnotes.resize(d.count());
  for (Footnote& f : post.document.footnotes) {
    if (d.bad) break;
    f.label = d.s();
    f.number = d.i32();
    f.children = d.blocks(0);
    f.pos = d.pos();
  }
  post.diagnostics.resize(d.count());
  for (Diagnostic& diag : post.diagnostics) {
    if (d.bad) break;
    const uint64_t severity = d.u();
    if (severity > uint64_t(Severity::error)) return std::nullopt;
    diag.severity = Severity(severity);
    diag.where.file = d.s();
    diag.where.line = d.u32();
    diag.where.column = d.u32();
    diag.message = d.s();
  }
  if (d.bad || !d.at_end()) return std::nullopt;
  return post;
}

}  // namespace folio::markdown
