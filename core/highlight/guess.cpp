// Guessing the language of unlabelled code blocks: a few strong, language-specific signs
// each, so that a guess is rarely wrong (a wrong colouring is worse than none).
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "highlight.hpp"
#include "text_signs.hpp"

namespace folio::highlight {

namespace {

using namespace signs;

bool starts_nocase(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(s[i])) != p[i]) return false;
  return s.size() == p.size() || !is_word(s[p.size()]);
}

// ---- JSON: the whole text must parse --------------------------------------------------

struct JsonCheck {
  std::string_view s;
  size_t i = 0;
  int depth = 0;
  void ws() { while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i; }
  bool string() {
    if (i >= s.size() || s[i] != '"') return false;
    for (++i; i < s.size(); ++i) {
      if (s[i] == '\\') ++i;
      else if (s[i] == '"') return ++i, true;
      else if (s[i] == '\n') return false;
    }
    return false;
  }
  bool value() {
    ws();
    if (i >= s.size() || ++depth > 64) return false;
    bool ok = false;
    char c = s[i];
    if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      ++i;
      ws();
      if (i < s.size() && s[i] == close) {
        ++i;
        ok = true;
      } else {
        while (true) {
          if (c == '{') {
            ws();
            if (!string()) return false;
            ws();
            if (i >= s.size() || s[i] != ':') return false;
            ++i;
          }
          if (!value()) return false;
          ws();
          if (i < s.size() && s[i] == ',') { ++i; continue; }
          if (i < s.size() && s[i] == close) { ++i; ok = true; }
          break;
        }
      }
    } else if (c == '"') {
      ok = string();
    } else {
      size_t b = i;
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '+' || s[i] == '.')) ++i;
      std::string_view w = s.substr(b, i - b);
      ok = w == "true" || w == "false" || w == "null" ||
           (!w.empty() && (std::isdigit(static_cast<unsigned char>(w[0])) || w[0] == '-'));
    }
    --depth;
    return ok;
  }
};

bool is_json(std::string_view code) {
  std::string_view t = trim(code);
  if (t.size() < 2 || !((t.front() == '{' && t.back() == '}') || (t.front() == '[' && t.back() == ']')))
    return false;
  if (!has(t, "\"")) return false;  // `[1, 2]` or `{}` says too little
  JsonCheck j{t};
  if (!j.value()) return false;
  j.ws();
  return j.i == t.size();
}

// ---- the others: signs per line ------------------------------------------------------

bool is_go(const Lines& lines) {
  int score = 0;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    if (starts(l, "$ ") || starts(l, ">>> ") || starts(l, "#include")) return false;
    if (starts(l, "package ") && l.size() > 8 && std::all_of(l.begin() + 8, l.end(), is_word)) score += 3;
    if (starts(l, "import (") || (starts(l, "import \"") && ends(l, "\""))) score += 3;
    if (starts(l, "func ") && (ends(l, "{") || has(l, ")"))) score += 3;
    if (starts(l, "type ") && (ends(l, "struct {") || ends(l, "interface {"))) score += 3;
    if (has(l, "if err != nil")) score += 2;
    if (has(l, "go func")) score += 2;
    if (has(l, " := ")) score += 1;
    if (has(l, "fmt.") || has(l, "errors.New(") || has(l, "context.Context")) score += 1;
    if (has(l, "chan ") || starts(l, "defer ") || starts(l, "select {") || has(l, "<-")) score += 1;
    if (starts(l, "var ") || starts(l, "const (") || has(l, "[]byte") || has(l, "map[string]")) score += 1;
  }
  return score >= 3;
}

bool is_c_family(const Lines& lines, bool& cpp) {
  int include = 0, body = 0;
  cpp = false;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    if (starts(l, "#include <") || starts(l, "#include \"")) ++include;
    if (has(l, "int main(") || (ends(l, ";") && (has(l, "printf(") || has(l, "return ")))) ++body;
    if (has(l, "std::") || has(l, "#include <iostream>") || starts(l, "template <") || starts(l, "template<") ||
        starts(l, "namespace ") || starts(l, "class ") || has(l, "cout <<"))
      cpp = true;
  }
  return include > 0 && body > 0;
}

