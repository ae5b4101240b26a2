// Front matter: finding the block Hugo's way and reading YAML, TOML and JSON into Values.
#include "frontmatter.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <toml++/toml.h>
#include <unordered_map>
#include <vector>

#include "base/limits.hpp"

namespace folio::content {

namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

// A line of `text` starting at `pos` without its newline; `next` is where the following one starts.
std::string_view line_at(std::string_view text, size_t pos, size_t& next) {
  size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) {
    next = text.size();
    return text.substr(pos);
  }
  next = end + 1;
  return text.substr(pos, end - pos);
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Builds a map key by key, a later key replacing an earlier one that reads the same
// (Hugo keeps the last). The index keeps a front matter block of 300k keys linear.
class MapBuilder {
 public:
  void put(std::string key, Value v) {
    auto [it, added] = index_.try_emplace(key, map_.size());
    if (!added) {
      map_[it->second].second = std::move(v);
      return;
    }
    map_.emplace_back(std::move(key), std::move(v));
  }
  Value take() { return Value(std::move(map_)); }

 private:
  Value::Map map_;
  std::unordered_map<std::string, size_t> index_;
};

/// A structured document that goes past one of the budgets in base/limits.hpp.
struct DataBudgetExceeded {
  YAML::Mark mark;
  std::string message;
};

// ---- YAML ----

bool is_int_text(const std::string& s, int64_t& out) {
  if (s.empty()) return false;
  const char* p = s.c_str();
  int base = 10;
  std::string digits = s;
  bool negative = false;
  size_t k = 0;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    k = 1;
  }
  if (s.compare(k, 2, "0x") == 0) base = 16, k += 2;
  else if (s.compare(k, 2, "0o") == 0) base = 8, k += 2;
  if (k >= s.size()) return false;
  for (size_t j = k; j < s.size(); ++j)
    if (!std::isxdigit(static_cast<unsigned char>(s[j])) || (base == 10 && !std::isdigit(static_cast<unsigned char>(s[j]))))
      return false;
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(p + k, &end, base);
  if (errno == ERANGE || *end != '\0') return false;
  out = negative ? -v : v;
  return true;
}

bool is_float_text(const std::string& s, double& out) {
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf") return out = HUGE_VAL, true;
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") return out = -HUGE_VAL, true;
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return out = NAN, true;
  size_t k = 0;
  if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
  bool digits = false, dot = false;
  while (k < s.size() && (std::isdigit(static_cast<unsigned char>(s[k])) || (s[k] == '.' && !dot))) {
    if (s[k] == '.') dot = true;
    else digits = true;
    ++k;
  }
  if (!digits) return false;
  bool exp = false;
  if (k < s.size() && (s[k] == 'e' || s[k] == 'E')) {
    exp = true;
    ++k;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
    size_t e0 = k;
    while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
    if (k == e0) return false;
  }
  if (k != s.size() || (!dot && !exp)) return false;
  out = std::strtod(s.c_str(), nullptr);
  return true;
}

// Plain (unquoted) scalars get YAML 1.2 core types; quoted ones stay strings. Dates stay text.
Value yaml_scalar(const YAML::Node& node) {
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return Value(s);
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return Value();
  if (s == "true" || s == "True" || s == "TRUE") return Value(true);
  if (s == "false" || s == "False" || s == "FALSE") return Value(false);
  int64_t i = 0;
  if (is_int_text(s, i)) return Value(i);
  double d = 0;
  if (is_float_text(s, d)) return Value(d);
  return Value(s);
}

