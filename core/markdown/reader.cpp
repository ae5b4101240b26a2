// md4c callbacks → Blocks and Inlines, with a SourcePos on every node.
#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

#include "base/limits.hpp"

#include "base/utf8.hpp"
#include "reading.hpp"

namespace folio::markdown {
namespace {

/// A soft break between two CJK characters or CJK punctuation marks is no space.
/// Curly quotes and dashes also close English phrases, so they count only next to CJK.
bool no_space_at_break(char32_t before, char32_t after) {
  auto cjk_or_mark = [](char32_t c) { return utf8::is_cjk(c) || utf8::is_cjk_punctuation(c); };
  return cjk_or_mark(before) && cjk_or_mark(after) && (utf8::is_cjk(before) || utf8::is_cjk(after));
}

/// What a frame of the open-node stack is building.
enum class FrameKind {
  root, quote, list, item, paragraph, heading, code, html, table, row, cell,
  emphasis, strong, strike, link, image, code_span, math, html_span, implicit_paragraph
};

struct Frame {
  explicit Frame(FrameKind k) : kind(k) {}
  FrameKind kind;
  SourcePos pos;
  bool pos_set = false;
  Blocks blocks;                  // root, quote, item
  Inlines inlines;                // paragraph, heading, cell, spans
  std::string text;               // code, html, code_span, math
  std::vector<uint32_t> origins;  // html: origin of each byte of text
  int level = 0;                  // heading
  List list;                      // list
  std::optional<bool> task;       // item
  CodeBlock code;                 // code
  Table table;                    // table
  bool in_header = false;         // table
  std::vector<TableCell> row;     // row
  Align align = Align::none;      // cell
  Link link;                      // link
  Image image;                    // image
  bool display = false;           // math
  std::string tag;                // html_span: the element name
  bool autolink = false;          // link: its text is its URL (no typographer)
  const char* href_text = nullptr; // link: where md4c's href points (an autolink's own text)
};

bool holds_inlines(FrameKind k) {
  switch (k) {
    case FrameKind::root: case FrameKind::quote: case FrameKind::list: case FrameKind::item:
    case FrameKind::code: case FrameKind::html: case FrameKind::table: case FrameKind::row:
      return false;
    default:
      return true;
  }
}

bool is_span(FrameKind k) {
  return k == FrameKind::emphasis || k == FrameKind::strong || k == FrameKind::strike ||
         k == FrameKind::link || k == FrameKind::image || k == FrameKind::code_span ||
         k == FrameKind::math || k == FrameKind::html_span;
}

/// Characters that open an inline span in Markdown source (for locating a span's start).
std::string_view span_delimiters(FrameKind k) {
  switch (k) {
    case FrameKind::emphasis: case FrameKind::strong: return "*_";
    case FrameKind::strike: return "~";
    case FrameKind::link: return "[<";
    case FrameKind::image: return "![";
    case FrameKind::code_span: return "` ";
    case FrameKind::math: return "$";
    default: return "";
  }
}

class Reader {
 public:
  Reader(const MappedText& text, PostReader& post) : in_(text), post_(post) {
    stack_.push_back(Frame(FrameKind::root));
  }

