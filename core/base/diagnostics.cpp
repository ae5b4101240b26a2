// The diagnostics sink: formatting and thread-safe collection.
#include "folio/diagnostics.hpp"

namespace folio {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string Diagnostic::format() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += ':' + std::to_string(where.line);
      if (where.column > 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  }
  out += to_string(severity);
  out += ": ";
  out += message;
  return out;
}

void Diagnostics::report(Severity severity, SourceLocation where, std::string message) {
  std::lock_guard lock(mutex_);
  if (strict_ && severity == Severity::warning) severity = Severity::error;
  if (severity == Severity::error) ++errors_;
  if (severity == Severity::warning) ++warnings_;
  diagnostics_.push_back({severity, std::move(where), std::move(message)});
  if (handler_) handler_(diagnostics_.back());
}

void Diagnostics::set_strict(bool strict) {
  std::lock_guard lock(mutex_);
  strict_ = strict;
}

bool Diagnostics::strict() const {
  std::lock_guard lock(mutex_);
  return strict_;
}

size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return errors_;
}

size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  return warnings_;
}

std::vector<Diagnostic> Diagnostics::all() const {
  std::lock_guard lock(mutex_);
  return diagnostics_;
}

bool Diagnostics::contains(const std::string& needle) const {
  std::lock_guard lock(mutex_);
  for (const auto& d : diagnostics_)
    if (d.message.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace folio
