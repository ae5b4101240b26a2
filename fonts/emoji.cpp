// Emoji presentation by Unicode property (ICU), so the answer does not depend on which
// fonts the build machine has.
#include "emoji.hpp"

#include <unicode/uchar.h>

namespace folio::fonts {

bool is_emoji_presentation(char32_t c) {
  return c == 0x20E3 || u_hasBinaryProperty(UChar32(c), UCHAR_EMOJI_PRESENTATION);
}

}  // namespace folio::fonts
