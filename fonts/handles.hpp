// RAII owners for the fontconfig and HarfBuzz handles the fonts module uses.
#pragma once

#include <fontconfig/fontconfig.h>
#include <hb.h>

#include <memory>

namespace folio::fonts {

struct FcPatternFree { void operator()(FcPattern* p) const { FcPatternDestroy(p); } };
struct FcFontSetFree { void operator()(FcFontSet* s) const { FcFontSetDestroy(s); } };
struct FcObjectSetFree { void operator()(FcObjectSet* s) const { FcObjectSetDestroy(s); } };
struct HbBlobFree { void operator()(hb_blob_t* b) const { hb_blob_destroy(b); } };
struct HbFaceFree { void operator()(hb_face_t* f) const { hb_face_destroy(f); } };
struct HbSetFree { void operator()(hb_set_t* s) const { hb_set_destroy(s); } };

using FcPatternPtr = std::unique_ptr<FcPattern, FcPatternFree>;
using FcFontSetPtr = std::unique_ptr<FcFontSet, FcFontSetFree>;
using FcObjectSetPtr = std::unique_ptr<FcObjectSet, FcObjectSetFree>;
using HbBlobPtr = std::unique_ptr<hb_blob_t, HbBlobFree>;
using HbFacePtr = std::unique_ptr<hb_face_t, HbFaceFree>;
using HbSetPtr = std::unique_ptr<hb_set_t, HbSetFree>;

}  // namespace folio::fonts
