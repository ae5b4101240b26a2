// folio dump: the Document model of the chosen posts, as JSON or as a short outline.
#include <cstdio>
#include <string>

#include "base/json_writer.hpp"
#include "common.hpp"
#include "console.hpp"
#include "folio/folio.hpp"

namespace folio::cli {

namespace {

struct DumpFlags {
  BookFlags book;
  bool json = false;
};

void outline_blocks(const Blocks& blocks, int depth, std::string& out) {
  std::string indent(size_t(depth) * 2, ' ');
  for (const auto& b : blocks) {
    std::string line = indent + std::to_string(b.pos.line) + ":" + std::to_string(b.pos.column) + " ";
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Heading>) {
            line += std::string(size_t(n.level), '#') + " " + plain_text(n.children) + " {#" + n.id + "}";
          } else if constexpr (std::is_same_v<T, Paragraph>) {
            std::string text = plain_text(n.children);
            line += "paragraph, " + std::to_string(text.size()) + " bytes";
          } else if constexpr (std::is_same_v<T, List>) {
            line += std::string(n.ordered ? "ordered " : "") + "list, " +
                    std::to_string(n.items.size()) + " items";
          } else if constexpr (std::is_same_v<T, BlockQuote>) {
            line += "quote";
          } else if constexpr (std::is_same_v<T, CodeBlock>) {
            size_t lines = 0;
            for (char c : n.text) lines += c == '\n';
            line += "code " + (n.language.empty() ? std::string("(plain)") : n.language) + ", " +
                    std::to_string(lines) + " lines";
            if (!n.highlight.empty()) line += ", " + std::string(n.guessed ? "guessed " : "") + n.highlight;
          } else if constexpr (std::is_same_v<T, Table>) {
            line += "table " + std::to_string(n.rows.size()) + "x" + std::to_string(n.header.size());
          } else if constexpr (std::is_same_v<T, ThematicBreak>) {
            line += "---";
          } else if constexpr (std::is_same_v<T, Figure>) {
            line += "figure " + n.src;
          } else if constexpr (std::is_same_v<T, DefinitionList>) {
            line += "definition list, " + std::to_string(n.items.size()) + " terms";
          } else if constexpr (std::is_same_v<T, Division>) {
            line += n.kind + (n.title.empty() ? "" : ": " + plain_text(n.title));
          } else if constexpr (std::is_same_v<T, RawBlock>) {
            line += "raw " + n.format;
          }
        },
        b.node);
    out += line + "\n";
    if (auto* q = std::get_if<BlockQuote>(&b.node)) outline_blocks(q->children, depth + 1, out);
    if (auto* d = std::get_if<Division>(&b.node)) outline_blocks(d->children, depth + 1, out);
  }
}

int run_dump(const DumpFlags& flags) {
  auto diagnostics = make_diagnostics();
  auto config = load_config(flags.book, *diagnostics);
  if (!config || diagnostics->error_count() > 0) return usage;
  Book book = make_book(*config, now_unix(), *diagnostics, /*with_figures=*/false);
  if (book.chapters.empty()) return usage;

  std::string out;
  if (flags.json) {
    // {"chapters":[{"path","title", then the Document's own fields}]}
    out = "{\"chapters\":[";
    for (size_t i = 0; i < book.chapters.size(); ++i) {
      const Chapter& ch = book.chapters[i];
      if (i) out += ',';
      out += "{\"path\":";
      append_json_string(out, ch.post.display_path);
      out += ",\"title\":";
      append_json_string(out, ch.post.title);
      out += ',';
      std::string doc = to_json(ch.document);
      out.append(doc, 1, std::string::npos);  // the document object's fields
    }
    out += "]}\n";
  } else {
    for (const auto& ch : book.chapters) {
      out += "== " + ch.post.title + "  (" + ch.post.display_path + ")\n";
      outline_blocks(ch.document.blocks, 1, out);
      if (!ch.document.footnotes.empty())
        out += "  " + std::to_string(ch.document.footnotes.size()) + " footnotes\n";
    }
  }
  Console::get().finish_progress();  // the progress line goes before the output does
  std::fwrite(out.data(), 1, out.size(), stdout);
  return diagnostics->error_count() > 0 ? build_failed : ok;
}

}  // namespace

void register_dump(CLI::App& app, Action& run) {
  auto flags = std::make_shared<DumpFlags>();
  auto* cmd = app.add_subcommand("dump", "Print the Document model of the chosen posts (JSON with --json)");
  add_book_flags(*cmd, flags->book);
  cmd->add_flag("--json", flags->json, "print the model as JSON (one object with \"chapters\")");
  cmd->callback([flags, &run] { run = [flags] { return run_dump(*flags); }; });
}

}  // namespace folio::cli