// Converts a loaded YAML tree to a Value. yaml-cpp shares an anchored node between its
// aliases, so the tree is a graph: a node may contain itself (`a: &a [*a]`), and a few
// hundred bytes may expand to billions of values. Both are bounded by the budgets in
// base/limits.hpp and end in DataBudgetExceeded.
class YamlConverter {
 public:
  Value convert(const YAML::Node& node) {
    if (path_.size() >= limits::kMaxDataNesting) {
      for (const auto& ancestor : path_)
        if (ancestor.is(node)) fail(node, "an alias refers to the value that contains it");
      fail(node, "nested more than " + std::to_string(limits::kMaxDataNesting) + " levels deep");
    }
    for (const auto& ancestor : path_)
      if (ancestor.is(node)) fail(node, "an alias refers to the value that contains it");
    if (++values_ > limits::kMaxDataValues)
      fail(node, "expands to more than " + std::to_string(limits::kMaxDataValues) +
                     " values once its aliases are followed");
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        count_bytes(node, node.Scalar().size());
        return yaml_scalar(node);
      case YAML::NodeType::Sequence: {
        path_.push_back(node);
        Value::List list;
        for (const auto& item : node) list.push_back(convert(item));
        path_.pop_back();
        return Value(std::move(list));
      }
      case YAML::NodeType::Map: {
        path_.push_back(node);
        MapBuilder map;
        for (const auto& kv : node) {
          std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
          count_bytes(kv.first, key.size());
          map.put(std::move(key), convert(kv.second));
        }
        path_.pop_back();
        return map.take();
      }
      default: return Value();
    }
  }

 private:
  [[noreturn]] static void fail(const YAML::Node& node, std::string message) {
    throw DataBudgetExceeded{node.Mark(), std::move(message)};
  }
  void count_bytes(const YAML::Node& node, size_t n) {
    bytes_ += n;
    if (bytes_ > limits::kMaxDataBytes)
      fail(node, "expands to more than " + std::to_string(limits::kMaxDataBytes >> 20) +
                     " MiB of text once its aliases are followed");
  }

  std::vector<YAML::Node> path_;  // the maps and lists that contain the node being converted
  size_t values_ = 0;
  size_t bytes_ = 0;
};

// Counts the aliases of a YAML text without building it (yaml-cpp's event parser).
class AliasCounter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (++count_ > limits::kMaxYamlAliases)
      throw DataBudgetExceeded{mark, "more than " + std::to_string(limits::kMaxYamlAliases) + " aliases"};
  }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

 private:
  size_t count_ = 0;
};

void check_alias_count(const std::string& text) {
  if (text.find('*') == std::string::npos) return;  // no alias can be there
  std::istringstream in(text);
  YAML::Parser parser(in);
  AliasCounter counter;
  try {
    while (parser.HandleNextDocument(counter)) {
    }
  } catch (const YAML::Exception&) {
    // yaml-cpp has read this text already; a difference in the event parser is no budget matter
  }
}

// Tabs at the start of a line are not YAML indentation, but real front matter has them;
// each is read as two spaces. Returns the number of lines changed.
size_t untab_indentation(std::string& text) {
  size_t changed = 0;
  std::string out;
  out.reserve(text.size());
  bool at_line_start = true, line_changed = false;
  for (char c : text) {
    if (c == '\n') {
      at_line_start = true;
      line_changed = false;
      out += c;
      continue;
    }
    if (at_line_start && c == '\t') {
      out += "  ";
      if (!line_changed) ++changed, line_changed = true;
      continue;
    }
    if (at_line_start && c != ' ') at_line_start = false;
    out += c;
  }
  text = std::move(out);
  return changed;
}

// `description: `code` first` or `author: @name`: YAML reserves ` and @, but Hugo's YAML
// parser (goccy/go-yaml) reads them as the start of plain text, and real front matter
// relies on that. Such values are put in single quotes. Returns the number of values quoted.
size_t quote_reserved_starts(std::string& text) {
  size_t quoted = 0;
  std::string out;
  out.reserve(text.size() + 16);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    // The value of `key: value` or `- value`.
    size_t value = std::string::npos;
    size_t k = line.find_first_not_of(' ');
    if (k != std::string::npos && line.compare(k, 2, "- ") == 0) {
      value = line.find_first_not_of(' ', k + 2);
    } else {
      size_t colon = line.find(": ");
      if (colon != std::string::npos && line[k] != '#' && line[k] != '"' && line[k] != '\'')
        value = line.find_first_not_of(' ', colon + 2);
    }
    if (value != std::string::npos && (line[value] == '`' || line[value] == '@')) {
      std::string v = line.substr(value);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
      std::string escaped;
      for (char c : v) escaped += c == '\'' ? std::string("''") : std::string(1, c);
      line = line.substr(0, value) + "'" + escaped + "'";
      ++quoted;
    }
    out += line;
    if (end < text.size()) out += '\n';
    pos = end + 1;
  }
  text = std::move(out);
  return quoted;
}