bool is_python(const Lines& lines) {
  int score = 0;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    if (has(l, ":=") || has(l, "{") || ends(l, ";")) return false;  // Go, C, JSON
    if (starts(l, "def ") && ends(l, ":")) score += 3;
    if (starts(l, "class ") && ends(l, ":")) score += 3;
    if (starts(l, "from ") && has(l, " import ")) score += 3;
    if (starts(l, "import ") && !has(l, "\"")) score += 1;
    if (has(l, "if __name__ ==")) score += 3;
    if (starts(l, "print(") || starts(l, "elif ") || has(l, "self.")) score += 1;
  }
  return score >= 3;
}

bool is_sql(const Lines& lines) {
  if (lines.empty()) return false;
  std::string_view first = trim(lines[0]);
  static const char* const openers[] = {"SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "WITH"};
  bool opens = false;
  for (const char* o : openers) opens = opens || starts_nocase(first, o);
  if (!opens) return false;
  bool clause = false;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    for (std::string_view w : {"FROM ", "INTO ", "SET ", "TABLE ", "INDEX ", "VALUES", "WHERE "}) {
      for (size_t at = 0; at + w.size() <= l.size(); ++at) {
        bool match = true;
        for (size_t k = 0; k < w.size() && match; ++k)
          match = std::toupper(static_cast<unsigned char>(l[at + k])) == w[k];
        if (match && (at == 0 || !is_word(l[at - 1]))) clause = true;
      }
    }
  }
  return clause && (ends(trim(lines.back()), ";") || lines.size() > 1);
}

bool is_dockerfile(const Lines& lines) {
  static const char* const instructions[] = {"FROM ", "RUN ", "COPY ", "ADD ", "CMD ", "ENV ", "WORKDIR ",
                                             "EXPOSE ", "ENTRYPOINT ", "ARG ", "LABEL ", "USER ", "VOLUME ",
                                             "HEALTHCHECK ", "SHELL ", "STOPSIGNAL ", "ONBUILD "};
  bool from = false, continued = false;
  int count = 0;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    bool cont = continued;
    continued = ends(l, "\\");
    if (cont || starts(l, "#")) continue;
    bool ok = false;
    for (const char* i : instructions) ok = ok || starts(l, i);
    if (!ok) return false;
    from = from || starts(l, "FROM ");
    ++count;
  }
  return from && count >= 2;
}

bool is_makefile(const Lines& lines) {
  int targets = 0, recipes = 0;
  for (std::string_view l : lines) {
    if (l[0] == '\t') { ++recipes; continue; }
    std::string_view t = trim(l);
    if (starts(t, "#")) continue;
    size_t colon = t.find(':');
    if (colon != std::string_view::npos && colon > 0 && (colon + 1 == t.size() || t[colon + 1] != '=') &&
        std::all_of(t.begin(), t.begin() + colon, [](char c) { return is_word(c) || c == '.' || c == '-' || c == '/' || c == ' ' || c == '$' || c == '(' || c == ')'; }))
      ++targets;
    else if (has(t, " = ") || has(t, ":=") || has(t, "?=")) continue;
    else return false;
  }
  return targets > 0 && recipes > 0;
}

bool is_protobuf(const Lines& lines) {
  int score = 0;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    if (starts(l, "syntax = \"proto")) score += 3;
    if ((starts(l, "message ") || starts(l, "service ") || starts(l, "enum ")) && ends(l, "{")) score += 1;
    if (starts(l, "rpc ") && has(l, "returns")) score += 2;
    if (starts(l, "option go_package")) score += 2;
    if ((starts(l, "repeated ") || starts(l, "string ") || starts(l, "int32 ") || starts(l, "int64 ")) && ends(l, ";") && has(l, " = "))
      score += 1;
  }
  return score >= 3;
}

