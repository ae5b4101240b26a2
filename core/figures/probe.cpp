// Probe: JPEG, PNG, GIF, WebP and SVG recognized from their signatures; sizes from headers.
#include "probe.hpp"

#include "orientation.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <webp/decode.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <utility>

namespace folio {

const char* to_string(ImageFormat f) {
  switch (f) {
    case ImageFormat::jpeg: return "JPEG";
    case ImageFormat::png: return "PNG";
    case ImageFormat::gif: return "GIF";
    case ImageFormat::webp: return "WebP";
    case ImageFormat::svg: return "SVG";
    case ImageFormat::unknown: break;
  }
  return "unknown";
}

const char* media_type(ImageFormat f) {
  switch (f) {
    case ImageFormat::jpeg: return "image/jpeg";
    case ImageFormat::png: return "image/png";
    case ImageFormat::gif: return "image/gif";
    case ImageFormat::webp: return "image/webp";
    case ImageFormat::svg: return "image/svg+xml";
    case ImageFormat::unknown: break;
  }
  return "application/octet-stream";
}

}  // namespace folio

namespace folio::figures {

namespace {

uint32_t be16(std::string_view b, size_t i) {
  return (uint32_t(uint8_t(b[i])) << 8) | uint8_t(b[i + 1]);
}
uint32_t be32(std::string_view b, size_t i) { return (be16(b, i) << 16) | be16(b, i + 2); }
uint32_t le16(std::string_view b, size_t i) {
  return uint8_t(b[i]) | (uint32_t(uint8_t(b[i + 1])) << 8);
}

ImageProbe fail(std::string why) {
  ImageProbe p;
  p.problem = std::move(why);
  return p;
}

// Walks the marker segments up to the first start-of-frame, which holds the size.
ImageProbe probe_jpeg(std::string_view b) {
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (uint8_t(b[i]) != 0xFF) return fail("corrupt JPEG: no marker where one belongs");
    uint8_t marker = uint8_t(b[i + 1]);
    if (marker == 0xFF) { ++i; continue; }  // fill bytes
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { i += 2; continue; }
    if (marker == 0xD9 || marker == 0xDA) return fail("corrupt JPEG: no frame header before the scan");
    uint32_t len = be16(b, i + 2);
    if (len < 2) return fail("corrupt JPEG: bad segment length");
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (i + 9 > b.size()) break;
      ImageProbe p;
      p.format = ImageFormat::jpeg;
      p.height = be16(b, i + 5);
      p.width = be16(b, i + 7);
      if (p.width == 0 || p.height == 0) return fail("JPEG with a zero size");
      p.orientation = jpeg_exif_orientation(b);
      if (orientation_swaps_axes(p.orientation)) std::swap(p.width, p.height);
      return p;
    }
    i += 2 + len;
  }
  return fail("truncated JPEG: the frame header is missing");
}

ImageProbe probe_png(std::string_view b) {
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return fail("truncated PNG header");
  ImageProbe p;
  p.format = ImageFormat::png;
  p.width = be32(b, 16);
  p.height = be32(b, 20);
  if (p.width == 0 || p.height == 0) return fail("PNG with a zero size");
  return p;
}

ImageProbe probe_gif(std::string_view b) {
  if (b.size() < 10) return fail("truncated GIF header");
  ImageProbe p;
  p.format = ImageFormat::gif;
  p.width = le16(b, 6);
  p.height = le16(b, 8);
  if (p.width == 0 || p.height == 0) return fail("GIF with a zero size");
  return p;
}

ImageProbe probe_webp(std::string_view b) {
  // WebPGetFeatures reads the VP8/VP8L/VP8X chunk header only; it does not decode.
  WebPBitstreamFeatures features;
  if (WebPGetFeatures(reinterpret_cast<const uint8_t*>(b.data()), b.size(), &features) !=
      VP8_STATUS_OK)
    return fail("corrupt or truncated WebP header");
  ImageProbe p;
  p.format = ImageFormat::webp;
  p.width = uint32_t(features.width);
  p.height = uint32_t(features.height);
  return p;
}

