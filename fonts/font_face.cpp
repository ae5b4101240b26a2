// Opening one face of a font file with HarfBuzz; rebuilding a TTC face as a standalone font.
#include "font_face.hpp"

#include <vector>

namespace folio::fonts {

std::optional<FontFace> FontFace::open(const std::filesystem::path& file, int face_index) {
  FontFace f;
  f.blob_.reset(hb_blob_create_from_file_or_fail(file.c_str()));
  if (!f.blob_) return std::nullopt;
  f.face_count_ = hb_face_count(f.blob_.get());
  if (face_index < 0 || unsigned(face_index) >= f.face_count_) return std::nullopt;
  f.face_.reset(hb_face_create(f.blob_.get(), unsigned(face_index)));
  f.unicodes_.reset(hb_set_create());
  hb_face_collect_unicodes(f.face_.get(), f.unicodes_.get());
  // A face without any cmap entry is not a usable text font (or not a font at all).
  if (hb_set_is_empty(f.unicodes_.get())) return std::nullopt;
  return f;
}

OpenedChain::OpenedChain(const FontChain& c) : chain(&c) {
  for (const auto& font : c.fonts) faces.push_back(FontFace::open(font.file, font.face_index));
}

int OpenedChain::first_covering(char32_t c) const {
  for (size_t i = 0; i < faces.size(); ++i)
    if (faces[i] && faces[i]->covers(c)) return int(i);
  return -1;
}

std::string standalone_font_bytes(const FontFace& face) {
  if (face.face_count() <= 1) {
    unsigned length = 0;
    HbBlobPtr blob(hb_face_reference_blob(face.face()));
    const char* data = hb_blob_get_data(blob.get(), &length);
    return std::string(data, length);
  }
  // Copy every table of the face into a fresh sfnt; the builder writes the table directory.
  HbFacePtr builder(hb_face_builder_create());
  std::vector<hb_tag_t> tags(64);
  unsigned start = 0;
  for (;;) {
    unsigned count = unsigned(tags.size());
    hb_face_get_table_tags(face.face(), start, &count, tags.data());
    for (unsigned i = 0; i < count; ++i) {
      HbBlobPtr table(hb_face_reference_table(face.face(), tags[i]));
      hb_face_builder_add_table(builder.get(), tags[i], table.get());
    }
    if (count < tags.size()) break;
    start += count;
  }
  HbBlobPtr out(hb_face_reference_blob(builder.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(out.get(), &length);
  return std::string(data, length);
}

const char* font_media_type(const std::string& bytes) {
  return bytes.compare(0, 4, "OTTO") == 0 ? "font/otf" : "font/ttf";
}

}  // namespace folio::fonts
