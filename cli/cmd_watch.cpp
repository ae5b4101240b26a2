// folio watch: build, then rebuild whenever a post, book.yaml, the site config or a local
// figure changes (GLib's GFileMonitor, inotify underneath), with the changes of a burst of
// saves gathered into one rebuild. One line per rebuild; the last good output stays in
// place when a build fails; Ctrl-C stops it cleanly.
#include <gio/gio.h>
#include <glib-unix.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "build_command.hpp"
#include "console.hpp"
#include "folio/figures.hpp"
#include "folio/folio.hpp"
#include "interrupt.hpp"

namespace folio::cli {

namespace fs = std::filesystem;

namespace {

struct WatchFlags {
  std::shared_ptr<BuildFlags> build = std::make_shared<BuildFlags>();
  int debounce_ms = 200;
};

class Watcher {
 public:
  explicit Watcher(const WatchFlags& flags) : flags_(flags), loop_(g_main_loop_new(nullptr, FALSE)) {}
  ~Watcher() {
    for (auto& [path, monitor] : monitors_) g_object_unref(monitor);
    if (debounce_) g_source_remove(debounce_);
    g_main_loop_unref(loop_);
  }

  int run() {
    int wake = install_interrupt_handler();
    g_unix_fd_add(wake, G_IO_IN, on_interrupt, this);
    rebuild("start");
    if (!watching_anything_) return exit_;
    if (!Console::stop_requested()) g_main_loop_run(loop_);
    std::fprintf(stderr, "folio watch: stopped\n");
    return exit_;
  }

 private:
  static gboolean on_interrupt(gint, GIOCondition, gpointer self) {
    g_main_loop_quit(static_cast<Watcher*>(self)->loop_);
    return G_SOURCE_REMOVE;
  }

  // Every folder of the inputs gets a monitor (inotify watches one folder, not a tree);
  // a single-file root is watched through its folder.
  void watch_inputs(const BookConfig& config) {
    for (const fs::path& root : input_roots(config)) {
      std::error_code ec;
      if (fs::is_directory(root, ec)) watch_tree(root);
      else if (fs::exists(root, ec)) watch_folder(root.parent_path());
    }
  }

  void watch_tree(const fs::path& dir) {
    watch_folder(dir);
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_directory(type_ec) && !skipped_input_folder(it->path().filename().string())) watch_tree(it->path());
    }
  }

  void watch_folder(const fs::path& dir) {
    std::string key = dir.lexically_normal().string();
    if (monitors_.count(key)) return;
    GFile* file = g_file_new_for_path(key.c_str());
    GError* error = nullptr;
    GFileMonitor* monitor = g_file_monitor_directory(file, G_FILE_MONITOR_WATCH_MOVES, nullptr, &error);
    g_object_unref(file);
    if (!monitor) {
      std::fprintf(stderr, "folio watch: cannot watch %s: %s\n", key.c_str(), error ? error->message : "unknown error");
      g_clear_error(&error);
      return;
    }
    g_signal_connect(monitor, "changed", G_CALLBACK(on_changed), this);
    monitors_[key] = monitor;
    watching_anything_ = true;
  }

