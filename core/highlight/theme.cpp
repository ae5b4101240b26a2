// Code colours: Chroma style names mapped to KSyntaxHighlighting themes, and palettes
// whose every token colour keeps WCAG AA contrast (4.5:1) against its background.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "highlight.hpp"

namespace folio::highlight {

namespace {

// Chroma's styles (Hugo's markup.highlight.style) with a close KSyntaxHighlighting theme.
constexpr std::pair<std::string_view, std::string_view> kChromaStyles[] = {
    {"ayu-dark", "ayu Dark"},         {"ayu-light", "ayu Light"},       {"ayu-mirage", "ayu Mirage"},
    {"bw", "Printing"},               {"dracula", "Dracula"},           {"github", "GitHub Light"},
    {"github-dark", "GitHub Dark"},   {"gruvbox", "gruvbox Dark"},      {"gruvbox-light", "gruvbox Light"},
    {"monokai", "Monokai"},           {"nord", "Nord"},                 {"onedark", "Atom One Dark"},
    {"solarized-dark", "Solarized Dark"}, {"solarized-dark256", "Solarized Dark"},
    {"solarized-light", "Solarized Light"}, {"vim", "Vim Dark"},
};

constexpr std::pair<std::string_view, std::string_view> kDarkCounterparts[] = {
    {"Atom One Light", "Atom One Dark"}, {"Breeze Light", "Breeze Dark"},
    {"GitHub Light", "GitHub Dark"},     {"Solarized Light", "Solarized Dark"},
    {"ayu Light", "ayu Dark"},           {"gruvbox Light", "gruvbox Dark"},
};

// The palettes used when the engine is off or lacks the theme.
CodePalette builtin_palette(bool dark) {
  CodePalette p;
  p.theme = dark ? "folio dark" : "folio light";
  p.background = dark ? 0x1e2227 : 0xf6f8fa;
  p.foreground = dark ? 0xe6edf3 : 0x1f2328;
  p.band = dark ? 0x3a3520 : 0xfff5b1;
  p.line_number = dark ? 0x9198a1 : 0x59636e;
  for (TokenLook& t : p.tokens) t.color = p.foreground;
  return p;
}

}  // namespace

Rgb with_contrast(Rgb color, Rgb background, double ratio) {
  // Mix towards black on a light background, towards white on a dark one, in small steps,
  // so that the hue stays recognisable while the colour reaches the contrast.
  const bool light = relative_luminance(background) > 0.18;
  const double target = light ? 0.0 : 255.0;
  Rgb c = color;
  for (int step = 0; step <= 20 && contrast_ratio(c, background) < ratio; ++step) {
    double t = step / 20.0;
    auto mix = [&](unsigned v) { return static_cast<Rgb>(std::lround(v + (target - v) * t)); };
    c = (mix((color >> 16) & 0xff) << 16) | (mix((color >> 8) & 0xff) << 8) | mix(color & 0xff);
  }
  return c;
}

std::optional<std::string> theme_for_style(std::string_view style) {
  std::string key = lower_ascii(style);
  for (const auto& [chroma, theme] : kChromaStyles)
    if (chroma == key) return std::string(theme);
  for (const std::string& theme : engine_themes())
    if (lower_ascii(theme) == key) return theme;
  return std::nullopt;
}

std::string dark_counterpart(const std::string& theme) {
  for (const auto& [light, dark] : kDarkCounterparts)
    if (light == theme) return std::string(dark);
  return "GitHub Dark";
}

CodePalette make_palette(const std::string& theme, bool dark, std::optional<Rgb> background, bool grayscale) {
  CodePalette p = engine_theme(theme).value_or(builtin_palette(dark));
  if (background) p.background = p.band = *background;
  // A highlighted line's band is the background moved a little towards the band colour
  // the theme gives, so that tokens keep their contrast on it as well.
  auto mix = [](Rgb a, Rgb b, double t) {
    auto ch = [&](int shift) {
      double x = (a >> shift) & 0xff, y = (b >> shift) & 0xff;
      return Rgb(x + (y - x) * t + 0.5) << shift;
    };
    return ch(16) | ch(8) | ch(0);
  };
  if (p.band == p.background || contrast_ratio(p.band, p.background) > 1.6)
    p.band = mix(p.background, dark ? 0x6e5f1e : 0xffe066, 0.35);
  auto gray = [](Rgb c) {
    auto v = Rgb(std::lround(0.299 * ((c >> 16) & 0xff) + 0.587 * ((c >> 8) & 0xff) + 0.114 * (c & 0xff)));
    return (v << 16) | (v << 8) | v;
  };
  auto readable = [&](Rgb c) {
    // Red prints lighter in gray than its luminance says: ask for more until gray holds too.
    for (double ratio = 4.6; ratio < 21; ratio += 0.2) {
      Rgb r = with_contrast(with_contrast(c, p.background, ratio), p.band, ratio);
      if (!grayscale || (contrast_ratio(gray(r), gray(p.background)) >= 4.6 && contrast_ratio(gray(r), gray(p.band)) >= 4.6))
        return r;
    }
    return with_contrast(c, p.background, 21);
  };
  p.foreground = readable(p.foreground);
  p.line_number = readable(p.line_number);
  for (TokenLook& t : p.tokens) t.color = readable(t.color);
  return p;
}

}  // namespace folio::highlight
