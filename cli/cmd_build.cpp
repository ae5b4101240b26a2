// folio build: compile the chosen posts into an EPUB or a PDF, then print a summary line.
#include <glib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "base/atomic_file.hpp"
#include "base/temp_files.hpp"
#include "build_command.hpp"
#include "console.hpp"
#include "folio/folio.hpp"
#include "interrupt.hpp"

namespace folio::cli {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return ext;
}

fs::path cache_dir_of(const BookConfig& config) {
  const fs::path& dir = config.figures.cache_dir;
  if (dir.empty() || dir.is_absolute()) return dir;
  return (config.base_dir.empty() ? fs::current_path() : config.base_dir) / dir;
}

// Copies a finished book to stdout (`-o -`).
bool copy_to_stdout(const fs::path& file) {
  std::string bytes;
  if (!read_file(file, bytes)) return false;
  return std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size() && std::fflush(stdout) == 0;
}

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string title_slug(const std::string& title) {
  std::string slug;
  bool dash = false;
  if (!g_utf8_validate(title.data(), gssize(title.size()), nullptr)) return "book";
  for (const char* p = title.c_str(); *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    // Letters and digits of any script stay (lowercased); everything else is one '-'.
    if (g_unichar_isalnum(c)) {
      if (dash && !slug.empty()) slug += '-';
      char buf[6];
      slug.append(buf, size_t(g_unichar_to_utf8(c < 0x80 ? g_unichar_tolower(c) : c, buf)));
      dash = false;
    } else {
      dash = true;
    }
  }
  return slug.empty() ? "book" : slug;
}

namespace {

// " (images 80%, fonts 5%, text 15%)" for an EPUB written now.
std::string shares(const BuildOutcome& o) {
  if (!o.epub_sizes || o.epub_sizes->total == 0) return "";
  const EpubSizes& s = *o.epub_sizes;
  auto percent = [&](uint64_t part) { return std::to_string((part * 100 + s.total / 2) / s.total) + "%"; };
  return " (images " + percent(s.images) + ", fonts " + percent(s.fonts) + ", text " + percent(s.text) + ")";
}

}  // namespace

std::string describe(const BuildOutcome& o) {
  std::string where = o.output == "-" ? "stdout" : o.output.string();
  return std::string(o.kept ? "kept " : "wrote ") + where + (o.kept ? " (nothing changed)" : "") + ": " +
         plural(o.chapters, "chapter", "chapters") + ", " + plural(o.embedded, "figure", "figures") +
         " embedded, " + std::to_string(o.failed) + " failed, " + human_size(o.size) + shares(o);
}

