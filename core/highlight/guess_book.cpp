// Guessing beyond the short list: the languages a book already labels elsewhere. A Rust
// book's unlabelled blocks are probably Rust; a Go book's almost never are, so these signs
// only run for languages the book uses, which keeps the guesser as conservative as before.
#include <algorithm>
#include <set>
#include <string>

#include "highlight.hpp"
#include "text_signs.hpp"

namespace folio::highlight {

namespace {

using namespace signs;

// Rust: a few of fn, let mut, use ...::, macros, attributes; at least one that only Rust has.
bool is_rust(const Lines& lines) {
  int score = 0, unique = 0;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    if (starts(l, "$ ") || starts(l, "#include")) return false;
    if ((starts(l, "fn ") || starts(l, "pub fn ") || starts(l, "async fn ") || starts(l, "pub async fn ")) && has(l, "("))
      score += 2, ++unique;
    if (starts(l, "let mut ") || starts(l, "impl ") || starts(l, "impl<") || starts(l, "#[derive(") ||
        starts(l, "#[cfg(") || has(l, "println!(") || has(l, "vec![") || has(l, "&mut ") || has(l, ".unwrap()"))
      score += 2, ++unique;
    if (starts(l, "use ") && has(l, "::") && ends(l, ";")) score += 2, ++unique;
    if (starts(l, "let ") && ends(l, ";")) score += 1;
    if (starts(l, "match ") || starts(l, "pub struct ") || starts(l, "enum ") || has(l, "-> ")) score += 1;
  }
  return unique > 0 && score >= 3;
}

// JavaScript and TypeScript share their signs; type annotations tell TypeScript apart.
struct ScriptSigns {
  int score = 0;
  int types = 0;
};

ScriptSigns script_signs(const Lines& lines) {
  ScriptSigns s;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    if (starts(l, "$ ") || starts(l, "#include") || has(l, " := ") || starts(l, "func ") || starts(l, "package "))
      return {};
    if (has(l, "console.log(") || has(l, "require(") || has(l, "module.exports") || has(l, "document.") ||
        starts(l, "export default ") || has(l, "=> {") || has(l, ") => "))
      s.score += 2;
    if (starts(l, "import ") && has(l, " from ") && (has(l, "'") || has(l, "\""))) s.score += 2;
    if (starts(l, "function ") || starts(l, "async function ") || starts(l, "export function ")) s.score += 2;
    if ((starts(l, "const ") || starts(l, "let ") || starts(l, "var ")) && has(l, " = ")) s.score += 1;
    if (starts(l, "interface ") || starts(l, "export interface ") || (starts(l, "type ") && has(l, " = ")) ||
        has(l, ": string") || has(l, ": number") || has(l, ": boolean") || has(l, "): Promise<"))
      ++s.types;
  }
  return s;
}

// Java: class declarations, java.* imports, System.out, a package line ending in ';'.
bool is_java(const Lines& lines) {
  int score = 0;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    if (starts(l, "$ ") || starts(l, "#include")) return false;
    if (starts(l, "public class ") || starts(l, "public final class ") || starts(l, "public interface ") ||
        has(l, "public static void main(") || has(l, "System.out.print"))
      score += 3;
    if ((starts(l, "import java.") || starts(l, "import javax.") || starts(l, "package ")) && ends(l, ";")) score += 2;
    if (starts(l, "@Override") || starts(l, "private final ") || starts(l, "private static ") || has(l, "new ArrayList<"))
      score += 1;
  }
  return score >= 3;
}

// PHP: the opening tag says it all.
bool is_php(const Lines& lines) { return starts(trim(lines[0]), "<?php"); }

}  // namespace

// Diff: hunk headers, or file headers followed by a hunk.
bool looks_like_diff(const std::vector<std::string_view>& lines) {
  int headers = 0, hunks = 0, changes = 0;
  for (std::string_view l : lines) {
    if (starts(l, "diff --git ") || starts(l, "--- ") || starts(l, "+++ ") || starts(l, "index ")) ++headers;
    else if (starts(l, "@@ -") && has(l.substr(4), " @@")) ++hunks;
    else if (l[0] == '+' || l[0] == '-') ++changes;
    else if (l[0] != ' ') return false;
  }
  return hunks > 0 && changes > 0;
}

