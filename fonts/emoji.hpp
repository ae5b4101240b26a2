// Which characters are emoji by default (UTS #51), from ICU's Unicode properties.
#pragma once

namespace folio::fonts {

/// True for a character shown as an emoji without a variation selector (Emoji_Presentation:
/// 😀, 🚀, regional indicators, skin-tone modifiers), and for U+20E3, the enclosing keycap that
/// turns a digit into an emoji. Digits, #, *, ©, ®, ™ and arrows (Emoji with text presentation)
/// are not: they are text and come from the text fonts.
bool is_emoji_presentation(char32_t c);

}  // namespace folio::fonts