BuildOutcome build_once(const BuildFlags& flags, Diagnostics& diagnostics) {
  BuildOutcome r;
  const bool to_stdout = flags.output == "-";
  std::string format = flags.format;
  if (format.empty()) {
    std::string ext = lower_extension(flags.output);
    if (flags.output.empty() || to_stdout) format = "epub";
    else if (ext == ".epub") format = "epub";
    else if (ext == ".pdf") format = "pdf";
    else {
      diagnostics.error({}, "cannot tell the format from '" + flags.output + "': use .epub or .pdf, or --format");
      r.exit = usage;
      return r;
    }
  }
  if (to_stdout && ::isatty(1) == 1) {
    diagnostics.error({}, "-o - writes the " + format + " bytes to stdout, which is a terminal: redirect it (> book." +
                              format + ") or give -o FILE");
    r.exit = usage;
    return r;
  }

  auto config = load_config(flags.book, diagnostics);
  if (!config || diagnostics.error_count() > 0) {
    r.exit = usage;
    return r;
  }
  if (flags.handout) config->pdf.handout = true;
  if (!flags.page.empty()) config->pdf.page = flags.page;
  if (flags.font_size > 0) config->pdf.font_size_pt = flags.font_size;
  if (flags.line_height > 0) config->pdf.line_height = flags.line_height;
  if (flags.one_sided) config->pdf.two_sided = false;
  if (flags.no_toc) config->pdf.toc = false;
  if (!apply_figure_flags(flags.figures, *config, diagnostics)) {
    r.exit = usage;
    return r;
  }
  // Settled once: the reader and the writers keep what they made there for the next build,
  // except under --no-cache, which builds from scratch.
  config->figures.cache_dir = cache_dir_of(*config);
  config->reuse_cache = !flags.no_cache;

  // A build whose inputs and options are what they were for the output on disk keeps it.
  // The record is named after the output, or (no -o) after the request in this folder.
  const fs::path cwd = fs::current_path();
  const BuildCache cache(cache_dir_of(*config));
  const std::string record_name =
      flags.output.empty() ? "default:" + cwd.string() + ":" + format : fs::absolute(flags.output).lexically_normal().string();
  const bool use_cache = !to_stdout && !flags.no_cache && !flags.figures.refresh;
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  std::vector<fs::path> ignore{cache_dir_of(*config)};
  if (!flags.output.empty() && !to_stdout) ignore.push_back(flags.output);
  BuildInputs inputs;
  if (use_cache) {
    inputs = fingerprint_inputs(*config, "format=" + format + "\ncwd=" + cwd.string() + "\nepoch=" +
                                             (epoch ? epoch : "") + "\n" + command_line_key(),
                                ignore);
    r.input_files = inputs.files;
    if (auto record = cache.find(record_name, inputs, now_unix())) {
      for (auto& d : record->diagnostics) diagnostics.report(d.severity, std::move(d.where), std::move(d.message));
      r.kept = true;
      r.output = record->output.lexically_proximate(cwd);
      if (r.output.empty() || r.output.string().rfind("..", 0) == 0) r.output = record->output;
      auto fact = [&](const char* name) { return size_t(std::strtoull(record->facts[name].c_str(), nullptr, 10)); };
      r.chapters = fact("chapters");
      r.embedded = fact("embedded");
      r.failed = fact("failed");
      r.size = record->output_size;
      Console::get().verbose_line("cache: " + std::to_string(inputs.files) +
                                  " input files unchanged since the last build; output kept");
      return r;
    }
    Console::get().verbose_line("cache: miss (" + std::to_string(inputs.files) + " input files looked at)");
  }

  // make_book's stages, keeping the Collection: its dates say how long the output stays valid.
  const int64_t now = now_unix();
  report_progress(diagnostics, ProgressEvent{Stage::scanning, 0, 0, 0, 0, 0});
  Collection collection = collect_posts(*config, diagnostics);
  report_progress(diagnostics, ProgressEvent{Stage::scanning, collection.posts.size(), collection.posts.size(), 0, 0, 0});
  BookPlan plan = select_posts(collection, *config, now, diagnostics);
  complete_metadata(*config, collection, plan);
  Book book = read_book(*config, collection, plan, diagnostics);
  settle_book(book, collection, diagnostics);
  if (!build_cancelled(diagnostics)) resolve_figures(book, collection, diagnostics);
  if (build_cancelled(diagnostics)) {
    r.cancelled = true;
    r.exit = build_failed;
    return r;
  }
  if (book.chapters.empty()) {
    diagnostics.error({}, "no posts selected: nothing to build");
    r.exit = usage;
    return r;
  }
  // Every build checks that the fonts cover every character, at its first place.
  check_coverage(book, resolve_fonts(book.config.fonts, book.meta().language, diagnostics, book.config.base_dir),
                 diagnostics);
  // A build with errors writes nothing.
  if (diagnostics.error_count() > 0) {
    r.exit = build_failed;
    return r;
  }

  const fs::path out = to_stdout ? fs::temp_directory_path() / ("folio-stdout." + format)
                       : flags.output.empty() ? fs::path(title_slug(book.meta().title) + "." + format)
                                              : fs::path(flags.output);
  r.output = to_stdout ? fs::path("-") : out;
  // Nor does a build whose output would replace one of its inputs or land in the cache.
  if (!to_stdout && !check_output_path(book, out, diagnostics)) {
    r.exit = build_failed;
    return r;
  }
  // What a build killed with SIGKILL left beside this output goes now.
  if (!to_stdout)
    remove_stale_temp_files(out.has_parent_path() ? out.parent_path() : ".", out.filename().string() + ".tmp-");
  // Written beside the target and renamed only when the whole build went through, so an
  // error reported while writing (or under --strict, a warning) leaves the old file alone.
  // Diagnostics name the output, not the temporary file.
  AtomicFile target(out);
  Console::get().set_path_alias(target.temp_path().string(), to_stdout ? "<stdout>" : out.string());
  WrittenFigures figures;
  bool written = format == "pdf" ? write_pdf(book, target.temp_path(), diagnostics, &figures)
                                 : write_epub(book, target.temp_path(), diagnostics, &figures);
  Console::get().clear_path_alias();
  if (build_cancelled(diagnostics)) r.cancelled = true;
  if (!written || diagnostics.error_count() > 0 || r.cancelled) {
    if (use_cache) cache.forget(record_name);
    r.exit = build_failed;
    return r;
  }
  std::error_code ec;
  r.size = fs::file_size(target.temp_path(), ec);
  if (format != "pdf") r.epub_sizes = measure_epub(target.temp_path());
  if (to_stdout) {
    if (!copy_to_stdout(target.temp_path())) {
      diagnostics.error({"<stdout>"}, "cannot write the book to stdout");
      r.exit = build_failed;
    }
  } else {
    std::string error;
    if (!target.commit(&error)) {
      diagnostics.error({out.string()}, "cannot write: " + error);
      if (use_cache) cache.forget(record_name);
      r.exit = build_failed;
      return r;
    }
  }

  r.chapters = book.chapters.size();
  // The writer's count: a figure that failed only while writing is a placeholder too.
  r.embedded = figures.embedded;
  r.failed = figures.placeholders;
  if (use_cache) {
    BuildRecord record;
    record.key = inputs.key;
    record.output = out;
    record.valid_until = selection_valid_until(collection, now);
    record.diagnostics = diagnostics.all();
    record.facts = {{"chapters", std::to_string(r.chapters)},
                    {"embedded", std::to_string(r.embedded)},
                    {"failed", std::to_string(r.failed)}};
    cache.store(record_name, std::move(record));
  }
  return r;
}