  Blocks run() {
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_DIALECT_GITHUB | (post_.options.math ? MD_FLAG_LATEXMATHSPANS : 0);
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
      return static_cast<Reader*>(u)->enter_block(t, d);
    };
    parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) {
      return static_cast<Reader*>(u)->leave_block(t, d);
    };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) {
      return static_cast<Reader*>(u)->enter_span(t, d);
    };
    parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) {
      return static_cast<Reader*>(u)->leave_span(t, d);
    };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
      return static_cast<Reader*>(u)->text(t, s, n);
    };
    md_parse(in_.text.data(), static_cast<MD_SIZE>(in_.text.size()), &parser, this);
    close_implicit();
    while (stack_.size() > 1) leave_top();
    return std::move(stack_.front().blocks);
  }

 private:
  // ---- positions ----------------------------------------------------------------------
  uint32_t offset_of(const MD_CHAR* p) const {
    const char* base = in_.text.data();
    if (p < base || p > base + in_.text.size()) return last_offset_;
    return static_cast<uint32_t>(p - base);
  }
  uint32_t origin_of(uint32_t offset) const { return in_.at(offset); }

  /// A block starts at the first non-blank character of the line its first text is on.
  SourcePos block_pos(uint32_t offset, FrameKind kind) const {
    uint32_t origin = origin_of(offset);
    if (kind == FrameKind::paragraph || kind == FrameKind::implicit_paragraph ||
        kind == FrameKind::cell) {
      // The first text may sit inside a span: start at the span's opening delimiter.
      uint32_t start = offset;
      while (start > 0 && std::string_view("*_~`[!$").find(in_.text[start - 1]) != std::string_view::npos)
        --start;
      return post_.pos(origin_of(start));
    }
    const std::string& body = post_.post.body;
    size_t line_start = origin == 0 ? 0 : body.rfind('\n', origin - 1);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    if (origin == 0) line_start = 0;
    size_t k = line_start;
    while (k < origin && (body[k] == ' ' || body[k] == '\t')) ++k;
    return post_.pos(static_cast<uint32_t>(k));
  }

  /// Sets the position of every frame still without one, from the first text inside it.
  void place(uint32_t offset) {
    last_offset_ = offset;
    for (auto it = stack_.rbegin(); it != stack_.rend() && !it->pos_set; ++it) {
      if (is_span(it->kind)) {
        // Walk back over the span's opening delimiter in the parsed text.
        uint32_t start = offset;
        std::string_view delims = span_delimiters(it->kind);
        while (start > 0 && delims.find(in_.text[start - 1]) != std::string_view::npos) --start;
        if (it->kind == FrameKind::link && start > 0 && in_.text[start - 1] == '[') --start;
        it->pos = post_.pos(origin_of(start));
      } else {
        it->pos = block_pos(offset, it->kind);
      }
      it->pos_set = true;
    }
  }

  // ---- stack helpers ------------------------------------------------------------------
  Frame& top() { return stack_.back(); }

  void push(FrameKind kind) {
    if (!holds_inlines(kind) || kind == FrameKind::paragraph || kind == FrameKind::heading ||
        kind == FrameKind::cell)
      close_implicit();
    flush_text();
    Frame f(kind);
    stack_.push_back(std::move(f));
  }

  void close_implicit() {
    flush_text();
    while (top().kind == FrameKind::html_span) close_html_span(true);
    if (top().kind == FrameKind::implicit_paragraph) leave_top();
  }

  /// Tight list items get their text without a paragraph block: make one.
  void ensure_inline_frame() {
    if (!holds_inlines(top().kind)) {
      Frame f(FrameKind::implicit_paragraph);
      stack_.push_back(std::move(f));
    }
  }

  void add_block(Block b) {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->kind == FrameKind::root || it->kind == FrameKind::quote ||
          it->kind == FrameKind::item) {
        it->blocks.push_back(std::move(b));
        return;
      }
    }
  }

  void add_inline(Inline in) {
    ensure_inline_frame();
    top().inlines.push_back(std::move(in));
  }

  // ---- text ---------------------------------------------------------------------------
  void append_pending(std::string_view s, uint32_t offset, bool mapped_bytes) {
    ensure_inline_frame();
    pending_.append(s);
    for (size_t k = 0; k < s.size(); ++k)
      pending_origins_.push_back(origin_of(mapped_bytes ? offset + static_cast<uint32_t>(k) : offset));
  }

  char32_t last_char() const {
    if (!pending_.empty()) {
      size_t i = pending_.size() - 1;
      while (i > 0 && (static_cast<unsigned char>(pending_[i]) & 0xC0) == 0x80) --i;
      return utf8::next(pending_, i);
    }
    return last_char_;
  }

  void flush_text() {
    if (pending_.empty()) return;
    Frame& f = top();
    bool typo = post_.options.typographer;
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->kind == FrameKind::link && it->autolink) typo = false;
    // Markers: inserted inlines are swapped in; block markers wait for the paragraph's end.
    size_t run = 0, i = 0;
    auto emit_run = [&](size_t end) {
      if (end > run) {
        std::vector<uint32_t> origins(pending_origins_.begin() + run, pending_origins_.begin() + end);
        append_normal_text(f.inlines, std::string_view(pending_).substr(run, end - run), origins,
                           run_previous_, typo, post_);
      }
    };
    while (i < pending_.size()) {
      size_t at = i;
      char kind;
      size_t index;
      if (pending_.compare(i, kMarkerOpen.size(), kMarkerOpen) == 0 &&
          parse_marker(pending_, i, kind, index)) {
        emit_run(at);
        SourcePos pos = post_.pos(pending_origins_[at]);
        if (kind == 'I' && index < post_.insertions.inlines.size()) {
          f.inlines.push_back(std::move(post_.insertions.inlines[index]));
        } else {
          f.inlines.push_back(Inline{Text{pending_.substr(at, i - at)}, pos});
        }
        run = i;
      } else {
        ++i;
      }
    }
    emit_run(pending_.size());
    last_char_ = last_char();
    run_previous_ = last_char_;
    pending_.clear();
    pending_origins_.clear();
  }

  /// The first character the reader will see after a soft break (markup skipped).
  char32_t peek_after(uint32_t offset) const {
    std::string_view s = in_.text;
    size_t k = offset;
    while (k < s.size() && std::string_view(" \t\n\r>*_~[!`").find(s[k]) != std::string_view::npos)
      ++k;
    if (k >= s.size()) return 0;
    return utf8::next(s, k);
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE n) {
    const char* base = in_.text.data();
    const bool in_buffer = s >= base && s <= base + in_.text.size();
    // md4c hands soft and hard breaks over as constant strings: they sit after the last text.
    const uint32_t offset = in_buffer ? offset_of(s) : last_end_;
    if (in_buffer) last_end_ = offset + n;
    place(offset);
    std::string_view t(s, n);
    Frame& f = top();
    switch (type) {
      case MD_TEXT_CODE:
        if (f.kind == FrameKind::code || f.kind == FrameKind::code_span) f.text.append(t);
        else append_pending(t, offset, true);
        break;
      case MD_TEXT_HTML:
        if (f.kind == FrameKind::html) {
          f.text.append(t);
          for (size_t k = 0; k < n; ++k) f.origins.push_back(origin_of(offset + k));
        } else {
          inline_html(t, offset);
        }
        break;
      case MD_TEXT_LATEXMATH:
        if (f.kind == FrameKind::math) f.text.append(t);
        else append_pending(t, offset, true);
        break;
      case MD_TEXT_ENTITY: {
        std::string decoded = decode_entity(t);
        if (f.kind == FrameKind::code_span || f.kind == FrameKind::math) f.text.append(decoded.empty() ? std::string(t) : decoded);
        else append_pending(decoded.empty() ? t : std::string_view(decoded), offset, false);
        break;
      }
      case MD_TEXT_NULLCHAR:
        append_pending("\xEF\xBF\xBD", offset, false);
        break;
      case MD_TEXT_BR:
        flush_text();
        add_inline(Inline{LineBreak{}, post_.pos(origin_of(offset))});
        last_char_ = '\n';
        run_previous_ = ' ';
        break;
      case MD_TEXT_SOFTBR:
        if (f.kind == FrameKind::code_span || f.kind == FrameKind::math) {
          f.text += ' ';
        } else {
          // Between two CJK characters a line break is no space (Chinese text wraps anywhere).
          char32_t before = last_char();
          size_t nl = in_.text.find('\n', offset);
          char32_t after = peek_after(nl == std::string::npos ? offset : static_cast<uint32_t>(nl));
          if (!no_space_at_break(before, after)) append_pending(" ", offset, false);
        }
        break;
      default:
        // A bare or <angle> autolink: its text is its href, byte for byte.
        if (f.kind == FrameKind::link && s == f.href_text) f.autolink = true;
        append_pending(t, offset, true);
        break;
    }
    return 0;
  }

  // ---- inline raw HTML ----------------------------------------------------------------
  void inline_html(std::string_view raw, uint32_t offset) {
    HtmlTag tag = parse_html_tag(raw);
    if (tag.name.empty()) return;  // comments, declarations
    const SourcePos pos = post_.pos(origin_of(offset));
    if (tag.closing) {
      flush_text();
      for (auto it = stack_.rbegin(); it != stack_.rend() && it->kind == FrameKind::html_span; ++it) {
        if (it->tag == tag.name) {
          while (top().tag != tag.name) close_html_span(true);
          close_html_span(false);
          return;
        }
      }
      return;  // a stray closing tag: nothing to close
    }
    if (tag.name == "br") {
      flush_text();
      add_inline(Inline{LineBreak{}, pos});
      return;
    }
    if (tag.name == "img") {
      flush_text();
      Image img{tag.attribute("src"), tag.attribute("alt"), tag.attribute("title")};
      add_inline(Inline{std::move(img), pos});
      return;
    }
    static const std::string_view known[] = {"em", "i", "strong", "b", "del", "s", "strike",
                                             "sup", "sub", "code", "a", "kbd", "tt", "samp",
                                             "ruby", "rt", "rp", "rb"};
    if (std::find(std::begin(known), std::end(known), tag.name) == std::end(known))
      post_.warn_at(pos, "HTML <" + tag.name + "> is not kept: dropped, its text kept");
    if (tag.self_closing) return;
    ensure_inline_frame();
    if (too_deep()) return;  // its text stays; a stray closing tag later is ignored
    push(FrameKind::html_span);
    top().tag = tag.name;
    top().pos = pos;
    top().pos_set = true;
    if (tag.name == "a") {
      top().link.href = tag.attribute("href");
      top().link.title = tag.attribute("title");
    }
  }

  void close_html_span(bool unclosed) {
    flush_text();
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    // </rt> and </rp> are optional in HTML: the next <rt> or </ruby> ends them.
    if (unclosed && f.tag != "rt" && f.tag != "rp") post_.warn_at(f.pos, "HTML <" + f.tag + "> is never closed");
    const std::string& n = f.tag;
    Inline in{Text{}, f.pos};
    if (n == "em" || n == "i") in.node = Emphasis{std::move(f.inlines)};
    else if (n == "strong" || n == "b") in.node = Strong{std::move(f.inlines)};
    else if (n == "del" || n == "s" || n == "strike") in.node = Strikethrough{std::move(f.inlines)};
    else if (n == "sup") in.node = Superscript{std::move(f.inlines)};
    else if (n == "sub") in.node = Subscript{std::move(f.inlines)};
    else if (n == "code" || n == "kbd" || n == "tt" || n == "samp") in.node = Code{plain_text(f.inlines)};
    else if (n == "a") {
      f.link.children = std::move(f.inlines);
      in.node = std::move(f.link);
    } else if (n == "rp") {
      return;  // fallback parentheses for readers without ruby: the model has ruby
    } else if (n == "rt" && inside_html("ruby")) {
      // An annotation waiting for its <ruby> to close: a Ruby without a base yet.
      in.node = Ruby{{}, plain_text(f.inlines)};
    } else if (n == "ruby") {
      for (auto& child : ruby_pairs(std::move(f.inlines))) top().inlines.push_back(std::move(child));
      return;
    } else {
      for (auto& child : f.inlines) top().inlines.push_back(std::move(child));
      return;
    }
    top().inlines.push_back(std::move(in));
  }

  bool inside_html(std::string_view tag) const {
    return std::any_of(stack_.begin(), stack_.end(),
                       [&](const Frame& f) { return f.kind == FrameKind::html_span && f.tag == tag; });
  }

  /// A <ruby>'s content: each run of base text before an annotation becomes one Ruby.
  static Inlines ruby_pairs(Inlines content) {
    Inlines out, base;
    for (auto& in : content) {
      auto* r = std::get_if<Ruby>(&in.node);
      if (r && r->children.empty()) {
        trim_inlines(base);
        out.push_back(Inline{Ruby{std::move(base), std::move(r->annotation)}, in.pos});
        base.clear();
      } else {
        base.push_back(std::move(in));
      }
    }
    for (auto& in : base) out.push_back(std::move(in));  // base text without an annotation
    return out;
  }

  // ---- blocks -------------------------------------------------------------------------
  // ---- nesting limit ------------------------------------------------------------------
  /// Quotes, lists, items and spans nested past limits::kMaxMarkdownNesting are not opened:
  /// their content goes to the innermost open container (flattened), with one warning.
  bool too_deep() {
    if (stack_.size() < limits::kMaxMarkdownNesting) return false;
    if (!warned_depth_) {
      warned_depth_ = true;
      post_.warn_at(post_.pos(origin_of(last_offset_)),
                    "nested more than " + std::to_string(limits::kMaxMarkdownNesting) +
                        " levels deep: the deeper quotes, lists and spans are flattened (see \"Limits\" in the README)");
    }
    return true;
  }

  static bool is_container_block(MD_BLOCKTYPE type) {
    return type == MD_BLOCK_QUOTE || type == MD_BLOCK_UL || type == MD_BLOCK_OL || type == MD_BLOCK_LI;
  }

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    if (is_container_block(type)) {
      close_implicit();
      if (too_deep()) {
        ++flattened_blocks_[type];
        return 0;
      }
    }
    switch (type) {
      case MD_BLOCK_DOC: break;
      case MD_BLOCK_QUOTE: push(FrameKind::quote); break;
      case MD_BLOCK_UL: {
        push(FrameKind::list);
        auto* d = static_cast<MD_BLOCK_UL_DETAIL*>(detail);
        top().list.tight = d->is_tight != 0;
        break;
      }
      case MD_BLOCK_OL: {
        push(FrameKind::list);
        auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
        top().list.ordered = true;
        top().list.start = static_cast<int>(d->start);
        top().list.tight = d->is_tight != 0;
        break;
      }
      case MD_BLOCK_LI: {
        push(FrameKind::item);
        auto* d = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
        if (d->is_task) {
          top().task = d->task_mark != ' ';
          place(d->task_mark_offset);
        }
        break;
      }
      case MD_BLOCK_HR:
        close_implicit();
        hr_pending_ = true;
        break;
      case MD_BLOCK_H:
        push(FrameKind::heading);
        top().level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_CODE: {
        push(FrameKind::code);
        auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        top().code.info.assign(d->info.text, d->info.size);
        std::string lang(d->lang.text, d->lang.size);
        for (auto& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (auto brace = lang.find('{'); brace != std::string::npos) lang.resize(brace);
        top().code.language = lang;
        if (d->fence_char && d->info.size > 0) place(offset_of(d->info.text));
        fenced_ = d->fence_char != 0;
        break;
      }
      case MD_BLOCK_HTML: push(FrameKind::html); break;
      case MD_BLOCK_P: push(FrameKind::paragraph); break;
      case MD_BLOCK_TABLE: push(FrameKind::table); break;
      case MD_BLOCK_THEAD: top().in_header = true; break;
      case MD_BLOCK_TBODY: top().in_header = false; break;
      case MD_BLOCK_TR: push(FrameKind::row); break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: {
        push(FrameKind::cell);
        MD_ALIGN a = static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align;
        top().align = a == MD_ALIGN_LEFT ? Align::left
                      : a == MD_ALIGN_CENTER ? Align::center
                      : a == MD_ALIGN_RIGHT ? Align::right : Align::none;
        break;
      }
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    if (is_container_block(type) && flattened_blocks_[type] > 0) {
      close_implicit();
      --flattened_blocks_[type];
      return 0;
    }
    switch (type) {
      case MD_BLOCK_DOC: break;
      case MD_BLOCK_HR: {
        hr_pending_ = false;
        Block b{ThematicBreak{}, post_.pos(origin_of(last_offset_))};
        add_block(std::move(b));
        break;
      }
      case MD_BLOCK_THEAD: case MD_BLOCK_TBODY: break;
      default: {
        close_implicit();
        // md4c 0.4.8 can send unbalanced events on odd input: only leave what is open.
        FrameKind want = block_kind(type);
        auto open = std::find_if(stack_.rbegin(), stack_.rend(),
                                 [&](const Frame& f) { return f.kind == want; });
        if (open == stack_.rend()) break;
        while (top().kind != want && stack_.size() > 1) {
          if (is_span(top().kind)) close_open_span();
          else leave_top();
        }
        if (top().kind == want) leave_top();
        break;
      }
    }
    return 0;
  }

  /// A span md4c opened and never closed: its text stays, its markup goes.
  void close_open_span() {
    if (top().kind == FrameKind::html_span) {
      close_html_span(!top().tag.empty());
      return;
    }
    flush_text();
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    for (auto& child : f.inlines) top().inlines.push_back(std::move(child));
    if (!f.text.empty()) top().inlines.push_back(Inline{Text{std::move(f.text)}, f.pos});
  }

  static FrameKind block_kind(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_QUOTE: return FrameKind::quote;
      case MD_BLOCK_UL: case MD_BLOCK_OL: return FrameKind::list;
      case MD_BLOCK_LI: return FrameKind::item;
      case MD_BLOCK_H: return FrameKind::heading;
      case MD_BLOCK_CODE: return FrameKind::code;
      case MD_BLOCK_HTML: return FrameKind::html;
      case MD_BLOCK_P: return FrameKind::paragraph;
      case MD_BLOCK_TABLE: return FrameKind::table;
      case MD_BLOCK_TR: return FrameKind::row;
      case MD_BLOCK_TH: case MD_BLOCK_TD: return FrameKind::cell;
      default: return FrameKind::root;
    }
  }

  static FrameKind span_kind(MD_SPANTYPE type) {
    switch (type) {
      case MD_SPAN_EM: return FrameKind::emphasis;
      case MD_SPAN_STRONG: return FrameKind::strong;
      case MD_SPAN_DEL: return FrameKind::strike;
      case MD_SPAN_CODE: return FrameKind::code_span;
      case MD_SPAN_LATEXMATH: case MD_SPAN_LATEXMATH_DISPLAY: return FrameKind::math;
      case MD_SPAN_A: return FrameKind::link;
      case MD_SPAN_IMG: return FrameKind::image;
      default: return FrameKind::html_span;
    }
  }

  void leave_top() {
    if (stack_.size() <= 1) return;  // the root is taken by run()
    flush_text();
    while (top().kind == FrameKind::html_span) close_html_span(true);
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (!f.pos_set) f.pos = post_.pos(origin_of(last_offset_));
    switch (f.kind) {
      case FrameKind::quote:
        if (auto alert = github_alert(f.blocks)) {
          add_block(Block{Division{std::move(*alert), {}, std::move(f.blocks)}, f.pos});
          break;
        }
        add_block(Block{BlockQuote{std::move(f.blocks)}, f.pos});
        break;
      case FrameKind::list:
        add_block(Block{std::move(f.list), f.pos});
        break;
      case FrameKind::item:
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
          if (it->kind == FrameKind::list) {
            it->list.items.push_back(ListItem{f.task, std::move(f.blocks), f.pos});
            if (!it->pos_set) { it->pos = f.pos; it->pos_set = true; }
            break;
          }
        break;
      case FrameKind::paragraph:
      case FrameKind::implicit_paragraph:
        finish_paragraph(std::move(f));
        break;
      case FrameKind::heading: {
        Heading h;
        h.level = f.level;
        h.children = std::move(f.inlines);
        h.id = take_heading_attribute(h.children);
        trim_inlines(h.children);
        add_block(Block{std::move(h), f.pos});
        break;
      }
      case FrameKind::code: {
        if (fenced_ && f.code.info.empty() && f.pos_set && f.pos.line > 1) --f.pos.line;
        if (fenced_ && f.code.info.empty()) f.pos.column = 1;
        f.code.text = std::move(f.text);
        if (!f.code.text.empty() && f.code.text.back() != '\n') f.code.text += '\n';
        add_block(Block{std::move(f.code), f.pos});
        break;
      }
      case FrameKind::html: {
        Blocks blocks = html_blocks(f.text, f.origins, post_);
        for (auto& b : blocks) add_block(std::move(b));
        break;
      }
      case FrameKind::table: {
        Table& t = f.table;
        size_t columns = std::max(t.align.size(), t.header.size());
        t.align.resize(columns);
        t.header.resize(columns);
        for (auto& row : t.rows) row.resize(columns);
        add_block(Block{std::move(t), f.pos});
        break;
      }
      case FrameKind::row: {
        Frame& table = top();
        if (table.in_header) table.table.header = std::move(f.row);
        else table.table.rows.push_back(std::move(f.row));
        if (!table.pos_set) { table.pos = f.pos; table.pos_set = true; }
        break;
      }
      case FrameKind::cell: {
        Frame& row = top();
        trim_inlines(f.inlines);
        row.row.push_back(TableCell{std::move(f.inlines), f.pos});
        if (!row.pos_set) { row.pos = f.pos; row.pos_set = true; }
        for (auto& fr : stack_)
          if (fr.kind == FrameKind::table && fr.in_header) fr.table.align.push_back(f.align);
        break;
      }
      default:
        break;
    }
  }

  /// `> [!NOTE]` on a quote's first line: a GitHub alert. Returns its kind and strips the mark.
  static std::optional<std::string> github_alert(Blocks& blocks) {
    if (blocks.empty()) return std::nullopt;
    auto* p = std::get_if<Paragraph>(&blocks.front().node);
    if (!p || p->children.empty()) return std::nullopt;
    auto* t = std::get_if<Text>(&p->children.front().node);
    if (!t || t->text.size() < 4 || t->text.compare(0, 2, "[!") != 0) return std::nullopt;
    size_t close = t->text.find(']');
    if (close == std::string::npos) return std::nullopt;
    std::string kind = t->text.substr(2, close - 2);
    static const std::string_view kinds[] = {"note", "tip", "important", "warning", "caution"};
    for (auto& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(std::begin(kinds), std::end(kinds), kind) == std::end(kinds)) return std::nullopt;
    t->text.erase(0, close + 1);
    size_t rest = t->text.find_first_not_of(" \t");
    t->text.erase(0, rest == std::string::npos ? t->text.size() : rest);
    if (t->text.empty()) p->children.erase(p->children.begin());
    if (!p->children.empty() && std::holds_alternative<LineBreak>(p->children.front().node))
      p->children.erase(p->children.begin());
    if (p->children.empty()) blocks.erase(blocks.begin());
    return kind;
  }

  static void trim_inlines(Inlines& in) {
    while (!in.empty()) {
      auto* t = std::get_if<Text>(&in.back().node);
      if (!t) break;
      while (!t->text.empty() && (t->text.back() == ' ' || t->text.back() == '\t')) t->text.pop_back();
      if (!t->text.empty()) break;
      in.pop_back();
    }
  }

  /// A paragraph that is only a marker becomes the inserted block; a lone image a figure.
  void finish_paragraph(Frame f) {
    Inlines& in = f.inlines;
    trim_inlines(in);
    // Whitespace around a lone marker or image does not count.
    std::vector<Inline*> significant;
    for (auto& x : in) {
      auto* t = std::get_if<Text>(&x.node);
      if (!t || t->text.find_first_not_of(" \t") != std::string::npos) significant.push_back(&x);
    }
    if (significant.empty()) return;
    if (significant.size() == 1) {
      Inline& only = *significant[0];
      if (auto* t = std::get_if<Text>(&only.node)) {
        size_t i = t->text.find_first_not_of(" \t");
        char kind;
        size_t index;
        if (parse_marker(t->text, i, kind, index) &&
            t->text.find_first_not_of(" \t", i) == std::string::npos) {
          add_marker_block(kind, index, f.pos);
          return;
        }
      }
      if (auto* img = std::get_if<Image>(&only.node)) {
        add_block(Block{Figure{img->src, img->alt, img->title, {}, {}, -1}, f.pos});
        return;
      }
      if (auto* link = std::get_if<Link>(&only.node)) {
        if (link->children.size() == 1)
          if (auto* img = std::get_if<Image>(&link->children[0].node)) {
            add_block(Block{Figure{img->src, img->alt, img->title, {}, link->href, -1}, f.pos});
            return;
          }
      }
    }
    // Block markers amid text: a figure shows as an image, anything else cannot stay.
    for (auto& x : in) {
      auto* t = std::get_if<Text>(&x.node);
      if (!t) continue;
      size_t i = 0;
      char kind;
      size_t index;
      if (!parse_marker(t->text, i, kind, index)) continue;
      if (kind == 'B' && index < post_.insertions.blocks.size()) {
        if (auto* fig = std::get_if<Figure>(&post_.insertions.blocks[index].node)) {
          x.node = Image{fig->src, fig->alt, fig->title};
          continue;
        }
        if (auto* p = std::get_if<Paragraph>(&post_.insertions.blocks[index].node)) {
          t->text = plain_text(p->children);
          continue;
        }
      }
      post_.warn_at(x.pos, "this shortcode needs a line of its own; dropped");
      t->text.clear();
    }
    add_block(Block{Paragraph{std::move(in)}, f.pos});
  }

  void add_marker_block(char kind, size_t index, SourcePos pos) {
    auto& ins = post_.insertions;
    if (kind == 'B' && index < ins.blocks.size()) {
      add_block(std::move(ins.blocks[index]));
    } else if (kind == 'O' || kind == 'C') {
      add_block(Block{RawBlock{kind == 'O' ? "folio-open" : "folio-close", std::to_string(index)}, pos});
    } else if (kind == 'L' && index < ins.definition_lists.size()) {
      DefinitionList list;
      for (auto& item : ins.definition_lists[index].items) {
        DefinitionItem di;
        di.pos = post_.pos(item.origin);
        Blocks term = parse_blocks(item.term, post_);
        if (!term.empty())
          if (auto* p = std::get_if<Paragraph>(&term[0].node)) di.term = std::move(p->children);
        for (auto& d : item.definitions) di.definitions.push_back(parse_blocks(d, post_));
        list.items.push_back(std::move(di));
      }
      add_block(Block{std::move(list), pos});
    }
  }

  // ---- spans --------------------------------------------------------------------------
  int enter_span(MD_SPANTYPE type, void* detail) {
    ensure_inline_frame();
    if (too_deep()) {
      flush_text();
      ++flattened_spans_[type];
      return 0;
    }
    switch (type) {
      case MD_SPAN_EM: push(FrameKind::emphasis); break;
      case MD_SPAN_STRONG: push(FrameKind::strong); break;
      case MD_SPAN_DEL: push(FrameKind::strike); break;
      case MD_SPAN_CODE: push(FrameKind::code_span); break;
      case MD_SPAN_LATEXMATH: push(FrameKind::math); break;
      case MD_SPAN_LATEXMATH_DISPLAY: push(FrameKind::math); top().display = true; break;
      case MD_SPAN_A: {
        auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
        std::string href(d->href.text, d->href.size);
        std::string title(d->title.text, d->title.size);
        push(FrameKind::link);
        // A permissive autolink's href points at its own text: no typographer there.
        // www. and e-mail autolinks get an href md4c built outside the buffer.
        const bool built = d->href.text < in_.text.data() ||
                           d->href.text >= in_.text.data() + in_.text.size();
        top().autolink = built && (href.rfind("http://www.", 0) == 0 || href.rfind("mailto:", 0) == 0);
        top().href_text = d->href.text;
        if (built && href.rfind("http://www.", 0) == 0)  // `www.`: Hugo's linkify uses https
          href.replace(0, 7, "https://");
        top().link.href = std::move(href);
        top().link.title = std::move(title);
        break;
      }
      case MD_SPAN_IMG: {
        auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
        push(FrameKind::image);
        top().image.src.assign(d->src.text, d->src.size);
        top().image.title.assign(d->title.text, d->title.size);
        break;
      }
      default:
        push(FrameKind::html_span);  // wiki links, underline: not enabled
        break;
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void*) {
    flush_text();
    if (flattened_spans_[type] > 0) {
      --flattened_spans_[type];
      return 0;
    }
    // md4c 0.4.8 can close a span it never opened (`**` inside an autolink): ignore that.
    const FrameKind want = span_kind(type);
    auto open = std::find_if(stack_.rbegin(), stack_.rend(), [&](const Frame& f) {
      return f.kind == want && (want != FrameKind::html_span || f.tag.empty());
    });
    if (open == stack_.rend() ||
        std::any_of(stack_.rbegin(), open, [](const Frame& f) { return !is_span(f.kind); }))
      return 0;
    while (top().kind == FrameKind::html_span && top().tag.size()) close_html_span(true);
    if (top().kind != want) return 0;
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (!f.pos_set) f.pos = post_.pos(origin_of(last_offset_));
    Inline in{Text{}, f.pos};
    switch (f.kind) {
      case FrameKind::emphasis: in.node = Emphasis{std::move(f.inlines)}; break;
      case FrameKind::strong: in.node = Strong{std::move(f.inlines)}; break;
      case FrameKind::strike: in.node = Strikethrough{std::move(f.inlines)}; break;
      case FrameKind::code_span:
        // In a table cell `\|` is the cell's escaped pipe, in code too (GFM): it prints "|".
        if (std::any_of(stack_.begin(), stack_.end(), [](const Frame& fr) { return fr.kind == FrameKind::cell; }))
          for (size_t k = f.text.find("\\|"); k != std::string::npos; k = f.text.find("\\|", k)) f.text.erase(k, 1);
        in.node = Code{std::move(f.text)};
        break;
      case FrameKind::math: in.node = Math{std::move(f.text), f.display}; break;
      case FrameKind::link:
        if (f.autolink) {
          end_autolink(f);
          return 0;
        }
        f.link.children = std::move(f.inlines);
        in.node = std::move(f.link);
        break;
      case FrameKind::image:
        f.image.alt = plain_text(f.inlines);
        in.node = std::move(f.image);
        break;
      default:
        for (auto& child : f.inlines) top().inlines.push_back(std::move(child));
        return 0;
    }
    // A soft break after the span looks at its last character ("**粗体**\n字" joins).
    std::string shown = plain_text(Inlines{in});
    last_char_ = 'a';
    if (!shown.empty() && !std::holds_alternative<Code>(in.node) && !std::holds_alternative<Math>(in.node)) {
      size_t k = shown.size() - 1;
      while (k > 0 && (static_cast<unsigned char>(shown[k]) & 0xC0) == 0x80) --k;
      last_char_ = utf8::next(shown, k);
    }
    top().inlines.push_back(std::move(in));
    return 0;
  }

  /// A bare autolink ends where its URL ends (md4c runs it into following CJK text);
  /// what follows goes back into the text, and may hold further URLs.
  void end_autolink(Frame& f) {
    std::string text = plain_text(f.inlines);
    // md4c's href points into the source for <angle> links, into a buffer of its own for
    // others (www. links get "http://" in front): look behind it only inside the source.
    const char* source = in_.text.data();
    const bool in_source = f.href_text && std::less_equal<const char*>()(source + 1, f.href_text) &&
                           std::less<const char*>()(f.href_text, source + in_.text.size());
    const bool angle = in_source && f.href_text[-1] == '<';
    size_t keep = angle ? text.size() : autolink_length(text);
    Inlines& out = top().inlines;
    if (keep == 0) {  // nothing of it is a URL
      out.push_back(Inline{Text{text}, f.pos});
      last_char_ = 'a';
      return;
    }
    std::string rest = text.substr(keep);
    if (!rest.empty()) {
      if (f.link.href.size() >= rest.size()) f.link.href.resize(f.link.href.size() - rest.size());
      f.inlines.clear();
      f.inlines.push_back(Inline{Text{text.substr(0, keep)}, f.pos});
    }
    f.link.children = std::move(f.inlines);
    out.push_back(Inline{std::move(f.link), f.pos});
    last_char_ = 'a';
    while (!rest.empty()) {
      // The next URL in the rest, if any: md4c saw one link where there were several.
      size_t next = std::string::npos;
      for (std::string_view scheme : {"https://", "http://", "www."}) next = std::min(next, rest.find(scheme));
      std::string before = rest.substr(0, next);
      if (!before.empty()) {
        append_normal_text_at(out, before, f.pos);
      }
      if (next == std::string::npos) break;
      std::string tail = rest.substr(next);
      size_t len = autolink_length(tail);
      if (len == 0) {
        append_normal_text_at(out, tail, f.pos);
        break;
      }
      Link link;
      link.href = tail.substr(0, len);
      if (link.href.rfind("www.", 0) == 0) link.href = "https://" + link.href;
      link.children.push_back(Inline{Text{tail.substr(0, len)}, f.pos});
      out.push_back(Inline{std::move(link), f.pos});
      rest = tail.substr(len);
    }
  }

  /// Normal text (footnote references, emoji, typographer) placed at one position.
  void append_normal_text_at(Inlines& out, const std::string& text, SourcePos pos) {
    Inlines pieces;
    std::vector<uint32_t> origins(text.size(), 0);
    append_normal_text(pieces, text, origins, last_char_, post_.options.typographer, post_);
    for (auto& piece : pieces) {
      piece.pos = pos;
      out.push_back(std::move(piece));
    }
    if (!text.empty()) {
      size_t k = text.size() - 1;
      while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
      last_char_ = utf8::next(text, k);
    }
  }

  const MappedText& in_;
  PostReader& post_;
  std::vector<Frame> stack_;
  std::string pending_;
  std::vector<uint32_t> pending_origins_;
  char32_t last_char_ = 0;
  char32_t run_previous_ = 0;
  uint32_t last_offset_ = 0;
  uint32_t last_end_ = 0;
  bool hr_pending_ = false;
  bool fenced_ = false;
  std::map<int, size_t> flattened_blocks_;  // MD_BLOCKTYPE -> entered past the limit, not yet left
  std::map<int, size_t> flattened_spans_;   // MD_SPANTYPE -> the same for spans
  bool warned_depth_ = false;
};

