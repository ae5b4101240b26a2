// Ctrl-C: the first one asks the running build to stop (its temporary file is removed and
// the last output kept); a second one ends the process at once.
#pragma once

namespace folio::cli {

/// Installs the SIGINT/SIGTERM handler. Returns a file descriptor that becomes readable
/// when a signal arrived (for folio watch's main loop).
int install_interrupt_handler();

}  // namespace folio::cli
