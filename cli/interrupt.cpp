// The interrupt handler: an atomic flag the progress callback reads, and a self-pipe.
#include "interrupt.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>

#include "base/temp_files.hpp"
#include "console.hpp"

namespace folio::cli {

namespace {

int wake_pipe[2] = {-1, -1};
volatile std::sig_atomic_t interrupts = 0;

extern "C" void on_interrupt(int signal) {
  interrupts = interrupts + 1;
  if (interrupts > 1) {
    folio::remove_registered_temp_files();  // no destructor runs after the raise below
    std::signal(signal, SIG_DFL);
    std::raise(signal);
    return;
  }
  Console::request_stop();  // an atomic store: safe in a signal handler
  if (wake_pipe[1] >= 0) {
    char byte = 1;
    [[maybe_unused]] auto n = ::write(wake_pipe[1], &byte, 1);
  }
}

}  // namespace

int install_interrupt_handler() {
  if (wake_pipe[0] < 0 && ::pipe(wake_pipe) == 0) {
    for (int fd : wake_pipe) ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    ::fcntl(wake_pipe[1], F_SETFL, O_NONBLOCK);
  }
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  return wake_pipe[0];
}

}  // namespace folio::cli
