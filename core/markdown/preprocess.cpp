// Line rewrites md4c 0.4.8 needs before it parses: short table delimiter rows repaired,
// `<!--more-->` removed, footnote definitions and definition lists cut out.
#include <cctype>

#include "reading.hpp"

namespace folio::markdown {
namespace {

struct Line {
  size_t begin, end;  ///< [begin, end) in the text, end at '\n' or the end
  size_t next;        ///< start of the following line
};

std::vector<Line> split_lines(std::string_view s) {
  std::vector<Line> lines;
  size_t b = 0;
  while (b < s.size()) {
    size_t e = s.find('\n', b);
    if (e == std::string_view::npos) {
      lines.push_back({b, s.size(), s.size()});
      break;
    }
    lines.push_back({b, e, e + 1});
    b = e + 1;
  }
  return lines;
}

bool blank(std::string_view l) { return l.find_first_not_of(" \t\r") == std::string_view::npos; }
size_t indent_of(std::string_view l) {
  size_t n = 0;
  for (char c : l) {
    if (c == ' ') ++n;
    else if (c == '\t') n += 4;
    else break;
  }
  return n;
}

/// `|-|-|`, `:-|:-` ...: a delimiter row with a cell under 3 characters md4c 0.4.8 rejects.
bool needs_table_repair(std::string_view l) {
  if (l.find('|') == std::string_view::npos || l.find('-') == std::string_view::npos) return false;
  if (l.find_first_not_of("|:- \t\r") != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= l.size()) {
    size_t bar = l.find('|', start);
    std::string_view cell = l.substr(start, bar == std::string_view::npos ? l.npos : bar - start);
    size_t dashes = 0;
    for (char c : cell) dashes += c == '-';
    size_t chars = cell.find_last_not_of(" \t\r");
    size_t first = cell.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && chars - first + 1 < 3) return true;
    (void)dashes;
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return false;
}

/// Copies the delimiter row with every cell's dashes padded to three.
void repair_table_row(const MappedText& in, const Line& line, MappedText& out) {
  std::string_view l = std::string_view(in.text).substr(line.begin, line.end - line.begin);
  size_t k = 0;
  while (k < l.size()) {
    if (l[k] == '-') {
      size_t run = 0;
      while (k + run < l.size() && l[k + run] == '-') ++run;
      out.append(in, line.begin + k, line.begin + k + run);
      if (run < 3) out.insert(std::string(3 - run, '-'), in.at(line.begin + k));
      k += run;
    } else {
      out.append(in, line.begin + k, line.begin + k + 1);
      ++k;
    }
  }
}

/// `[^label]: ` at the start of a line: the label and the length of the prefix.
bool footnote_definition(std::string_view l, std::string& label, size_t& prefix) {
  size_t k = 0;
  while (k < l.size() && k < 3 && l[k] == ' ') ++k;
  if (l.compare(k, 2, "[^") != 0) return false;
  size_t close = l.find("]:", k + 2);
  if (close == std::string_view::npos || close == k + 2) return false;
  std::string_view name = l.substr(k + 2, close - k - 2);
  if (name.find_first_of(" \t]") != std::string_view::npos) return false;
  label = std::string(name);
  prefix = close + 2;
  if (prefix < l.size() && (l[prefix] == ' ' || l[prefix] == '\t')) ++prefix;
  return true;
}
bool footnote_definition(std::string_view l) {
  std::string label;
  size_t prefix;
  return footnote_definition(l, label, prefix);
}

bool starts_block(std::string_view l) {
  size_t k = l.find_first_not_of(" \t");
  if (k == std::string_view::npos) return true;
  char c = l[k];
  if (c == '#' || c == '>' || c == '|' || c == '<' || c == '`' || c == '~' || c == ':') return true;
  if ((c == '-' || c == '*' || c == '+') && (k + 1 >= l.size() || l[k + 1] == ' ')) return true;
  if (std::isdigit(static_cast<unsigned char>(c))) {
    size_t d = k;
    while (d < l.size() && std::isdigit(static_cast<unsigned char>(l[d]))) ++d;
    if (d < l.size() && (l[d] == '.' || l[d] == ')')) return true;
  }
  return l.compare(k, kMarkerOpen.size(), kMarkerOpen) == 0;
}

bool definition_line(std::string_view l) {
  size_t k = 0;
  while (k < l.size() && k < 3 && l[k] == ' ') ++k;
  return k < l.size() && l[k] == ':' && k + 1 < l.size() && (l[k + 1] == ' ' || l[k + 1] == '\t');
}

/// Appends a line with up to `strip` columns of indentation removed.
void append_dedented(MappedText& out, const MappedText& in, const Line& line, size_t strip) {
  size_t k = line.begin;
  size_t col = 0;
  while (k < line.end && col < strip && (in.text[k] == ' ' || in.text[k] == '\t')) {
    col += in.text[k] == '\t' ? 4 : 1;
    ++k;
  }
  out.append(in, k, line.next);
  if (line.next == line.end) out.insert("\n", in.at(line.end));
}

}  // namespace

MappedText preprocess(const MappedText& in, PostReader& reader) {
  const std::string_view s = in.text;
  const auto lines = split_lines(s);
  MappedText out;
  out.text.reserve(s.size());
  out.origin.reserve(s.size() + 1);
  FenceTracker fence;
  auto text_of = [&](size_t i) { return s.substr(lines[i].begin, lines[i].end - lines[i].begin); };
  bool previous_blank = true;

  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    std::string_view l = text_of(i);
    const bool was_open = fence.open();
    fence.line(l);
    if (was_open || fence.open()) {
      out.append(in, line.begin, line.next);
      previous_blank = false;
      continue;
    }
    // Footnote definition: the first line, then indented (or lazy) continuation lines.
    std::string label;
    size_t prefix = 0;
    if (footnote_definition(l, label, prefix)) {
      FootnoteSource note;
      note.label = label;
      note.origin = in.at(line.begin);
      note.body.append(in, line.begin + prefix, line.next);
      if (line.next == line.end) note.body.insert("\n", in.at(line.end));
      size_t j = i + 1;
      for (; j < lines.size(); ++j) {
        std::string_view n = text_of(j);
        if (blank(n)) {
          if (j + 1 < lines.size() && !blank(text_of(j + 1)) && indent_of(text_of(j + 1)) >= 2) {
            note.body.insert("\n", in.at(lines[j].begin));
            continue;
          }
          break;
        }
        if (indent_of(n) >= 2) append_dedented(note.body, in, lines[j], 4);
        else if (!blank(text_of(j - 1)) && !starts_block(n) &&
                 !footnote_definition(n))
          append_dedented(note.body, in, lines[j], 0);
        else break;
      }
      reader.footnote_sources.push_back(std::move(note));
      i = j - 1;
      continue;
    }
    // Definition list: `Term` then `: definition` lines.
    if (previous_blank && !blank(l) && !starts_block(l) && i + 1 < lines.size() &&
        definition_line(text_of(i + 1))) {
      DefinitionListSource list;
      size_t j = i;
      while (j + 1 < lines.size() && !blank(text_of(j)) && !starts_block(text_of(j)) &&
             definition_line(text_of(j + 1))) {
        DefinitionListSource::Item item;
        item.origin = in.at(lines[j].begin);
        item.term.append(in, lines[j].begin, lines[j].end);
        ++j;
        while (j < lines.size() && definition_line(text_of(j))) {
          MappedText def;
          size_t k = lines[j].begin;
          while (s[k] == ' ') ++k;
          k += 2;
          def.append(in, k, lines[j].next);
          ++j;
          // Continuation: indented lines, lazy lines, blank lines followed by indented ones.
          while (j < lines.size()) {
            std::string_view n = text_of(j);
            if (blank(n)) {
              if (j + 1 < lines.size() && indent_of(text_of(j + 1)) >= 2 &&
                  !blank(text_of(j + 1))) {
                def.insert("\n", in.at(lines[j].begin));
                ++j;
                continue;
              }
              if (j + 1 < lines.size() && definition_line(text_of(j + 1))) {
                ++j;  // a blank line between definitions of one term
                break;
              }
              break;
            }
            if (definition_line(n)) break;
            if (indent_of(n) >= 2 || !starts_block(n)) {
              if (indent_of(n) < 2 && j + 1 < lines.size() && definition_line(text_of(j + 1)))
                break;  // the next term
              append_dedented(def, in, lines[j], 4);
              ++j;
              continue;
            }
            break;
          }
          item.definitions.push_back(std::move(def));
        }
        list.items.push_back(std::move(item));
        // Another term may follow after one blank line.
        if (j + 2 < lines.size() && blank(text_of(j)) && !blank(text_of(j + 1)) &&
            !starts_block(text_of(j + 1)) && definition_line(text_of(j + 2)))
          ++j;
      }
      reader.insertions.definition_lists.push_back(std::move(list));
      out.insert("\n" + marker('L', reader.insertions.definition_lists.size() - 1) + "\n\n",
                 in.at(line.begin));
      i = j - 1;
      previous_blank = true;
      continue;
    }
    // Only the row right under a table's first line is a delimiter row: a body row of
    // `| - | - |` cells ("none") must stay as written.
    if (needs_table_repair(l) && i > 0 && text_of(i - 1).find('|') != std::string_view::npos &&
        (i < 2 || blank(text_of(i - 2)) || text_of(i - 2).find('|') == std::string_view::npos)) {
      repair_table_row(in, line, out);
      out.append(in, line.end, line.next);
      previous_blank = false;
      continue;
    }
    // `<!--more-->`: Hugo's summary divider, not content.
    size_t more = l.find("<!--more-->");
    if (more != std::string_view::npos) {
      size_t from = line.begin;
      while (more != std::string_view::npos) {
        out.append(in, from, line.begin + more);
        from = line.begin + more + 11;
        more = l.find("<!--more-->", more + 11);
      }
      out.append(in, from, line.next);
      previous_blank = blank(l.substr(0, l.find("<!--more-->"))) ;
      continue;
    }
    out.append(in, line.begin, line.next);
    previous_blank = blank(l);
  }
  return out;
}

}  // namespace folio::markdown