namespace {

// TOML and INI: [sections] and key = value lines, nothing else. TOML's values are typed
// (quoted, numbers, booleans, arrays, inline tables, dates); INI's are bare text.
bool key_value(std::string_view l, std::string_view& value) {
  size_t eq = l.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  std::string_view key = trim(l.substr(0, eq));
  if (key.empty() || !std::all_of(key.begin(), key.end(), [](char c) { return is_word(c) || c == '-' || c == '.' || c == '"'; }))
    return false;
  value = trim(l.substr(eq + 1));
  return true;
}

bool toml_value(std::string_view v) {
  if (v.empty()) return false;
  if (v == "true" || v == "false") return true;
  char c = v[0];
  if (c == '"' || c == '\'') return v.size() >= 2 && v.back() == c;
  if (c == '[' || c == '{') return true;
  return std::all_of(v.begin(), v.end(), [](char x) { return std::isdigit(static_cast<unsigned char>(x)) || x == '.' || x == '-' || x == '_' || x == ':' || x == 'T' || x == 'Z' || x == '+'; });
}

// 1: TOML, 2: INI, 0: neither.
int config_kind(const Lines& lines) {
  int sections = 0, pairs = 0, typed = 0;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    if (starts(l, "#") || starts(l, ";")) continue;
    if (l.front() == '[' && l.back() == ']') {
      ++sections;
      continue;
    }
    std::string_view value;
    if (!key_value(l, value)) {
      if (raw[0] == ' ' && pairs > 0) continue;  // a multi-line array or value
      return 0;
    }
    ++pairs;
    if (toml_value(value)) ++typed;
  }
  if (pairs < 2) return 0;
  if (typed == pairs) return 1;
  return sections > 0 ? 2 : 0;
}

// XML and HTML: the text is markup from its first line to its last.
bool is_markup(const Lines& lines, bool& html) {
  std::string_view first = trim(lines.front()), last = trim(lines.back());
  if (first.front() != '<' || last.back() != '>') return false;
  html = starts(first, "<!DOCTYPE html") || starts(first, "<!doctype html") || starts(first, "<html");
  int tags = 0;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    if (l.front() == '<') ++tags;
    if (starts(l, "<div") || starts(l, "<p>") || starts(l, "<script") || starts(l, "<body") || starts(l, "<head") ||
        starts(l, "<a ") || starts(l, "<span") || starts(l, "<ul") || starts(l, "<li"))
      html = true;
  }
  return tags * 2 >= int(lines.size());
}

// nginx: every statement ends in ';', '{' or '}', and some are well-known directives.
bool is_nginx(const Lines& lines) {
  int known = 0;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    if (starts(l, "#")) continue;
    if (!(ends(l, ";") || ends(l, "{") || l == "}")) return false;
    for (std::string_view d : {"server {", "http {", "location ", "upstream ", "listen ", "server_name ", "proxy_pass ",
                               "proxy_set_header ", "root ", "index ", "try_files ", "worker_processes ", "ssl_certificate "})
      if (starts(l, d)) ++known;
  }
  return known >= 2;
}

bool uses(const std::set<std::string>& book, const char* name) { return book.count(name) > 0; }

}  // namespace

std::string guess_book_language(const std::vector<std::string_view>& lines, const std::set<std::string>& book) {
  if (lines.empty() || book.empty()) return {};
  if (uses(book, "PHP (HTML)") && is_php(lines)) return "PHP (HTML)";
  bool html = false;
  if ((uses(book, "XML") || uses(book, "HTML")) && is_markup(lines, html)) {
    if (html && uses(book, "HTML")) return "HTML";
    if (!html && uses(book, "XML")) return "XML";
    return {};
  }
  if (uses(book, "Nginx") && is_nginx(lines)) return "Nginx";
  if (uses(book, "Rust") && is_rust(lines)) return "Rust";
  if (uses(book, "Java") && is_java(lines)) return "Java";
  if (uses(book, "JavaScript") || uses(book, "TypeScript")) {
    ScriptSigns s = script_signs(lines);
    if (s.score >= 3) {
      if (s.types > 0 && uses(book, "TypeScript")) return "TypeScript";
      if (s.types == 0 && uses(book, "JavaScript")) return "JavaScript";
    }
  }
  if (uses(book, "TOML") || uses(book, "INI Files")) {
    int kind = config_kind(lines);
    if (kind == 1 && uses(book, "TOML")) return "TOML";
    if (kind != 0 && uses(book, "INI Files")) return "INI Files";
  }
  return {};
}

}  // namespace folio::highlight
