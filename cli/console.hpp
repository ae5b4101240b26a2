// Console: everything folio prints on stderr. Diagnostics (coloured on a terminal), the
// one-line progress display (only on a terminal, cleared before anything else prints),
// and under -v the stage timings and cache hits. -q leaves errors only.
#pragma once

#include <CLI/CLI.hpp>

#include <chrono>
#include <mutex>
#include <string>

#include "folio/diagnostics.hpp"
#include "folio/progress.hpp"

namespace folio::cli {

/// The flags every command takes: --color, -q, -v.
struct ConsoleFlags {
  std::string color = "auto";  ///< auto | always | never
  bool quiet = false;
  bool verbose = false;
};

/// Adds --color, -q/--quiet and -v/--verbose to the app (they are read after any subcommand too).
void add_console_flags(CLI::App& app, ConsoleFlags& flags);

class Console {
 public:
  /// The process's console, set up from the flags once they are parsed.
  static Console& get();
  void configure(const ConsoleFlags& flags);

  bool quiet() const { return quiet_; }
  bool verbose() const { return verbose_; }
  bool colour() const { return colour_; }
  /// True when a progress line is drawn: stderr is a terminal, not -q, not CI, TERM not dumb.
  bool draws_progress() const { return progress_; }

  /// Prints one diagnostic (under -q only errors), clearing the progress line first.
  void diagnostic(const Diagnostic& d);
  /// Redraws the progress line for this event; under -v also times the stages. Returns
  /// false when the user asked to stop (Ctrl-C, see request_stop).
  bool progress(const ProgressEvent& event);
  /// Erases the progress line and, under -v, prints the last stage's time.
  void finish_progress();
  /// A line on stderr for -v only ("cache: 199 of 200 chapters reused").
  void verbose_line(const std::string& text);
  /// A summary line on stdout (left out under -q).
  void summary(const std::string& text);

  /// While a build writes to a temporary file, diagnostics name the output path instead.
  void set_path_alias(const std::string& temp, const std::string& shown);
  void clear_path_alias();

  /// Set from a signal handler: the build in progress stops at its next check.
  static void request_stop();
  static bool stop_requested();

 private:
  void clear_line_locked();
  void end_stage_locked(std::chrono::steady_clock::time_point now);

  std::mutex mutex_;
  bool quiet_ = false, verbose_ = false, colour_ = false, progress_ = false;
  bool line_drawn_ = false;
  std::string alias_from_, alias_to_;
  bool in_stage_ = false;
  Stage stage_ = Stage::scanning;
  std::chrono::steady_clock::time_point stage_start_{};
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace folio::cli
