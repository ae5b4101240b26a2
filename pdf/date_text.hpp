// Dates as the PDF prints them (2026-03-21), without depending on the content module.
#pragma once

#include <string>

#include "folio/post.hpp"

namespace folio::pdf {

/// `YYYY-MM-DD` of the date in its own zone.
std::string date_text(const Date& date);

}  // namespace folio::pdf
