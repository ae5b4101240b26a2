// The allowed range of each numeric book option, shared by book.yaml and the command-line
// flags so both refuse the same values (a negative margin or a font size of -10 gives a
// PDF with no text; a billion retries never ends).
#pragma once

#include <cstdint>

namespace folio::ranges {

template <typename T>
struct Range {
  T min, max;
  bool contains(T v) const { return v >= min && v <= max; }  // false for NaN
};

// pdf:
inline constexpr Range<double> kFontSizePt{5.0, 30.0};           // --font-size
inline constexpr Range<double> kLineHeight{1.0, 3.0};            // --line-height
inline constexpr Range<double> kParagraphIndentEm{0.0, 10.0};    // also epub.paragraph_indent
inline constexpr Range<double> kCjkLatinSpaceEm{0.0, 1.0};
inline constexpr Range<double> kCodeScale{0.5, 2.0};
inline constexpr Range<double> kMarginMm{0.0, 100.0};
inline constexpr Range<int64_t> kImageDpi{72, 1200};
inline constexpr Range<int64_t> kTocDepth{1, 3};

// figures:
inline constexpr Range<int64_t> kParallel{1, 64};
inline constexpr Range<int64_t> kMaxRedirects{0, 20};
inline constexpr Range<int64_t> kTimeoutS{1, 3600};
inline constexpr Range<int64_t> kRetries{0, 10};
inline constexpr Range<int64_t> kMaxBytes{1, int64_t(1) << 31};     // 2 GiB per figure
inline constexpr Range<int64_t> kMaxPixels{1, int64_t(1) << 32};
inline constexpr Range<int64_t> kDownscalePixels{0, int64_t(1) << 32};
inline constexpr Range<int64_t> kSizeBudgetMb{0, 1 << 20};  // epub.size_budget_mb; 0: none
inline constexpr Range<int64_t> kSplitBytes{0, int64_t(1) << 31};  // epub.split_size; 0: never split
inline constexpr Range<int64_t> kTabWidth{0, 16};  // code.tab_width; 0 keeps the default
inline constexpr Range<int64_t> kJpegQuality{1, 100};

// fonts.emphasis: the names of HanEmphasis's values, in its order.
inline constexpr const char* kHanEmphasisNames[] = {"kai", "dots", "slant"};

}  // namespace folio::ranges
