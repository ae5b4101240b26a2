#include "folio/version.hpp"

namespace folio {
const char* version() { return FOLIO_VERSION; }
}  // namespace folio