// ---- TOML ----

std::string toml_date_text(const toml::date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d.year), int(d.month), int(d.day));
  return buf;
}

std::string toml_time_text(const toml::time& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", int(t.hour), int(t.minute), int(t.second));
  return buf;
}

Value toml_to_value(const toml::node& node) {
  if (auto* t = node.as_table()) {
    MapBuilder map;
    for (auto&& [k, v] : *t) map.put(std::string(k.str()), toml_to_value(v));
    return map.take();
  }
  if (auto* a = node.as_array()) {
    Value::List list;
    for (auto&& v : *a) list.push_back(toml_to_value(v));
    return Value(std::move(list));
  }
  if (auto* s = node.as_string()) return Value(s->get());
  if (auto* i = node.as_integer()) return Value(int64_t(i->get()));
  if (auto* f = node.as_floating_point()) return Value(f->get());
  if (auto* b = node.as_boolean()) return Value(b->get());
  if (auto* d = node.as_date()) return Value(toml_date_text(d->get()));
  if (auto* t = node.as_time()) return Value(toml_time_text(t->get()));
  if (auto* dt = node.as_date_time()) {
    const toml::date_time& v = dt->get();
    std::string text = toml_date_text(v.date) + "T" + toml_time_text(v.time);
    if (v.offset) {
      int off = v.offset->minutes;
      if (off == 0) {
        text += "Z";
      } else {
        char buf[32];
        int a = off < 0 ? -off : off;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
        text += buf;
      }
    }
    return Value(std::move(text));
  }
  return Value();
}

void lowercase_top_level(ParsedData& data) {
  MapBuilder lowered;
  for (auto& [k, v] : data.value.as_map()) lowered.put(lowercase(k), std::move(v));
  data.value = lowered.take();
}

}  // namespace

std::string normalize_newlines(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.find('\r') == std::string_view::npos) return std::string(text);  // the common case
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  return out;
}

FrontMatterSplit split_front_matter(std::string_view text) {
  FrontMatterSplit split;
  split.body = text;
  // Hugo skips leading blank space; count the lines it skips.
  size_t pos = 0;
  uint32_t line = 1;
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) {
    if (text[pos] == '\n') ++line;
    ++pos;
  }
  if (pos >= text.size()) return split;

  char first = text[pos];
  if (first == '-' || first == '+') {
    const std::string_view delim = first == '-' ? "---" : "+++";
    size_t next = 0;
    size_t line_start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    line_start = (line_start == std::string_view::npos || pos == 0) ? 0 : line_start + 1;
    std::string_view opening = trim_right(line_at(text, line_start, next));
    if (opening.substr(pos - line_start) != delim) return split;  // a list or a rule, not front matter
    split.format = first == '-' ? FrontMatterFormat::yaml : FrontMatterFormat::toml;
    split.open_line = line;
    size_t block_start = next;
    uint32_t l = line + 1;
    while (next < text.size()) {
      size_t this_start = next;
      std::string_view candidate = trim_right(line_at(text, this_start, next));
      if (candidate == delim) {
        split.block = text.substr(block_start, this_start - block_start);
        split.block_line = line + 1;
        split.body = text.substr(next);
        split.body_line = l + 1;
        return split;
      }
      ++l;
    }
    split.unterminated = true;
    split.block = text.substr(block_start);
    split.block_line = line + 1;
    split.body = std::string_view();
    return split;
  }
  // `{{< shortcode >}}` at the top is content, not a JSON object.
  if (first == '{' && text.substr(pos, 2) != "{{") {
    split.format = FrontMatterFormat::json;
    split.open_line = line;
    // Match braces, skipping over strings and their escapes.
    int depth = 0;
    bool in_string = false;
    uint32_t l = line;
    for (size_t i = pos; i < text.size(); ++i) {
      char c = text[i];
      if (c == '\n') ++l;
      if (in_string) {
        if (c == '\\') ++i;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      else if (c == '{') ++depth;
      else if (c == '}' && --depth == 0) {
        split.block = text.substr(pos, i + 1 - pos);
        split.block_line = line;
        // The body starts on the line after the closing brace.
        size_t rest = text.find('\n', i);
        if (rest == std::string_view::npos) {
          split.body = std::string_view();
          split.body_line = l;
        } else {
          split.body = text.substr(rest + 1);
          split.body_line = l + 1;
        }
        return split;
      }
    }
    split.unterminated = true;
    split.block = text.substr(pos);
    split.block_line = line;
    split.body = std::string_view();
    return split;
  }
  return split;
}

