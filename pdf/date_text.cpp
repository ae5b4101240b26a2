// Civil date from a Unix time (Howard Hinnant's days-to-civil algorithm).
#include "date_text.hpp"

#include <cstdio>

namespace folio::pdf {

std::string date_text(const Date& date) {
  int64_t seconds = date.unix_seconds + int64_t(date.utc_offset_minutes) * 60;
  int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

}  // namespace folio::pdf
