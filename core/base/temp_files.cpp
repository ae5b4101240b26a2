// The registry of live temporary files, the signal handler that removes them, and the
// sweep that removes the ones a killed build left.
#include "base/temp_files.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace folio {

namespace {

// A fixed table of C strings: the signal handler may only read memory and call unlink().
constexpr size_t kSlots = 256;
std::atomic<char*> g_slots[kSlots];

void on_signal(int sig) {
  remove_registered_temp_files();
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

}  // namespace

void register_temp_file(const std::filesystem::path& path) {
  char* copy = ::strdup(path.c_str());
  if (!copy) return;
  for (auto& slot : g_slots) {
    char* expected = nullptr;
    if (slot.compare_exchange_strong(expected, copy)) return;
  }
  std::free(copy);  // more live temporaries than slots: the next build's sweep removes it
}

void unregister_temp_file(const std::filesystem::path& path) {
  for (auto& slot : g_slots) {
    char* p = slot.load();
    if (p && std::strcmp(p, path.c_str()) == 0 && slot.compare_exchange_strong(p, nullptr)) {
      std::free(p);
      return;
    }
  }
}

void remove_registered_temp_files() {
  for (auto& slot : g_slots)
    if (char* p = slot.load()) ::unlink(p);
}

void remove_temp_files_on_signals() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &action, nullptr);
}

size_t remove_stale_temp_files(const std::filesystem::path& dir, std::string_view prefix) {
  size_t removed = 0;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!prefix.empty() && name.compare(0, prefix.size(), prefix) != 0) continue;
    size_t at = name.rfind(".tmp-");
    if (at == std::string::npos) continue;
    char* after = nullptr;
    long pid = std::strtol(name.c_str() + at + 5, &after, 10);
    if (pid <= 0 || !after || *after != '-') continue;
    // A live process (this one, or a build running beside it) still owns its file.
    if (::kill(pid_t(pid), 0) == 0 || errno != ESRCH) continue;
    std::error_code rm;
    if (it->is_regular_file(rm) && std::filesystem::remove(it->path(), rm)) ++removed;
  }
  return removed;
}

}  // namespace folio
