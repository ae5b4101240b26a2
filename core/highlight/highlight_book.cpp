// highlight_book: settles every code block's language, tokens and line options, and the
// book's code colours. Names are resolved and guessed on the calling thread; the
// highlighting itself runs on worker threads, one highlighter per block.
#include <algorithm>
#include <set>

#include "folio/book.hpp"
#include "base/parallel_for.hpp"
#include "highlight.hpp"

namespace folio {

namespace {

using namespace highlight;

// Hugo's markup.highlight keys that folio reads.
struct SiteHighlight {
  std::optional<bool> line_numbers, in_table, guess;
  std::optional<std::string> style;
  std::optional<int> tab_width;
};

SiteHighlight read_site(const Value* v) {
  SiteHighlight s;
  if (!v || !v->is_map()) return s;
  auto boolean = [&](const char* key) -> std::optional<bool> {
    const Value* x = v->find(key);
    if (!x) return std::nullopt;
    if (x->is_bool()) return x->as_bool();
    if (auto t = x->scalar_text()) return *t == "true";
    return std::nullopt;
  };
  s.line_numbers = boolean("lineNos");
  s.in_table = boolean("lineNumbersInTable");
  s.guess = boolean("guessSyntax");
  if (const Value* x = v->find("style"); x && x->is_string()) s.style = x->as_string();
  if (const Value* x = v->find("tabWidth"); x && x->is_int() && x->as_int() >= 0 && x->as_int() <= 16)
    s.tab_width = int(x->as_int());
  return s;
}

// The PDF's code box: a light grey that prints as such.
constexpr Rgb kPdfCodeBackground = 0xf0f0f0;

void set_colors(Book& book, const std::string& style, SourceLocation where, Diagnostics& diagnostics) {
  std::optional<std::string> chosen;
  if (!style.empty()) {
    chosen = theme_for_style(style);
    if (!chosen && highlighting_available())
      diagnostics.warning(where, "code theme '" + style + "' has no close KSyntaxHighlighting theme; using the default");
  }
  CodeColors& c = book.code_colors;
  c.light = make_palette(chosen.value_or("GitHub Light"), false);
  const bool chosen_dark = relative_luminance(c.light.background) < 0.18;
  c.dark = chosen_dark ? c.light : make_palette(dark_counterpart(c.light.theme), true);
  // Paper is white: a dark theme is not printed; "Printing" reads in grayscale.
  c.print = make_palette(chosen && !chosen_dark ? c.light.theme : "Printing", false, kPdfCodeBackground, /*grayscale=*/true);
}

}  // namespace

void highlight_book(Book& book, const Value* site_highlight, Diagnostics& diagnostics) {
  const CodeOptions& options = book.config.code;
  const SiteHighlight site = read_site(site_highlight);
  SourceLocation config_at{book.config.file.empty() ? std::string("book.yaml") : book.config.file.string()};

  set_colors(book, !options.theme.empty() ? options.theme : site.style.value_or(""), config_at, diagnostics);

  CodeLines defaults;
  if (options.line_numbers.value_or(site.line_numbers.value_or(false)))
    defaults.numbers = site.in_table.value_or(true) ? CodeLines::Numbers::table : CodeLines::Numbers::inline_;
  defaults.tab_width = options.tab_width > 0 ? options.tab_width : site.tab_width.value_or(4);
  const bool guess_default = options.guess.value_or(site.guess.value_or(true));

  // Pass 1 (this thread): options and names; the blocks to guess, the languages the book
  // labels (the guesser's candidates beyond its short list).
  std::vector<CodeBlock*> work, to_guess;
  std::set<std::string> warned, definitions;
  auto settle = [&](CodeBlock& code, SourceLocation at) {
    code.lines = defaults;
    CodeAttributes attrs = parse_code_attributes(info_attributes(code.info));
    if (attrs.numbers) code.lines.numbers = *attrs.numbers;
    if (attrs.start) code.lines.start = *attrs.start;
    code.lines.highlighted = attrs.highlighted;
    if (attrs.tab_width && *attrs.tab_width > 0) code.lines.tab_width = *attrs.tab_width;

    std::string name = code.language;
    if (!name.empty() && name[0] == '{') name.clear();  // attributes only: ```{linenos=true}
    code.highlight.clear();
    code.guessed = false;
    code.tokens.clear();
    if (name.empty()) {
      if (options.highlight && attrs.guess.value_or(guess_default)) to_guess.push_back(&code);
    } else {
      LanguageName resolved = resolve_language(name);
      if (resolved.kind == LanguageName::Kind::definition) code.highlight = resolved.definition;
      else if (resolved.kind == LanguageName::Kind::unknown && highlighting_available() && warned.insert(name).second)
        diagnostics.warning(at, "unknown code language '" + name + "': shown without highlighting");
    }
    if (!options.highlight) {
      code.highlight.clear();
      code.guessed = false;
    }
    if (!code.highlight.empty()) {
      definitions.insert(code.highlight);
      work.push_back(&code);
    }
  };
  for (Chapter& chapter : book.chapters) {
    Document& doc = chapter.document;
    auto visit = [&](Block& b) {
      if (auto* code = std::get_if<CodeBlock>(&b.node)) settle(*code, doc.at(b.pos));
    };
    for_each_block(doc.blocks, visit);
    for (Footnote& note : doc.footnotes) for_each_block(note.children, visit);
  }

  std::set<std::string> book_languages = definitions;
  for (CodeBlock* code : to_guess) {
    std::string guess = guess_language(code->text, book_languages);
    if (!guess.empty() && engine_definition(guess)) {
      code->highlight = guess;
      code->guessed = true;
      definitions.insert(guess);
      work.push_back(code);
    }
  }

  // Pass 2: load each definition once here, then highlight on worker threads.
  for (const std::string& d : definitions) prepare_definition(d);
  parallel_for(work.size(), std::min(cpu_threads(), work.size() / 16 + 1),
               [&](size_t i) { work[i]->tokens = highlight_code(work[i]->highlight, work[i]->text); });
}

}  // namespace folio