  static void on_changed(GFileMonitor*, GFile* file, GFile* other, GFileMonitorEvent event, gpointer data) {
    auto* self = static_cast<Watcher*>(data);
    if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
        event == G_FILE_MONITOR_EVENT_UNMOUNTED)
      return;
    for (GFile* f : {file, other}) {
      if (!f) continue;
      char* path = g_file_get_path(f);
      if (path) self->changed(path);
      g_free(path);
    }
  }

  void changed(const fs::path& path) {
    const std::string name = path.filename().string();
    // Our own writes (the output, its temporary file, the cache) are not changes.
    if (name.find(".tmp-") != std::string::npos || name.empty() || name[0] == '.' || name.back() == '~') return;
    fs::path absolute = path.lexically_normal();
    for (const auto& own : own_paths_)
      if (absolute == own || absolute.string().rfind(own.string() + "/", 0) == 0) return;
    std::error_code ec;
    if (fs::is_directory(absolute, ec) && !skipped_input_folder(name)) watch_tree(absolute);
    pending_.insert(absolute);
    // Editors save in bursts (write, rename, chmod): wait until they are quiet.
    if (debounce_) g_source_remove(debounce_);
    debounce_ = g_timeout_add(guint(flags_.debounce_ms), on_quiet, this);
  }

  static gboolean on_quiet(gpointer data) {
    auto* self = static_cast<Watcher*>(data);
    self->debounce_ = 0;
    std::string what;
    size_t n = 0;
    for (const auto& p : self->pending_) {
      if (n++ < 2) what += (what.empty() ? "" : ", ") + fs::path(p).lexically_proximate(fs::current_path()).string();
    }
    if (n > 2) what += " and " + std::to_string(n - 2) + " more";
    self->pending_.clear();
    self->rebuild(what + " changed");
    return G_SOURCE_REMOVE;
  }

  void rebuild(const std::string& why) {
    auto diagnostics = make_diagnostics();
    auto start = std::chrono::steady_clock::now();
    BuildOutcome outcome = build_once(*flags_.build, *diagnostics);
    Console::get().finish_progress();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char clock[16];
    std::time_t t = std::time(nullptr);
    std::strftime(clock, sizeof clock, "%H:%M:%S", std::localtime(&t));
    size_t warnings = diagnostics->warning_count();
    char line[512];
    if (outcome.cancelled) {
      return;
    } else if (outcome.exit == ok) {
      std::snprintf(line, sizeof line, "[%s] %s: %s %s in %.2f s, %zu %s", clock, why.c_str(),
                    outcome.kept ? "kept" : "wrote", outcome.output.string().c_str(), seconds, warnings,
                    warnings == 1 ? "warning" : "warnings");
      last_output_ = outcome.output;
    } else {
      size_t errors = diagnostics->error_count();
      std::snprintf(line, sizeof line, "[%s] %s: build failed (%zu %s, %zu %s)%s%s", clock, why.c_str(), errors,
                    errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings",
                    last_output_.empty() ? "" : "; kept the last good ", last_output_.string().c_str());
    }
    exit_ = outcome.exit;
    Console::get().summary(line);
    // The set of folders can change with book.yaml; the output and cache are ours.
    if (auto config = quiet_config()) {
      own_paths_.clear();
      if (!outcome.output.empty() && outcome.output != "-") own_paths_.push_back(fs::absolute(outcome.output).lexically_normal());
      if (!config->figures.cache_dir.empty()) own_paths_.push_back(fs::absolute(config->figures.cache_dir).lexically_normal());
      else own_paths_.push_back(default_cache_dir());
      watch_inputs(*config);
    }
  }

  std::optional<BookConfig> quiet_config() {
    Diagnostics ignored;
    auto config = load_config(flags_.build->book, ignored);
    if (config) apply_figure_flags(flags_.build->figures, *config, ignored);
    return config;
  }

  const WatchFlags& flags_;
  GMainLoop* loop_;
  std::map<std::string, GFileMonitor*> monitors_;
  std::set<fs::path> pending_;
  std::vector<fs::path> own_paths_;
  fs::path last_output_;
  guint debounce_ = 0;
  bool watching_anything_ = false;
  int exit_ = ok;
};

int run_watch(const WatchFlags& flags) {
  if (flags.build->output == "-") {
    std::fprintf(stderr, "folio watch: -o - is not for watch (each rebuild would append a book to stdout)\n");
    return usage;
  }
  Watcher watcher(flags);
  return watcher.run();
}

}  // namespace

void register_watch(CLI::App& app, Action& run) {
  auto flags = std::make_shared<WatchFlags>();
  auto* cmd = app.add_subcommand("watch", "Build, then rebuild whenever a post, book.yaml, the site config or a figure changes");
  add_build_options(cmd, flags->build);
  cmd->add_option("--debounce", flags->debounce_ms, "milliseconds of quiet before a rebuild (default 200)")
      ->check(CLI::Range(10, 10000));
  cmd->callback([flags, &run] { run = [flags] { return run_watch(*flags); }; });
}

}  // namespace folio::cli