/// Groups the blocks between open and close markers into Divisions (details, div, center).
/// `depth` is how many containers hold `blocks`; divisions opened past the limits in
/// base/limits.hpp are not made (their content stays in the innermost one), and the
/// walk over the result is iterative, so 20,000 unclosed `details` are no threat.
void fold_divisions(Blocks& top_blocks, PostReader& post) {
  struct Open {
    Division division;
    SourcePos pos;
    Blocks outer;  // the blocks collected before this division opened
  };
  struct Pending {
    Blocks* blocks;
    size_t depth;
  };
  std::vector<Pending> work{{&top_blocks, 0}};
  bool warned = false;
  while (!work.empty()) {
    // Not a structured binding: clang 14 cannot capture one in the lambdas below.
    const Pending pending = work.back();
    work.pop_back();
    Blocks& blocks = *pending.blocks;
    const size_t depth = pending.depth;
    std::vector<Open> open;
    size_t ignored = 0;  // opened past the limit, not yet closed
    Blocks current;
    for (auto& b : blocks) {
      if (auto* raw = std::get_if<RawBlock>(&b.node)) {
        if (raw->format == "folio-open") {
          if (open.size() >= limits::kMaxDivisionNesting || depth + open.size() >= limits::kMaxMarkdownNesting) {
            if (!warned) {
              warned = true;
              post.warn_at(b.pos, "divisions (details, div) nested more than " +
                                      std::to_string(limits::kMaxDivisionNesting) +
                                      " deep: the deeper ones are flattened (see \"Limits\" in the README)");
            }
            ++ignored;
            continue;
          }
          size_t index = std::stoul(raw->text);
          Division d = index < post.insertions.divisions.size() ? std::move(post.insertions.divisions[index])
                                                               : Division{};
          open.push_back({std::move(d), b.pos, std::move(current)});
          current.clear();
          continue;
        }
        if (raw->format == "folio-close") {
          if (ignored > 0) {
            --ignored;
            continue;
          }
          if (open.empty()) continue;  // reported where the closing tag was read
          Open o = std::move(open.back());
          open.pop_back();
          o.division.children = std::move(current);
          current = std::move(o.outer);
          current.push_back(Block{std::move(o.division), o.pos});
          continue;
        }
      }
      current.push_back(std::move(b));
    }
    while (!open.empty()) {
      Open o = std::move(open.back());
      open.pop_back();
      post.warn_at(o.pos, "'" + o.division.kind + "' is never closed: it runs to the end");
      o.division.children = std::move(current);
      current = std::move(o.outer);
      current.push_back(Block{std::move(o.division), o.pos});
    }
    blocks = std::move(current);
    for (auto& b : blocks) {
      std::visit(
          [&](auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, BlockQuote> || std::is_same_v<T, Division>) {
              work.push_back({&node.children, depth + 1});
            } else if constexpr (std::is_same_v<T, List>) {
              for (auto& item : node.items) work.push_back({&item.children, depth + 1});
            }
          },
          b.node);
    }
  }
}

}  // namespace

Blocks parse_blocks(const MappedText& text, PostReader& reader) {
  Blocks blocks = Reader(text, reader).run();
  fold_divisions(blocks, reader);
  return blocks;
}

}  // namespace folio::markdown
