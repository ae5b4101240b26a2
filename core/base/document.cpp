// The Document helpers: plain text of inlines and the JSON form of the model (`folio dump`).
#include <type_traits>

#include "base/json_writer.hpp"
#include "folio/document.hpp"

namespace folio {

std::string plain_text(const Inlines& inlines) {
  std::string out;
  for (const auto& in : inlines) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Text> || std::is_same_v<T, Code>) out += n.text;
          else if constexpr (std::is_same_v<T, Math>) out += n.tex;
          else if constexpr (std::is_same_v<T, LineBreak>) out += ' ';
          else if constexpr (std::is_same_v<T, Image>) out += n.alt;
          else if constexpr (requires { n.children; }) out += plain_text(n.children);
        },
        in.node);
  }
  return out;
}

namespace {

void pos(JsonWriter& w, SourcePos p) {
  w.key("pos");
  w.begin_array();
  w.number(int64_t{p.line});
  w.number(int64_t{p.column});
  w.end_array();
}

void inlines(JsonWriter& w, const Inlines& in);
void blocks(JsonWriter& w, const Blocks& bs);

void field(JsonWriter& w, const char* k, const std::string& v) {
  w.key(k);
  w.string(v);
}

void inline_node(JsonWriter& w, const Inline& in) {
  w.begin_object();
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        auto t = [&](const char* name) { field(w, "t", name); };
        if constexpr (std::is_same_v<T, Text>) { t("Text"); field(w, "text", n.text); }
        else if constexpr (std::is_same_v<T, Emphasis>) t("Emphasis");
        else if constexpr (std::is_same_v<T, Strong>) t("Strong");
        else if constexpr (std::is_same_v<T, Strikethrough>) t("Strikethrough");
        else if constexpr (std::is_same_v<T, Superscript>) t("Superscript");
        else if constexpr (std::is_same_v<T, Subscript>) t("Subscript");
        else if constexpr (std::is_same_v<T, Code>) { t("Code"); field(w, "text", n.text); }
        else if constexpr (std::is_same_v<T, Math>) {
          t("Math");
          field(w, "tex", n.tex);
          w.key("display");
          w.boolean(n.display);
        } else if constexpr (std::is_same_v<T, LineBreak>) t("LineBreak");
        else if constexpr (std::is_same_v<T, Link>) {
          t("Link");
          field(w, "href", n.href);
          if (!n.title.empty()) field(w, "title", n.title);
          w.key("target");
          w.begin_object();
          w.key("chapter");
          w.number(int64_t{n.target.chapter});
          field(w, "fragment", n.target.fragment);
          field(w, "url", n.target.url);
          w.end_object();
        } else if constexpr (std::is_same_v<T, Image>) {
          t("Image");
          field(w, "src", n.src);
          field(w, "alt", n.alt);
          field(w, "title", n.title);
          w.key("figure");
          w.number(int64_t{n.figure});
        } else if constexpr (std::is_same_v<T, FootnoteRef>) {
          t("FootnoteRef");
          field(w, "label", n.label);
          w.key("number");
          w.number(int64_t{n.number});
        } else if constexpr (std::is_same_v<T, Ruby>) {
          t("Ruby");
          field(w, "annotation", n.annotation);
        }
        if constexpr (requires { n.children; }) {
          w.key("children");
          inlines(w, n.children);
        }
      },
      in.node);
  pos(w, in.pos);
  w.end_object();
}

void inlines(JsonWriter& w, const Inlines& in) {
  w.begin_array();
  for (const auto& x : in) inline_node(w, x);
  w.end_array();
}

const char* align_name(Align a) {
  switch (a) {
    case Align::left: return "left";
    case Align::center: return "center";
    case Align::right: return "right";
    default: return "none";
  }
}

void cell(JsonWriter& w, const TableCell& c) {
  w.begin_object();
  w.key("children");
  inlines(w, c.children);
  pos(w, c.pos);
  w.end_object();
}

