// TextContext: one thread's Pango font map and context, set up for exact PDF metrics.
#pragma once

#include <memory>
#include <string>

#include "handles.hpp"

struct _FcConfig;  // fontconfig's FcConfig

namespace folio::pdf {

class Hyphenator;

/// Pango objects are not safe to share between threads, so each layout thread owns one.
/// The context works at 72 dpi (1 Pango point = 1 PDF point) with unhinted metrics and
/// unrounded glyph positions; Pango's defaults (96 dpi, hinting) distort PDF output.
class TextContext {
 public:
  /// `fonts`: the build's fontconfig configuration (FontFamilies::fontconfig), or null for
  /// the default one.
  explicit TextContext(const std::string& language, _FcConfig* fonts = nullptr);
  ~TextContext();
  TextContext(const TextContext&) = delete;
  TextContext& operator=(const TextContext&) = delete;

  PangoContext* context() const { return context_.get(); }
  /// A new layout in this context (the caller owns it).
  PangoLayout* new_layout() const { return pango_layout_new(context_.get()); }
  /// The hyphenation patterns of the book's language (Latin words in CJK text: English),
  /// loaded on first use; null when none is installed.
  const Hyphenator* hyphenator() const;

 private:
  FontMapPtr font_map_;
  ContextPtr context_;
  std::string language_;
  mutable std::unique_ptr<Hyphenator> hyphenator_;
  mutable bool hyphenator_loaded_ = false;
};

/// A font description "families weight size" with the size in points.
FontDescPtr make_font(const std::string& families, double size_pt, PangoWeight weight = PANGO_WEIGHT_NORMAL,
                      PangoStyle style = PANGO_STYLE_NORMAL);

}  // namespace folio::pdf
