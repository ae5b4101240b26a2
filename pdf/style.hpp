// Page presets, margins and type sizes: the measurements every stage of the PDF writer shares.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/labels.hpp"
#include "folio/config.hpp"
#include "folio/diagnostics.hpp"

struct _FcConfig;  // fontconfig's FcConfig

namespace folio::pdf {

/// A page size in points.
struct PageSize {
  double width = 0;
  double height = 0;
};

/// The size of a named preset (A4, A5, B5, JIS-B5, Letter, 6x9; case-insensitive), or nullopt.
std::optional<PageSize> page_preset(const std::string& name);

/// Pango font family lists for the three roles.
struct FontFamilies {
  std::string body;
  std::string heading;
  std::string code;
  std::string body_latin;     ///< body with its Latin fonts first (quotes between Latin letters)
  std::string heading_latin;  ///< the same for headings
  std::string emphasis_han;   ///< a Kai face for Han text in emphasis, then the body's; empty without one
  HanEmphasis emphasis = HanEmphasis::slant;  ///< how Han emphasis is set (FontSet::emphasis)
  /// FontSet::fontconfig: the build's own configuration holding book.yaml's font files, or
  /// null for the default one. Every Pango font map of the build uses it.
  std::shared_ptr<_FcConfig> fontconfig;
};

/// Everything the layout needs to know about the page and the type, in points.
struct Style {
  PageSize page;
  double margin_top = 0, margin_bottom = 0, margin_inner = 0, margin_outer = 0;
  bool two_sided = true;
  bool handout = false;
  double font_size = 10.5;      ///< body size
  double line_pitch = 17.3;     ///< body baseline-to-baseline distance
  double indent = 21;           ///< first-line indent of body paragraphs
  double code_size = 8.9;
  double cjk_latin_gap_em = 0.25;
  int image_dpi = 220;
  std::string language = "zh-CN";
  BookLabels labels = labels_for(language);  ///< the words the writer adds, in `language`
  FontFamilies fonts;

  double text_width() const { return page.width - margin_inner - margin_outer; }
  double text_height() const { return page.height - margin_top - margin_bottom; }
  /// Left edge of the text block on a page; 0-based physical index (even index = recto).
  double text_left(int physical_page) const {
    bool verso = two_sided && physical_page % 2 == 1;
    return verso ? margin_outer : margin_inner;
  }
};

/// Points per millimetre.
constexpr double kPointsPerMm = 72.0 / 25.4;

/// The style for a PdfOptions. An unknown page name is a warning (A5 is used); handouts
/// take A4 unless the page was set explicitly (`page_explicit`).
Style make_style(const PdfOptions& options, bool handout, bool page_explicit, const std::string& language,
                 const FontFamilies& fonts, Diagnostics& diagnostics, const SourceLocation& where = {});

}  // namespace folio::pdf
