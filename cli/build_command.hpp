// What `folio build` and `folio watch` share: the build flags and one build, kept from the
// build cache when nothing it read has changed.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "common.hpp"
#include "folio/epub.hpp"

namespace folio::cli {

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
  bool no_cache = false;  ///< build from scratch, ignoring (and not writing) the build record and the kept work
};

/// Adds every build flag to `cmd` (build and watch take the same ones).
void add_build_options(CLI::App* cmd, const std::shared_ptr<BuildFlags>& flags);

/// What one build did.
struct BuildOutcome {
  int exit = ok;                      ///< ok, build_failed or usage
  std::filesystem::path output;       ///< the file written (or kept); "-" for stdout
  bool kept = false;                  ///< nothing changed: the last output was kept
  bool cancelled = false;             ///< stopped by Ctrl-C
  size_t chapters = 0, embedded = 0, failed = 0;
  uint64_t size = 0;                  ///< bytes of the output
  std::optional<EpubSizes> epub_sizes;  ///< what takes the space in an EPUB written now
  size_t input_files = 0;             ///< files the fingerprint looked at
};

/// Runs one build (or keeps the last output when its inputs and options are unchanged).
BuildOutcome build_once(const BuildFlags& flags, Diagnostics& diagnostics);

/// "wrote book.epub: 1 chapter, 2 figures embedded, 0 failed, 1.2 MB".
std::string describe(const BuildOutcome& outcome);

/// The book title as a file name: lowercase ASCII letters and digits, other letters kept,
/// everything else one '-' ("Go 夜读 2026!" -> "go-夜读-2026"); "book" when nothing is left.
std::string title_slug(const std::string& title);

}  // namespace folio::cli
