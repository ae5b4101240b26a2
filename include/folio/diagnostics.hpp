// Diagnostics: every problem a user can cause, reported with its place.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "folio/export.hpp"

namespace folio {
FOLIO_API_BEGIN

/// How bad a diagnostic is. Under `strict`, warnings count as errors.
enum class Severity { note, warning, error };

/// A place in a source file. line and column are 1-based; 0 means "unknown"
/// (a file-level problem has line 0; column 0 leaves the column out).
struct SourceLocation {
  std::string file;     ///< path as the user would type it (relative where possible)
  uint32_t line = 0;    ///< 1-based line, 0 if the problem concerns the whole file
  uint32_t column = 0;  ///< 1-based column in bytes of the line's UTF-8 text, 0 if unknown
};

/// One reported problem.
struct Diagnostic {
  Severity severity = Severity::warning;
  SourceLocation where;
  std::string message;

  /// `path:line:col: severity: message`, the form compilers use, so editors can jump to it.
  /// Parts that are unknown are left out (`path: error: ...`, `error: ...`).
  std::string format() const;
};

const char* to_string(Severity s);

/// The sink every stage reports into. Safe to call from several threads at once
/// (figures are fetched and chapters laid out in parallel).
class Diagnostics {
 public:
  /// Called for each diagnostic as it is reported (under the sink's lock), e.g. to
  /// print it at once. Without a handler diagnostics are only collected.
  using Handler = std::function<void(const Diagnostic&)>;

  Diagnostics() = default;
  explicit Diagnostics(Handler handler) : handler_(std::move(handler)) {}
  Diagnostics(const Diagnostics&) = delete;
  Diagnostics& operator=(const Diagnostics&) = delete;

  void report(Severity severity, SourceLocation where, std::string message);
  void error(SourceLocation where, std::string message) {
    report(Severity::error, std::move(where), std::move(message));
  }
  void warning(SourceLocation where, std::string message) {
    report(Severity::warning, std::move(where), std::move(message));
  }
  void note(SourceLocation where, std::string message) {
    report(Severity::note, std::move(where), std::move(message));
  }

  /// Under strict mode every warning is reported as an error (`--strict`).
  void set_strict(bool strict);
  bool strict() const;

  size_t error_count() const;
  size_t warning_count() const;
  /// A copy of everything reported so far, in report order.
  std::vector<Diagnostic> all() const;
  /// True if any diagnostic's message contains `needle` (handy in tests).
  bool contains(const std::string& needle) const;

 private:
  mutable std::mutex mutex_;
  Handler handler_;
  std::vector<Diagnostic> diagnostics_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
  bool strict_ = false;
};

FOLIO_API_END
}  // namespace folio