std::optional<ParsedData> parse_yaml(std::string_view text, uint32_t first_line, bool lowercase_keys,
                                     const ParseReport& report, Diagnostics& diagnostics) {
  std::string owned(text);
  std::string repaired;  // the text read when the first reading failed
  const std::string* read_text = &owned;
  YAML::Node root;
  try {
    root = YAML::Load(owned);
  } catch (const YAML::Exception& first_error) {
    // Two mistakes real blogs make have an obvious reading: tabs as indentation, and
    // values starting with ` or @ (which Hugo's own YAML parser accepts silently).
    repaired = owned;
    size_t tabbed_lines = untab_indentation(repaired);
    size_t quoted = quote_reserved_starts(repaired);
    bool retried = false;
    if (tabbed_lines + quoted > 0) {
      try {
        root = YAML::Load(repaired);
        retried = true;
        read_text = &repaired;
        if (tabbed_lines > 0)
          diagnostics.warning({report.file, first_line + uint32_t(first_error.mark.line), 1},
                              report.what + ": tab used for indentation; read as two spaces");
      } catch (const YAML::Exception&) {
      }
    }
    if (!retried) {
      diagnostics.report(report.severity,
                         {report.file, first_line + uint32_t(first_error.mark.line),
                          uint32_t(first_error.mark.column) + 1},
                         report.what + ": " + first_error.msg);
      return std::nullopt;
    }
  }
  ParsedData data;
  if (root.IsNull()) {
    data.value = Value(Value::Map{});
    return data;
  }
  if (!root.IsMap()) {
    diagnostics.report(report.severity, {report.file, first_line, 1},
                       report.what + ": expected a map of keys and values");
    return std::nullopt;
  }
  try {
    check_alias_count(*read_text);
    data.value = YamlConverter().convert(root);
  } catch (const DataBudgetExceeded& e) {
    diagnostics.report(report.severity,
                       {report.file, first_line + uint32_t(std::max(e.mark.line, 0)),
                        uint32_t(std::max(e.mark.column, 0)) + 1},
                       report.what + ": " + e.message + " (see \"Limits\" in the README)");
    return std::nullopt;
  }
  for (const auto& kv : root)
    if (kv.first.IsScalar()) {
      auto& slot = data.key_lines[lowercase(kv.first.Scalar())];
      if (slot == 0) slot = first_line + uint32_t(kv.first.Mark().line);
    }
  if (lowercase_keys) lowercase_top_level(data);
  return data;
}

std::optional<ParsedData> parse_toml(std::string_view text, uint32_t first_line, bool lowercase_keys,
                                     const ParseReport& report, Diagnostics& diagnostics) {
  toml::table table;
  try {
    table = toml::parse(text, report.file);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    diagnostics.report(report.severity,
                       {report.file, first_line + uint32_t(where.line) - 1, uint32_t(where.column)},
                       report.what + ": " + std::string(e.description()));
    return std::nullopt;
  }
  ParsedData data;
  data.value = toml_to_value(table);
  for (auto&& [k, v] : table) {
    auto& slot = data.key_lines[lowercase(k.str())];
    if (slot == 0 && k.source().begin.line > 0) slot = first_line + uint32_t(k.source().begin.line) - 1;
  }
  if (lowercase_keys) lowercase_top_level(data);
  return data;
}

std::optional<ParsedData> parse_front_matter(const FrontMatterSplit& split, const ParseReport& report,
                                             Diagnostics& diagnostics) {
  switch (split.format) {
    case FrontMatterFormat::none: return ParsedData{Value(Value::Map{}), {}};
    case FrontMatterFormat::toml: return parse_toml(split.block, split.block_line, true, report, diagnostics);
    case FrontMatterFormat::yaml:
    case FrontMatterFormat::json: return parse_yaml(split.block, split.block_line, true, report, diagnostics);
  }
  return std::nullopt;
}

}  // namespace folio::content
