// Value: a front matter or config value as it was written, for keys folio does not know.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "folio/export.hpp"

namespace folio {
FOLIO_API_BEGIN

/// A JSON-like tree: what YAML, TOML and JSON front matter have in common.
/// Dates stay strings in the form they were written (TOML native dates are
/// written out in RFC 3339). Maps keep their keys' order; keys of front matter
/// maps are lowercased at the top level, as Hugo does.
class Value {
 public:
  using List = std::vector<Value>;
  using Map = std::vector<std::pair<std::string, Value>>;

  Value() = default;  ///< null
  Value(bool b) : v_(b) {}
  Value(int64_t i) : v_(i) {}
  Value(int i) : v_(int64_t{i}) {}
  Value(double d) : v_(d) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(List l) : v_(std::move(l)) {}
  Value(Map m) : v_(std::move(m)) {}

  bool is_null() const { return std::holds_alternative<std::monostate>(v_); }
  bool is_bool() const { return std::holds_alternative<bool>(v_); }
  bool is_int() const { return std::holds_alternative<int64_t>(v_); }
  bool is_double() const { return std::holds_alternative<double>(v_); }
  bool is_string() const { return std::holds_alternative<std::string>(v_); }
  bool is_list() const { return std::holds_alternative<List>(v_); }
  bool is_map() const { return std::holds_alternative<Map>(v_); }

  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_double() const { return std::get<double>(v_); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const List& as_list() const { return std::get<List>(v_); }
  const Map& as_map() const { return std::get<Map>(v_); }
  List& as_list() { return std::get<List>(v_); }
  Map& as_map() { return std::get<Map>(v_); }

  /// The value under `key` in a map (keys compared case-insensitively), or nullptr.
  const Value* find(std::string_view key) const;
  /// A scalar written as text: strings as they are, numbers and booleans as
  /// YAML would print them; nullopt for null, lists and maps.
  std::optional<std::string> scalar_text() const;
  /// Compact JSON text of the value.
  std::string to_json() const;

  bool operator==(const Value&) const = default;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, List, Map> v_;
};

FOLIO_API_END
}  // namespace folio
