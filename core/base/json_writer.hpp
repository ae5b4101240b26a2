// JsonWriter: streaming JSON text with correct string escaping (for --json output and dumps).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio {

class JsonWriter {
 public:
  /// indent > 0 pretty-prints with that many spaces per level.
  explicit JsonWriter(int indent = 0) : indent_(indent) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  void string(std::string_view s);
  void number(int64_t n);
  void number(double d);
  void boolean(bool b);
  void null();
  /// Inserts already-formatted JSON as a value.
  void raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();
  void newline();
  std::string out_;
  int indent_;
  // Per open container: whether it has a first element yet.
  std::vector<bool> has_items_;
  bool after_key_ = false;
};

/// Appends `s` as a JSON string literal (with quotes) to `out`.
void append_json_string(std::string& out, std::string_view s);

}  // namespace folio