std::string lower_prefix(std::string_view b, size_t n) {
  std::string s(b.substr(0, std::min(n, b.size())));
  for (auto& c : s) c = char(std::tolower(uint8_t(c)));
  return s;
}

// An SVG length in CSS pixels; 0 for percentages and what cannot be read.
double svg_length(const char* text) {
  if (!text) return 0;
  char* end = nullptr;
  double v = std::strtod(text, &end);
  if (end == text || !(v > 0)) return 0;
  std::string unit(end);
  unit.erase(std::remove_if(unit.begin(), unit.end(), [](char c) { return std::isspace(uint8_t(c)); }),
             unit.end());
  if (unit.empty() || unit == "px") return v;
  if (unit == "pt") return v * 96.0 / 72.0;
  if (unit == "pc") return v * 16.0;
  if (unit == "in") return v * 96.0;
  if (unit == "cm") return v * 96.0 / 2.54;
  if (unit == "mm") return v * 96.0 / 25.4;
  if (unit == "em" || unit == "rem") return v * 16.0;
  if (unit == "ex") return v * 8.0;
  return 0;
}

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlCharFree {
  void operator()(xmlChar* c) const { xmlFree(c); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

ImageProbe probe_markup(std::string_view b) {
  std::string head = lower_prefix(b, 2048);
  if (head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos ||
      head.find("<head") != std::string::npos || head.find("<body") != std::string::npos)
    return fail("an HTML page, not an image");
  if (head.find("<svg") == std::string::npos) return fail("not an image (markup that is not SVG)");
  // No network, no entity expansion: the bytes may come from anywhere.
  std::unique_ptr<xmlDoc, XmlDocFree> doc(xmlReadMemory(
      b.data(), int(b.size()), "figure.svg", nullptr,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) return fail("SVG that is not well-formed XML");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || xmlStrcmp(root->name, BAD_CAST "svg") != 0) return fail("not an image (XML whose root is not <svg>)");
  XmlString w(xmlGetProp(root, BAD_CAST "width"));
  XmlString h(xmlGetProp(root, BAD_CAST "height"));
  XmlString vb(xmlGetProp(root, BAD_CAST "viewBox"));
  double width = svg_length(reinterpret_cast<const char*>(w.get()));
  double height = svg_length(reinterpret_cast<const char*>(h.get()));
  double vb_w = 0, vb_h = 0;
  if (vb) {
    double x = 0, y = 0;
    std::string v(reinterpret_cast<const char*>(vb.get()));
    std::replace(v.begin(), v.end(), ',', ' ');
    if (std::sscanf(v.c_str(), "%lf %lf %lf %lf", &x, &y, &vb_w, &vb_h) != 4) vb_w = vb_h = 0;
  }
  if (vb_w > 0 && vb_h > 0) {
    // A missing dimension follows the viewBox's aspect ratio, as browsers do.
    if (width > 0 && height <= 0) height = width * vb_h / vb_w;
    else if (height > 0 && width <= 0) width = height * vb_w / vb_h;
    else if (width <= 0 && height <= 0) width = vb_w, height = vb_h;
  }
  if (width <= 0) width = 300;  // the CSS default size of a replaced element
  if (height <= 0) height = 150;
  ImageProbe p;
  p.format = ImageFormat::svg;
  p.width = uint32_t(std::lround(std::max(1.0, std::min(width, 1e6))));
  p.height = uint32_t(std::lround(std::max(1.0, std::min(height, 1e6))));
  return p;
}

}  // namespace

ImageProbe probe_image(std::string_view b) {
  if (b.empty()) return fail("empty file");
  if (b.size() >= 3 && uint8_t(b[0]) == 0xFF && uint8_t(b[1]) == 0xD8 && uint8_t(b[2]) == 0xFF)
    return probe_jpeg(b);
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return probe_png(b);
  if (b.size() >= 6 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")) return probe_gif(b);
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return probe_webp(b);
  // Markup: skip a UTF-8 byte order mark and leading white space.
  size_t i = 0;
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < b.size() && std::isspace(uint8_t(b[i]))) ++i;
  if (i < b.size() && b[i] == '<') return probe_markup(b.substr(i));
  return fail("not an image (unknown format)");
}

}  // namespace folio::figures
