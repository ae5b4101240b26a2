// GitHub `:name:` emoji codes (the common names Hugo's enableEmoji knows).
#include <algorithm>
#include <array>
#include <utility>

#include "reading.hpp"

namespace folio::markdown {
namespace {

// Sorted by name for binary search.
constexpr std::pair<std::string_view, const char*> kEmoji[] = {
    {"+1", "\U0001F44D"}, {"-1", "\U0001F44E"}, {"100", "\U0001F4AF"},
    {"airplane", "\u2708\uFE0F"}, {"alarm_clock", "\u23F0"}, {"angry", "\U0001F620"},
    {"apple", "\U0001F34E"}, {"arrow_down", "\u2B07\uFE0F"}, {"arrow_left", "\u2B05\uFE0F"},
    {"arrow_right", "\u27A1\uFE0F"}, {"arrow_up", "\u2B06\uFE0F"}, {"art", "\U0001F3A8"},
    {"beer", "\U0001F37A"}, {"bell", "\U0001F514"}, {"blush", "\U0001F60A"},
    {"bomb", "\U0001F4A3"}, {"book", "\U0001F4D6"}, {"books", "\U0001F4DA"},
    {"boom", "\U0001F4A5"}, {"bug", "\U0001F41B"}, {"bulb", "\U0001F4A1"},
    {"cake", "\U0001F370"}, {"calendar", "\U0001F4C6"}, {"camera", "\U0001F4F7"},
    {"check", "\u2714\uFE0F"}, {"clap", "\U0001F44F"}, {"clipboard", "\U0001F4CB"},
    {"cloud", "\u2601\uFE0F"}, {"coffee", "\u2615"}, {"computer", "\U0001F4BB"},
    {"confused", "\U0001F615"}, {"construction", "\U0001F6A7"}, {"cool", "\U0001F192"},
    {"cry", "\U0001F622"}, {"dart", "\U0001F3AF"}, {"disappointed", "\U0001F61E"},
    {"dizzy", "\U0001F4AB"}, {"dog", "\U0001F436"}, {"email", "\U0001F4E7"},
    {"exclamation", "\u2757"}, {"eyes", "\U0001F440"}, {"facepunch", "\U0001F44A"},
    {"fire", "\U0001F525"}, {"fist", "\u270A"}, {"flushed", "\U0001F633"},
    {"gear", "\u2699\uFE0F"}, {"gift", "\U0001F381"}, {"grin", "\U0001F601"},
    {"grinning", "\U0001F600"}, {"hammer", "\U0001F528"}, {"heart", "\u2764\uFE0F"},
    {"heart_eyes", "\U0001F60D"}, {"heavy_check_mark", "\u2714\uFE0F"},
    {"hourglass", "\u231B"}, {"house", "\U0001F3E0"}, {"hugs", "\U0001F917"},
    {"hushed", "\U0001F62F"}, {"innocent", "\U0001F607"}, {"joy", "\U0001F602"},
    {"key", "\U0001F511"}, {"kiss", "\U0001F48B"}, {"laughing", "\U0001F606"},
    {"link", "\U0001F517"}, {"lock", "\U0001F512"}, {"mag", "\U0001F50D"},
    {"memo", "\U0001F4DD"}, {"moneybag", "\U0001F4B0"}, {"muscle", "\U0001F4AA"},
    {"neutral_face", "\U0001F610"}, {"no_entry", "\u26D4"}, {"ok", "\U0001F197"},
    {"ok_hand", "\U0001F44C"}, {"package", "\U0001F4E6"}, {"pencil", "\U0001F4DD"},
    {"pencil2", "\u270F\uFE0F"}, {"point_down", "\U0001F447"}, {"point_left", "\U0001F448"},
    {"point_right", "\U0001F449"}, {"point_up", "\u261D\uFE0F"}, {"pray", "\U0001F64F"},
    {"pushpin", "\U0001F4CC"}, {"question", "\u2753"}, {"rage", "\U0001F621"},
    {"raised_hands", "\U0001F64C"}, {"recycle", "\u267B\uFE0F"}, {"relaxed", "\u263A\uFE0F"},
    {"relieved", "\U0001F60C"}, {"rocket", "\U0001F680"}, {"rofl", "\U0001F923"},
    {"rotating_light", "\U0001F6A8"}, {"scream", "\U0001F631"}, {"see_no_evil", "\U0001F648"},
    {"shipit", "\U0001F43F\uFE0F"}, {"sleeping", "\U0001F634"}, {"slightly_smiling_face", "\U0001F642"},
    {"smile", "\U0001F604"}, {"smiley", "\U0001F603"}, {"smirk", "\U0001F60F"},
    {"sob", "\U0001F62D"}, {"sparkles", "\u2728"}, {"star", "\u2B50"},
    {"star2", "\U0001F31F"}, {"stuck_out_tongue", "\U0001F61B"}, {"sunglasses", "\U0001F60E"},
    {"sunny", "\u2600\uFE0F"}, {"sweat", "\U0001F613"}, {"sweat_smile", "\U0001F605"},
    {"tada", "\U0001F389"}, {"thinking", "\U0001F914"}, {"thumbsdown", "\U0001F44E"},
    {"thumbsup", "\U0001F44D"}, {"trophy", "\U0001F3C6"}, {"turtle", "\U0001F422"},
    {"unamused", "\U0001F612"}, {"v", "\u270C\uFE0F"}, {"warning", "\u26A0\uFE0F"},
    {"wave", "\U0001F44B"}, {"white_check_mark", "\u2705"}, {"wink", "\U0001F609"},
    {"wrench", "\U0001F527"}, {"x", "\u274C"}, {"yum", "\U0001F60B"}, {"zap", "\u26A1"},
    {"zzz", "\U0001F4A4"},
};

}  // namespace

const char* emoji_for(std::string_view name) {
  auto it = std::lower_bound(std::begin(kEmoji), std::end(kEmoji), name,
                             [](const auto& e, std::string_view n) { return e.first < n; });
  if (it != std::end(kEmoji) && it->first == name) return it->second;
  return nullptr;
}

}  // namespace folio::markdown
