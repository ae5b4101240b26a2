// Dates in front matter: every form Hugo (spf13/cast) accepts, and their ISO text.
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <string>

#include "folio/post.hpp"

namespace folio {

namespace {

namespace chr = std::chrono;

// A cursor over the date text; every matcher advances only on success.
struct Scanner {
  std::string_view s;
  size_t i = 0;

  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  void skip_spaces() {
    while (!done() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
  // Between min and max digits.
  bool digits(int min, int max, int& out) {
    size_t start = i;
    int v = 0;
    while (!done() && int(i - start) < max && std::isdigit(static_cast<unsigned char>(s[i]))) {
      v = v * 10 + (s[i] - '0');
      ++i;
    }
    if (int(i - start) < min) {
      i = start;
      return false;
    }
    out = v;
    return true;
  }
  std::string_view word() {
    size_t start = i;
    while (!done() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(start, i - start);
  }
};

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(a[k])) != std::tolower(static_cast<unsigned char>(b[k])))
      return false;
  return true;
}

int month_from_name(std::string_view w) {
  static constexpr std::array<std::string_view, 12> names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                             "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  for (size_t m = 0; m < names.size(); ++m)
    if (iequal(w.substr(0, 3), names[m])) return int(m) + 1;
  return 0;
}

bool is_weekday(std::string_view w) {
  static constexpr std::array<std::string_view, 7> names = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (w.size() < 3) return false;
  for (auto n : names)
    if (iequal(w.substr(0, 3), n)) return true;
  return false;
}

// The parts of a date before they become an instant.
struct Fields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool has_time = false;
  bool has_zone = false;
  int offset_minutes = 0;
};

// `Z`, `+08:00`, `+0800`, `+08`, or a zone name Go would print (UTC, GMT; other names are
// read as UTC, as Go does for abbreviations it does not know).
bool parse_zone(Scanner& sc, Fields& f) {
  size_t start = sc.i;
  if (sc.eat('Z') || sc.eat('z')) {
    f.has_zone = true;
    f.offset_minutes = 0;
    return true;
  }
  char sign = sc.peek();
  if (sign == '+' || sign == '-') {
    ++sc.i;
    int hh = 0, mm = 0;
    if (!sc.digits(2, 2, hh)) {
      sc.i = start;
      return false;
    }
    bool colon = sc.eat(':');
    if (!sc.digits(2, 2, mm)) {
      if (colon) {
        sc.i = start;
        return false;
      }
      mm = 0;
    }
    if (hh > 23 || mm > 59) {
      sc.i = start;
      return false;
    }
    f.has_zone = true;
    f.offset_minutes = (sign == '-' ? -1 : 1) * (hh * 60 + mm);
    return true;
  }
  std::string_view name = sc.word();
  if (name.size() >= 3 && name.size() <= 5) {
    for (char c : name)
      if (!std::isupper(static_cast<unsigned char>(c))) {
        sc.i = start;
        return false;
      }
    f.has_zone = true;
    f.offset_minutes = 0;
    return true;
  }
  sc.i = start;
  return false;
}

// `15:04[:05[.999]]`, the hour may have one digit as in Go's `15` layout.
bool parse_clock(Scanner& sc, Fields& f) {
  size_t start = sc.i;
  if (!sc.digits(1, 2, f.hour) || !sc.eat(':') || !sc.digits(2, 2, f.minute)) {
    sc.i = start;
    return false;
  }
  if (sc.eat(':')) {
    if (!sc.digits(2, 2, f.second)) {
      sc.i = start;
      return false;
    }
    if (sc.eat('.') || sc.eat(',')) {
      size_t frac_start = sc.i;
      while (!sc.done() && std::isdigit(static_cast<unsigned char>(sc.peek()))) ++sc.i;
      if (sc.i == frac_start) {
        sc.i = start;
        return false;
      }
    }
  }
  if (f.hour > 23 || f.minute > 59 || f.second > 60) {
    sc.i = start;
    return false;
  }
  f.has_time = true;
  return true;
}

// After the clock: nothing, or a zone, optionally followed by a zone name
// (`2006-01-02 15:04:05.999999999 -0700 MST`).
bool parse_zone_tail(Scanner& sc, Fields& f) {
  sc.skip_spaces();
  if (sc.done()) return true;
  if (!parse_zone(sc, f)) return false;
  sc.skip_spaces();
  if (sc.done()) return true;
  Fields name_only;
  if (!parse_zone(sc, name_only)) return false;
  sc.skip_spaces();
  return sc.done();
}

// 2006-01-02, 2006-01-02T15:04:05Z07:00, 2006-01-02 15:04:05 -0700, ...
bool parse_iso(std::string_view text, Fields& f) {
  Scanner sc{text};
  if (!sc.digits(4, 4, f.year) || !sc.eat('-') || !sc.digits(1, 2, f.month) || !sc.eat('-') ||
      !sc.digits(1, 2, f.day))
    return false;
  sc.skip_spaces();
  if (sc.done()) return true;
  if (sc.peek() == 'T' || sc.peek() == 't') ++sc.i;
  if (!parse_clock(sc, f)) return false;
  return parse_zone_tail(sc, f);
}

// RFC 1123/822/850, ANSIC, UnixDate, RubyDate and `02 Jan 2006`: tokens in any of these orders.
bool parse_textual(std::string_view text, Fields& f) {
  Scanner sc{text};
  sc.skip_spaces();
  size_t start = sc.i;
  std::string_view w = sc.word();
  if (!w.empty()) {
    if (!is_weekday(w)) return false;
    sc.eat(',');
    sc.skip_spaces();
  } else {
    sc.i = start;
  }
  // Either `02 Jan 2006` / `02-Jan-06` or `Jan _2 15:04:05 [MST|-0700] 2006`.
  if (std::isdigit(static_cast<unsigned char>(sc.peek()))) {
    if (!sc.digits(1, 2, f.day)) return false;
    if (!sc.eat('-')) sc.skip_spaces();
    f.month = month_from_name(sc.word());
    if (!f.month) return false;
    if (!sc.eat('-')) sc.skip_spaces();
    size_t ystart = sc.i;
    if (!sc.digits(2, 4, f.year)) return false;
    if (sc.i - ystart == 2) f.year += f.year >= 69 ? 1900 : 2000;  // Go's two-digit year rule
    sc.skip_spaces();
    if (sc.done()) return true;
    if (!parse_clock(sc, f)) return false;
    return parse_zone_tail(sc, f);
  }
  f.month = month_from_name(sc.word());
  if (!f.month) return false;
  sc.skip_spaces();
  if (!sc.digits(1, 2, f.day)) return false;
  sc.skip_spaces();
  if (!parse_clock(sc, f)) return false;
  sc.skip_spaces();
  if (!std::isdigit(static_cast<unsigned char>(sc.peek())) || sc.s.size() - sc.i != 4) {
    if (!parse_zone(sc, f)) return false;
    sc.skip_spaces();
  }
  if (!sc.digits(4, 4, f.year)) return false;
  sc.skip_spaces();
  return sc.done();
}

// Two digits of a clock field (0..99).
std::string two(int v) {
  return std::string{char('0' + v / 10 % 10), char('0' + v % 10)};
}

}  // namespace