void block_node(JsonWriter& w, const Block& b) {
  w.begin_object();
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        auto t = [&](const char* name) { field(w, "t", name); };
        if constexpr (std::is_same_v<T, Paragraph>) {
          t("Paragraph");
          w.key("children");
          inlines(w, n.children);
        } else if constexpr (std::is_same_v<T, Heading>) {
          t("Heading");
          w.key("level");
          w.number(int64_t{n.level});
          field(w, "id", n.id);
          field(w, "post_id", n.post_id);
          w.key("children");
          inlines(w, n.children);
        } else if constexpr (std::is_same_v<T, List>) {
          t("List");
          w.key("ordered");
          w.boolean(n.ordered);
          w.key("start");
          w.number(int64_t{n.start});
          w.key("tight");
          w.boolean(n.tight);
          w.key("items");
          w.begin_array();
          for (const auto& item : n.items) {
            w.begin_object();
            w.key("task");
            if (item.task) w.boolean(*item.task);
            else w.null();
            w.key("children");
            blocks(w, item.children);
            pos(w, item.pos);
            w.end_object();
          }
          w.end_array();
        } else if constexpr (std::is_same_v<T, BlockQuote>) {
          t("BlockQuote");
          w.key("children");
          blocks(w, n.children);
        } else if constexpr (std::is_same_v<T, CodeBlock>) {
          t("CodeBlock");
          field(w, "language", n.language);
          field(w, "info", n.info);
          field(w, "text", n.text);
          // What the highlighter made of it (highlight_book): the language used, "" for plain.
          field(w, "highlight", n.highlight);
          w.key("guessed");
          w.boolean(n.guessed);
        } else if constexpr (std::is_same_v<T, Table>) {
          t("Table");
          w.key("align");
          w.begin_array();
          for (Align a : n.align) w.string(align_name(a));
          w.end_array();
          w.key("header");
          w.begin_array();
          for (const auto& c : n.header) cell(w, c);
          w.end_array();
          w.key("rows");
          w.begin_array();
          for (const auto& row : n.rows) {
            w.begin_array();
            for (const auto& c : row) cell(w, c);
            w.end_array();
          }
          w.end_array();
        } else if constexpr (std::is_same_v<T, ThematicBreak>) {
          t("ThematicBreak");
        } else if constexpr (std::is_same_v<T, Figure>) {
          t("Figure");
          field(w, "src", n.src);
          field(w, "alt", n.alt);
          field(w, "title", n.title);
          field(w, "link", n.link);
          w.key("caption");
          inlines(w, n.caption);
          w.key("figure");
          w.number(int64_t{n.figure});
        } else if constexpr (std::is_same_v<T, DefinitionList>) {
          t("DefinitionList");
          w.key("items");
          w.begin_array();
          for (const auto& item : n.items) {
            w.begin_object();
            w.key("term");
            inlines(w, item.term);
            w.key("definitions");
            w.begin_array();
            for (const auto& d : item.definitions) blocks(w, d);
            w.end_array();
            pos(w, item.pos);
            w.end_object();
          }
          w.end_array();
        } else if constexpr (std::is_same_v<T, Division>) {
          t("Division");
          field(w, "kind", n.kind);
          w.key("title");
          inlines(w, n.title);
          w.key("children");
          blocks(w, n.children);
        } else if constexpr (std::is_same_v<T, RawBlock>) {
          t("RawBlock");
          field(w, "format", n.format);
          field(w, "text", n.text);
        }
      },
      b.node);
  pos(w, b.pos);
  w.end_object();
}

void blocks(JsonWriter& w, const Blocks& bs) {
  w.begin_array();
  for (const auto& b : bs) block_node(w, b);
  w.end_array();
}

}  // namespace

std::string to_json(const Document& doc) {
  JsonWriter w;
  w.begin_object();
  field(w, "source", doc.source);
  w.key("blocks");
  blocks(w, doc.blocks);
  w.key("footnotes");
  w.begin_array();
  for (const auto& f : doc.footnotes) {
    w.begin_object();
    field(w, "label", f.label);
    w.key("number");
    w.number(int64_t{f.number});
    w.key("children");
    blocks(w, f.children);
    pos(w, f.pos);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace folio
