// folio build: compile the chosen posts into an EPUB or a PDF, then print a summary line.
#include <cstdio>
#include <filesystem>

#include "base/atomic_file.hpp"
#include "base/temp_files.hpp"
#include "common.hpp"
#include "folio/folio.hpp"

namespace folio::cli {

namespace {

struct BuildFlags {
  BookFlags book;
  std::string output;
  std::string format;
  bool handout = false;
  FigureFlags figures;
  // PDF page and type, over book.yaml's pdf: section.
  std::string page;
  double font_size = 0, line_height = 0;
  bool one_sided = false, no_toc = false;
};

std::string lower_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return ext;
}

int run_build(const BuildFlags& flags) {
  auto diagnostics = make_diagnostics();
  const std::filesystem::path out = flags.output;

  std::string format = flags.format;
  if (format.empty()) {
    std::string ext = lower_extension(out);
    if (ext == ".epub") format = "epub";
    else if (ext == ".pdf") format = "pdf";
    else {
      diagnostics->error({}, "cannot tell the format from '" + out.string() + "': use .epub or .pdf, or --format");
      return usage;
    }
  }

  auto config = load_config(flags.book, *diagnostics);
  if (!config || diagnostics->error_count() > 0) return usage;
  if (flags.handout) config->pdf.handout = true;
  if (!flags.page.empty()) config->pdf.page = flags.page;
  if (flags.font_size > 0) config->pdf.font_size_pt = flags.font_size;
  if (flags.line_height > 0) config->pdf.line_height = flags.line_height;
  if (flags.one_sided) config->pdf.two_sided = false;
  if (flags.no_toc) config->pdf.toc = false;
  if (!apply_figure_flags(flags.figures, *config, *diagnostics)) return usage;

  Book book = make_book(std::move(*config), now_unix(), *diagnostics);
  if (book.chapters.empty()) {
    diagnostics->error({}, "no posts selected: nothing to build");
    return usage;
  }
  // Every build checks that the fonts cover every character, at its first place.
  check_coverage(book, resolve_fonts(book.config.fonts, book.meta().language, *diagnostics, book.config.base_dir),
                 *diagnostics);
  // A build with errors writes nothing; nor does one whose output would replace an input.
  if (diagnostics->error_count() > 0 || !check_output_path(book, out, *diagnostics)) return build_failed;

  // Written beside the target and renamed only when the whole build went through, so an
  // error reported while writing (or under --strict, a warning) leaves the old file alone.
  // What a build killed with SIGKILL left beside this output goes now.
  remove_stale_temp_files(out.has_parent_path() ? out.parent_path() : ".", out.filename().string() + ".tmp-");
  AtomicFile target(out);
  bool written = format == "pdf" ? write_pdf(book, target.temp_path(), *diagnostics)
                                 : write_epub(book, target.temp_path(), *diagnostics);
  if (!written || diagnostics->error_count() > 0) return build_failed;
  std::string error;
  if (!target.commit(&error)) {
    diagnostics->error({out.string()}, "cannot write: " + error);
    return build_failed;
  }

  size_t embedded = 0, failed = 0;
  for (const auto& f : book.figures) (f.ok ? embedded : failed)++;
  std::error_code ec;
  uintmax_t size = std::filesystem::file_size(out, ec);
  std::printf("wrote %s: %zu chapters, %zu figures embedded, %zu failed, %s\n", out.string().c_str(),
              book.chapters.size(), embedded, failed, human_size(ec ? 0 : size).c_str());
  return ok;
}

}  // namespace

void register_build(CLI::App& app, Action& run) {
  auto flags = std::make_shared<BuildFlags>();
  auto* cmd = app.add_subcommand("build", "Compile the chosen posts into an EPUB 3 or a PDF");
  add_book_flags(*cmd, flags->book);
  cmd->add_option("-o,--output", flags->output, "the book to write (OUT.epub or OUT.pdf)")->required();
  cmd->add_option("--format", flags->format, "epub | pdf (default: from the output's extension)")
      ->check(CLI::IsMember({"epub", "pdf"}));
  cmd->add_flag("--handout", flags->handout, "PDF: one post as an A4 handout (title block, no contents)");
  cmd->add_option("--page", flags->page, "PDF page size: A4 | A5 | B5 | JIS-B5 | Letter | 6x9")
      ->check(CLI::IsMember({"A4", "A5", "B5", "JIS-B5", "Letter", "6x9"}));
  cmd->add_option("--font-size", flags->font_size, "PDF body size in points (default 10.5)")->check(CLI::Range(5.0, 30.0));
  cmd->add_option("--line-height", flags->line_height, "PDF line pitch as a multiple of the size (default 1.65)")
      ->check(CLI::Range(1.0, 3.0));
  cmd->add_flag("--one-sided", flags->one_sided, "PDF: same margins on every page, chapters on any page");
  cmd->add_flag("--no-toc", flags->no_toc, "PDF: no table of contents");
  add_figure_flags(*cmd, flags->figures);
  cmd->callback([flags, &run] { run = [flags] { return run_build(*flags); }; });
}

}  // namespace folio::cli
