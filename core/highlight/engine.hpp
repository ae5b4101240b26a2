// The process-wide KSyntaxHighlighting repository (engine.cpp and theme.cpp only: Qt inside).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <KSyntaxHighlighting/Definition>

namespace KSyntaxHighlighting {
class Repository;
}

namespace folio::highlight {

class Engine {
 public:
  static Engine& instance();
  /// A definition's name from any-case name or a file extension.
  std::optional<std::string> definition(std::string_view name);
  /// Loads a definition fully (see prepare_definition).
  void prepare(const std::string& name);
  /// A prepared definition (invalid when not prepared).
  KSyntaxHighlighting::Definition prepared(const std::string& name);
  /// The repository itself, for themes; hold lock() while using it.
  KSyntaxHighlighting::Repository& repository();
  std::mutex& lock() { return mutex_; }

 private:
  Engine();
  ~Engine();
  std::unique_ptr<KSyntaxHighlighting::Repository> repository_;
  std::map<std::string, std::string> by_lower_name_;
  std::map<std::string, KSyntaxHighlighting::Definition> prepared_;
  std::mutex mutex_;
};

}  // namespace folio::highlight