bool is_command(std::string_view l) {
  static const char* const commands[] = {
      "go ", "git ", "docker ", "docker-compose ", "kubectl ", "curl ", "cd ", "ls", "mkdir ", "export ", "sudo ",
      "apt ", "apt-get ", "brew ", "make", "echo ", "cat ", "grep ", "wget ", "chmod ", "npm ", "pip ", "tar ",
      "cp ", "mv ", "rm ", "ssh ", "protoc ", "yum ", "helm ", "source ", "GO111MODULE=", "GOOS=", "CGO_ENABLED=",
      "GOPROXY=", "goimports ", "gofmt ", "dlv ", "./"};
  for (const char* c : commands) {
    std::string_view cmd = c;
    if (starts(l, cmd) && (cmd.back() == ' ' || cmd.back() == '=' || cmd.back() == '/' || l.size() == cmd.size() || l[cmd.size()] == ' '))
      return true;
  }
  return false;
}

// A shell session (`$ go test`) or a script of well-known commands.
bool is_shell(const Lines& lines) {
  std::string_view first = trim(lines[0]);
  if ((starts(first, "$ ") || starts(first, "% ")) && first.size() > 2) return true;
  if (starts(first, "#!/bin/") || starts(first, "#!/usr/bin/env bash") || starts(first, "#!/usr/bin/env sh")) return true;
  bool continued = false;
  int commands = 0;
  for (std::string_view raw : lines) {
    std::string_view l = trim(raw);
    bool cont = continued;
    continued = ends(l, "\\");
    if (cont || starts(l, "# ")) continue;
    if (starts(l, "go version go1.")) return false;  // output of `go version`
    if (!is_command(l)) return false;
    ++commands;
  }
  return commands > 0;
}

bool is_yaml(const Lines& lines) {
  int keys = 0, nested = 0;
  for (std::string_view l : lines) {
    std::string_view t = trim(l);
    if (starts(t, "#") || t == "---") continue;
    if (starts(t, "- ")) t = trim(t.substr(2));
    else if (t == "-") continue;
    size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      if (l[0] == ' ' && keys > 0) continue;  // a continued value
      return false;
    }
    std::string_view key = t.substr(0, colon);
    if (!std::all_of(key.begin(), key.end(), [](char c) { return is_word(c) || c == '-' || c == '.' || c == '"' || c == '/'; }))
      return false;
    if (colon + 1 < t.size() && t[colon + 1] != ' ') return false;  // `http://`, `a:b`
    ++keys;
    if (l[0] == ' ') ++nested;
  }
  return keys >= 3 && nested > 0;
}

}  // namespace

std::string guess_language(std::string_view code, const std::set<std::string>& book_languages) {
  Lines lines = lines_of(code);
  if (lines.empty()) return {};
  // A patch carries lines of another language; only the book's own use of Diff colours it.
  if (looks_like_diff(lines)) return book_languages.count("Diff") ? "Diff" : "";
  if (is_json(code)) return "JSON";
  if (is_protobuf(lines)) return "Protobuf";
  if (is_dockerfile(lines)) return "Dockerfile";
  bool cpp = false;
  if (is_c_family(lines, cpp)) {
    // The book says which one, when it uses only one of the two.
    bool c = book_languages.count("C"), cxx = book_languages.count("C++");
    return (cpp || (cxx && !c)) ? "C++" : "C";
  }
  if (is_go(lines)) return "Go";
  if (is_python(lines)) return "Python";
  if (is_sql(lines)) return "SQL";
  if (is_makefile(lines)) return "Makefile";
  if (is_shell(lines)) return "Bash";
  if (is_yaml(lines)) return "YAML";
  return guess_book_language(lines, book_languages);
}

}  // namespace folio::highlight
