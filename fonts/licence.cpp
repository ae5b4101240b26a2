// The licence records a font file carries (OpenType name table), for the EPUB's licence
// items and `folio fonts`.
#include <hb-ot.h>

#include "folio/fonts.hpp"
#include "font_face.hpp"

namespace folio {

std::string font_licence_text(const std::filesystem::path& file, int face_index) {
  auto face = fonts::FontFace::open(file, face_index);
  if (!face) return {};
  std::string out;
  for (hb_ot_name_id_t id : {HB_OT_NAME_ID_COPYRIGHT, HB_OT_NAME_ID_LICENSE, HB_OT_NAME_ID_LICENSE_URL}) {
    hb_language_t english = hb_language_from_string("en", -1);
    unsigned length = hb_ot_name_get_utf8(face->face(), id, english, nullptr, nullptr);
    if (!length) continue;
    std::string text(length + 1, '\0');
    unsigned size = length + 1;
    hb_ot_name_get_utf8(face->face(), id, english, &size, text.data());
    text.resize(size);
    out += text + "\n\n";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace folio
