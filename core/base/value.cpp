// Value: lookups and JSON text of raw front matter values.
#include "folio/value.hpp"

#include <cstdio>

#include "base/json_writer.hpp"

namespace folio {

namespace {
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string format_double(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

void write_json(const Value& v, JsonWriter& w) {
  if (v.is_null()) w.null();
  else if (v.is_bool()) w.boolean(v.as_bool());
  else if (v.is_int()) w.number(v.as_int());
  else if (v.is_double()) w.raw(format_double(v.as_double()));
  else if (v.is_string()) w.string(v.as_string());
  else if (v.is_list()) {
    w.begin_array();
    for (const auto& item : v.as_list()) write_json(item, w);
    w.end_array();
  } else {
    w.begin_object();
    for (const auto& [k, item] : v.as_map()) {
      w.key(k);
      write_json(item, w);
    }
    w.end_object();
  }
}
}  // namespace

const Value* Value::find(std::string_view key) const {
  if (!is_map()) return nullptr;
  for (const auto& [k, v] : as_map())
    if (iequals(k, key)) return &v;
  return nullptr;
}

std::optional<std::string> Value::scalar_text() const {
  if (is_string()) return as_string();
  if (is_bool()) return as_bool() ? "true" : "false";
  if (is_int()) return std::to_string(as_int());
  if (is_double()) return format_double(as_double());
  return std::nullopt;
}

std::string Value::to_json() const {
  JsonWriter w;
  write_json(*this, w);
  return w.take();
}

}  // namespace folio
