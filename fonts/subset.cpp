// Subsetting with hb-subset: TTC faces by index and CFF-flavoured OpenType alike.
#include "subset.hpp"

#include <hb-subset.h>

#include <memory>

namespace folio::fonts {

namespace {
struct HbSubsetInputFree {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
}  // namespace

const std::vector<char32_t>& always_kept_code_points() {
  static const std::vector<char32_t> kept = [] {
    std::vector<char32_t> v;
    for (char32_t c = 0x20; c < 0x7F; ++c) v.push_back(c);
    for (char32_t c : std::u32string(U"\u00A0\u200B\u3000\u2014\u2026\u00B7\u2018\u2019\u201C\u201D"
                                     U"\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF1F\uFF01\uFF08\uFF09"
                                     U"\u300A\u300B\u300C\u300D\u300E\u300F\u3010\u3011"))
      v.push_back(c);
    return v;
  }();
  return kept;
}

std::optional<std::string> subset_face(const FontFace& face, const std::vector<char32_t>& code_points) {
  std::unique_ptr<hb_subset_input_t, HbSubsetInputFree> input(hb_subset_input_create_or_fail());
  if (!input) return std::nullopt;
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t c : code_points) hb_set_add(unicodes, c);
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  // hb-subset keeps name IDs 0-6 by default; the OFL asks that the licence (13) and its
  // URL (14) travel with the font, beside the copyright (0).
  hb_set_t* name_ids = hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_ID);
  for (unsigned id : {0u, 13u, 14u}) hb_set_add(name_ids, id);
  HbFacePtr subset(hb_subset_or_fail(face.face(), input.get()));
  if (!subset) return std::nullopt;
  HbBlobPtr blob(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (!length) return std::nullopt;
  return std::string(data, length);
}

}  // namespace folio::fonts
