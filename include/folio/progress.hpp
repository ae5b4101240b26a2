// Progress: what a long build reports while it runs, and how its caller cancels it.
// The library never prints; a caller that wants a progress line draws it from these events.
#pragma once

#include <cstdint>
#include <functional>

#include "folio/export.hpp"
#include "folio/diagnostics.hpp"

namespace folio {
FOLIO_API_BEGIN

/// The stages of a build, in the order they run.
enum class Stage {
  scanning,  ///< finding posts and reading their front matter (done: files read)
  reading,   ///< Markdown to Document (done/total: chapters)
  figures,   ///< resolving and fetching figures (done/total: figures; bytes downloaded; failed)
  layout,    ///< PDF pagination (done/total: chapters; pages so far in `pages`)
  writing,   ///< writing the output (done/total: parts written; bytes written so far)
};

/// "scanning", "reading", "figures", "layout", "writing".
const char* to_string(Stage stage);

/// One progress report. Fields that do not apply to a stage stay 0.
struct ProgressEvent {
  Stage stage = Stage::scanning;
  uint64_t done = 0;    ///< units finished in this stage
  uint64_t total = 0;   ///< units in this stage; 0 when not known yet
  uint64_t bytes = 0;   ///< bytes downloaded (figures) or written (writing)
  uint64_t failed = 0;  ///< figures that could not be had
  uint64_t pages = 0;   ///< pages laid out (layout)
};

/// Called from any thread (one call at a time). Returning false cancels the build: every
/// stage stops at its next check, the writers give up, and nothing is left at the output.
using ProgressHandler = std::function<bool(const ProgressEvent&)>;

/// Progress travels with the Diagnostics sink every stage already takes: a caller attaches
/// a handler to its sink for the length of a build. Detaches on destruction.
class ProgressScope {
 public:
  ProgressScope(Diagnostics& diagnostics, ProgressHandler handler);
  ~ProgressScope();
  ProgressScope(const ProgressScope&) = delete;
  ProgressScope& operator=(const ProgressScope&) = delete;

 private:
  Diagnostics& diagnostics_;
};

/// Reports progress to the handler attached to `diagnostics` (none: nothing happens).
/// False once the build is cancelled: the stage should stop.
bool report_progress(Diagnostics& diagnostics, const ProgressEvent& event);
/// Cancels the build reporting into `diagnostics` (any thread; not from a signal handler).
void cancel_build(Diagnostics& diagnostics);
/// True after the handler returned false or cancel_build().
bool build_cancelled(const Diagnostics& diagnostics);

FOLIO_API_END
}  // namespace folio
