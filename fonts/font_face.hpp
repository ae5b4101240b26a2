// One face of a font file opened with HarfBuzz: its cmap coverage and its bytes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "folio/fonts.hpp"

#include "handles.hpp"

namespace folio::fonts {

/// A face of a font file (face_index picks one of a TTC collection), memory-mapped.
class FontFace {
 public:
  /// nullopt if the file cannot be read or the face index does not exist.
  static std::optional<FontFace> open(const std::filesystem::path& file, int face_index);

  hb_face_t* face() const { return face_.get(); }
  /// Every code point the face's cmap maps to a glyph.
  const hb_set_t* unicodes() const { return unicodes_.get(); }
  bool covers(char32_t c) const { return hb_set_has(unicodes_.get(), c); }
  /// Number of faces in the file (1 for a plain OTF/TTF).
  unsigned face_count() const { return face_count_; }

 private:
  HbBlobPtr blob_;
  HbFacePtr face_;
  HbSetPtr unicodes_;
  unsigned face_count_ = 0;
};

/// A role's chain with every face opened (faces that cannot be opened stay null and cover
/// nothing), to ask which font of the chain draws a character.
struct OpenedChain {
  explicit OpenedChain(const FontChain& chain);
  const FontChain* chain;
  std::vector<std::optional<FontFace>> faces;  ///< parallel to chain->fonts
  /// Index of the first font of the chain that covers c, or -1.
  int first_covering(char32_t c) const;
};

/// The face as a standalone font file. A TTC face is rebuilt table by table into a plain
/// OTF/TTF (hb_face_builder); a plain file comes back unchanged.
std::string standalone_font_bytes(const FontFace& face);

/// "font/otf" for CFF-flavoured OpenType ("OTTO"), "font/ttf" otherwise.
const char* font_media_type(const std::string& bytes);

}  // namespace folio::fonts