void add_build_options(CLI::App* cmd, const std::shared_ptr<BuildFlags>& flags) {
  add_book_flags(*cmd, flags->book);
  cmd->add_option("-o,--output", flags->output,
                  "the book to write: OUT.epub or OUT.pdf, - for stdout (default: <title>.epub here)")
      ->type_name("FILE");
  cmd->add_option("--format", flags->format, "epub | pdf (default: from the output's extension, else epub)")
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
  cmd->add_flag("--no-cache", flags->no_cache, "build from scratch: no kept output, no work of earlier builds reused");
}

namespace {

int run_build(const BuildFlags& flags) {
  install_interrupt_handler();  // Ctrl-C stops the build at its next step; nothing is left behind
  auto diagnostics = make_diagnostics();
  BuildOutcome outcome = build_once(flags, *diagnostics);
  Console::get().finish_progress();
  if (outcome.cancelled) {
    std::fprintf(stderr, "folio: build stopped; nothing written\n");
    return build_failed;
  }
  if (outcome.exit != ok) return outcome.exit;
  // The summary goes to stderr when the book itself went to stdout.
  if (flags.output == "-") {
    if (!Console::get().quiet()) std::fprintf(stderr, "%s\n", describe(outcome).c_str());
  } else {
    Console::get().summary(describe(outcome));
  }
  return ok;
}

}  // namespace

void register_build(CLI::App& app, Action& run) {
  auto flags = std::make_shared<BuildFlags>();
  auto* cmd = app.add_subcommand("build", "Compile the chosen posts into an EPUB 3 or a PDF");
  add_build_options(cmd, flags);
  cmd->callback([flags, &run] { run = [flags] { return run_build(*flags); }; });
}

}  // namespace folio::cli
