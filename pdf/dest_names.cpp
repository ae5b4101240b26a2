// Destination names: ASCII letters, digits and '-', so cairo's attribute parser and every
// PDF viewer take them as they are.
#include "dest_names.hpp"

namespace folio::pdf {

std::string chapter_dest(int chapter) { return "ch" + std::to_string(chapter); }

std::string anchor_dest(int chapter, const std::string& id) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string name = "ch" + std::to_string(chapter) + "-";
  for (unsigned char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
      name += static_cast<char>(c);
    } else {
      name += '_';
      name += kHex[c >> 4];
      name += kHex[c & 15];
    }
  }
  return name;
}

std::string note_dest(int chapter, int number) {
  return "fn" + std::to_string(chapter) + "-" + std::to_string(number);
}
std::string note_ref_dest(int chapter, int number) {
  return "fnref" + std::to_string(chapter) + "-" + std::to_string(number);
}
std::string part_dest(int part) { return "part" + std::to_string(part); }

}  // namespace folio::pdf
