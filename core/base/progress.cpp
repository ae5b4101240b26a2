// Progress handlers, attached to a Diagnostics sink by address for the length of a build,
// so that no stage's signature changes and two builds at once keep apart.
#include "folio/progress.hpp"

#include <map>
#include <memory>
#include <mutex>

namespace folio {

namespace {

struct Attached {
  ProgressHandler handler;
  std::mutex call;  // handlers run one at a time
  bool cancelled = false;
};

std::mutex registry_mutex;
std::map<const Diagnostics*, std::shared_ptr<Attached>>& registry() {
  static std::map<const Diagnostics*, std::shared_ptr<Attached>> attached;
  return attached;
}

std::shared_ptr<Attached> attached_to(const Diagnostics& d, bool create) {
  std::lock_guard lock(registry_mutex);
  auto& map = registry();
  auto it = map.find(&d);
  if (it != map.end()) return it->second;
  if (!create) return nullptr;
  return map[&d] = std::make_shared<Attached>();
}

}  // namespace

const char* to_string(Stage stage) {
  switch (stage) {
    case Stage::scanning: return "scanning";
    case Stage::reading: return "reading";
    case Stage::figures: return "figures";
    case Stage::layout: return "layout";
    case Stage::writing: return "writing";
  }
  return "working";
}

ProgressScope::ProgressScope(Diagnostics& diagnostics, ProgressHandler handler) : diagnostics_(diagnostics) {
  auto a = attached_to(diagnostics, true);
  std::lock_guard lock(a->call);
  a->handler = std::move(handler);
  a->cancelled = false;
}

ProgressScope::~ProgressScope() {
  std::lock_guard lock(registry_mutex);
  registry().erase(&diagnostics_);
}

bool report_progress(Diagnostics& diagnostics, const ProgressEvent& event) {
  auto a = attached_to(diagnostics, false);
  if (!a) return true;
  std::lock_guard lock(a->call);
  if (a->cancelled) return false;
  if (a->handler && !a->handler(event)) a->cancelled = true;
  return !a->cancelled;
}

void cancel_build(Diagnostics& diagnostics) {
  auto a = attached_to(diagnostics, true);
  std::lock_guard lock(a->call);
  a->cancelled = true;
}

bool build_cancelled(const Diagnostics& diagnostics) {
  auto a = attached_to(diagnostics, false);
  if (!a) return false;
  std::lock_guard lock(a->call);
  return a->cancelled;
}

}  // namespace folio
