// The console: colour, progress line, quiet and verbose output on stderr.
#include "console.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "common.hpp"

namespace folio::cli {

namespace {

std::atomic<bool> stop_flag{false};

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

// CI services set CI=true; their logs are not terminals even when a pty is faked.
bool in_ci() { return env_set("CI") || env_set("GITHUB_ACTIONS") || env_set("BUILD_NUMBER"); }

bool dumb_terminal() {
  const char* term = std::getenv("TERM");
  return term && std::strcmp(term, "dumb") == 0;
}

const char* colour_of(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;35m";
    case Severity::note: return "\x1b[1;36m";
  }
  return "";
}

std::string describe(const ProgressEvent& e) {
  std::string line = to_string(e.stage);
  line += ": ";
  auto count = [&](const char* unit) {
    line += std::to_string(e.done);
    if (e.total) line += "/" + std::to_string(e.total);
    line += unit;
  };
  switch (e.stage) {
    case Stage::scanning: count(" posts"); break;
    case Stage::reading: count(" chapters"); break;
    case Stage::figures:
      count(" fetched");
      line += ", " + human_size(e.bytes) + ", " + std::to_string(e.failed) + " failed";
      break;
    case Stage::layout:
      count(" chapters");
      line += ", " + std::to_string(e.pages) + " pages";
      break;
    case Stage::writing:
      count("");
      if (e.bytes) line += ", " + human_size(e.bytes);
      break;
  }
  return line;
}

}  // namespace

void add_console_flags(CLI::App& app, ConsoleFlags& flags) {
  app.add_option("--color,--colour", flags.color, "colour diagnostics: auto | always | never (auto honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", flags.quiet, "print errors only");
  app.add_flag("-v,--verbose", flags.verbose, "also print stage timings and cache hits");
}

Console& Console::get() {
  static Console console;
  return console;
}

void Console::configure(const ConsoleFlags& flags) {
  std::lock_guard lock(mutex_);
  quiet_ = flags.quiet;
  verbose_ = flags.verbose && !flags.quiet;
  const bool tty = ::isatty(2) == 1;
  if (flags.color == "always") colour_ = true;
  else if (flags.color == "never") colour_ = false;
  else colour_ = tty && !env_set("NO_COLOR") && !dumb_terminal();
  progress_ = tty && !quiet_ && !in_ci() && !dumb_terminal();
}

void Console::clear_line_locked() {
  if (!line_drawn_) return;
  std::fputs("\r\x1b[K", stderr);
  line_drawn_ = false;
}

void Console::diagnostic(const Diagnostic& d) {
  if (quiet_ && d.severity != Severity::error) return;
  std::lock_guard lock(mutex_);
  clear_line_locked();
  std::string text = d.format();
  if (!alias_from_.empty())
    for (size_t at; (at = text.find(alias_from_)) != std::string::npos;) text.replace(at, alias_from_.size(), alias_to_);
  if (colour_) {
    // Colour only the severity word, as compilers do; the place stays bold.
    std::string word = std::string(to_string(d.severity)) + ":";
    size_t at = text.find(word);
    if (at != std::string::npos) {
      std::string coloured = colour_of(d.severity) + word + "\x1b[0m";
      std::string place = at ? "\x1b[1m" + text.substr(0, at) + "\x1b[0m" : "";
      text = place + coloured + text.substr(at + word.size());
    }
  }
  std::fprintf(stderr, "%s\n", text.c_str());
  std::fflush(stderr);
}

void Console::end_stage_locked(std::chrono::steady_clock::time_point now) {
  if (!in_stage_) return;
  in_stage_ = false;
  if (!verbose_) return;
  clear_line_locked();
  double s = std::chrono::duration<double>(now - stage_start_).count();
  std::fprintf(stderr, "%-9s %.3f s\n", to_string(stage_), s);
}

bool Console::progress(const ProgressEvent& event) {
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (!in_stage_ || event.stage != stage_) {
    end_stage_locked(now);
    in_stage_ = true;
    stage_ = event.stage;
    stage_start_ = now;
  }
  // A redraw every 50 ms at most, and always for a stage's last unit.
  bool last = event.total && event.done == event.total;
  if (progress_ && (last || now - last_draw_ > std::chrono::milliseconds(50))) {
    last_draw_ = now;
    std::fprintf(stderr, "\r%s\x1b[K", describe(event).c_str());
    std::fflush(stderr);
    line_drawn_ = true;
  }
  return !stop_requested();
}

void Console::finish_progress() {
  std::lock_guard lock(mutex_);
  end_stage_locked(std::chrono::steady_clock::now());
  clear_line_locked();
  std::fflush(stderr);
}

void Console::verbose_line(const std::string& text) {
  if (!verbose_) return;
  std::lock_guard lock(mutex_);
  clear_line_locked();
  std::fprintf(stderr, "%s\n", text.c_str());
}

void Console::summary(const std::string& text) {
  if (quiet_) return;
  std::lock_guard lock(mutex_);
  clear_line_locked();
  std::fprintf(stdout, "%s\n", text.c_str());
  std::fflush(stdout);
}

void Console::set_path_alias(const std::string& temp, const std::string& shown) {
  std::lock_guard lock(mutex_);
  alias_from_ = temp;
  alias_to_ = shown;
}

void Console::clear_path_alias() {
  std::lock_guard lock(mutex_);
  alias_from_.clear();
  alias_to_.clear();
}

void Console::request_stop() { stop_flag = true; }
bool Console::stop_requested() { return stop_flag; }

}  // namespace folio::cli