std::optional<Date> parse_date(std::string_view text, int32_t default_offset_minutes) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front())
    text = text.substr(1, text.size() - 2);
  if (text.empty()) return std::nullopt;

  Fields f;
  if (!parse_iso(text, f)) {
    f = Fields{};
    if (!parse_textual(text, f)) return std::nullopt;
  }
  chr::year_month_day ymd{chr::year(f.year), chr::month(unsigned(f.month)), chr::day(unsigned(f.day))};
  if (!ymd.ok()) return std::nullopt;

  Date d;
  d.has_time = f.has_time;
  d.has_zone = f.has_zone;
  d.utc_offset_minutes = f.has_zone ? f.offset_minutes : default_offset_minutes;
  int64_t days = chr::sys_days(ymd).time_since_epoch().count();
  d.unix_seconds = days * 86400 + int64_t(f.hour) * 3600 + int64_t(f.minute) * 60 + f.second -
                   int64_t(d.utc_offset_minutes) * 60;
  return d;
}

std::string Date::ymd() const {
  int64_t local = unix_seconds + int64_t(utc_offset_minutes) * 60;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  chr::year_month_day ymd{chr::sys_days(chr::days(days))};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

std::string Date::rfc3339() const {
  std::string out = ymd();
  if (!has_time) return out;
  int64_t local = unix_seconds + int64_t(utc_offset_minutes) * 60;
  int64_t secs = ((local % 86400) + 86400) % 86400;
  out += 'T' + two(int(secs / 3600)) + ':' + two(int(secs / 60 % 60)) + ':' + two(int(secs % 60));
  if (utc_offset_minutes == 0) return out + "Z";
  int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  out += utc_offset_minutes < 0 ? '-' : '+';
  out += two(off / 60) + ':' + two(off % 60);
  return out;
}

}  // namespace folio
