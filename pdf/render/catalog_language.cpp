#include "render/catalog_language.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <regex>
#include <string_view>

namespace folio::pdf {

namespace {

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileClose>;

/// The last `count` bytes of the file (fewer if it is shorter), and its size.
bool read_tail(const std::filesystem::path& file, size_t count, std::string& tail, long long& size) {
  File in(std::fopen(file.c_str(), "rb"));
  if (!in || std::fseek(in.get(), 0, SEEK_END) != 0) return false;
  size = std::ftell(in.get());
  if (size < 0) return false;
  const long long from = size > static_cast<long long>(count) ? size - static_cast<long long>(count) : 0;
  if (std::fseek(in.get(), static_cast<long>(from), SEEK_SET) != 0) return false;
  tail.resize(static_cast<size_t>(size - from));
  return std::fread(tail.data(), 1, tail.size(), in.get()) == tail.size();
}

/// A PDF literal string: ASCII only in a language tag, with the three special bytes escaped.
std::string literal(const std::string& text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f) out += c;
  }
  return out + ")";
}

}  // namespace

bool add_catalog_language(const std::filesystem::path& file, const std::string& language, std::string& error) {
  if (language.empty()) return true;
  // cairo writes the catalog, the xref table and the trailer last; 64 KiB holds them.
  std::string tail;
  long long size = 0;
  if (!read_tail(file, 64 * 1024, tail, size)) {
    error = std::string("cannot read the PDF back: ") + std::strerror(errno ? errno : EIO);
    return false;
  }
  const size_t trailer_at = tail.rfind("trailer");
  const size_t startxref_at = tail.rfind("startxref");
  static const std::regex trailer_re(R"(/Size\s+(\d+)[\s\S]*?/Root\s+(\d+)\s+(\d+)\s+R)");
  static const std::regex info_re(R"(/Info\s+(\d+\s+\d+\s+R))");
  static const std::regex startxref_re(R"(startxref\s+(\d+))");
  if (trailer_at == std::string::npos || startxref_at == std::string::npos || startxref_at < trailer_at) {
    error = "the PDF has no trailer where cairo writes it";
    return false;
  }
  const std::string trailer = tail.substr(trailer_at, startxref_at - trailer_at);
  const std::string startxref = tail.substr(startxref_at);
  std::smatch t, x, info;
  if (!std::regex_search(trailer, t, trailer_re) || !std::regex_search(startxref, x, startxref_re)) {
    error = "the PDF's trailer has no /Size, /Root or startxref";
    return false;
  }
  const std::string object = t[2].str() + " " + t[3].str() + " obj";
  const size_t object_at = tail.rfind("\n" + object);
  const size_t body_at = object_at == std::string::npos ? std::string::npos : tail.find("<<", object_at);
  const size_t end_at = body_at == std::string::npos ? std::string::npos : tail.find("endobj", body_at);
  if (end_at == std::string::npos) {
    error = "the PDF's catalog is not near its end";
    return false;
  }
  std::string body = tail.substr(body_at, end_at - body_at);
  if (body.find("/Lang") != std::string::npos) return true;
  body.insert(2, " /Lang " + literal(language));

  std::string update = "\n" + object + "\n" + body + "endobj\n";
  const long long xref_at = size + static_cast<long long>(update.size());
  char entry[64];
  std::snprintf(entry, sizeof entry, "xref\n%s 1\n%010lld %05d n \n", t[2].str().c_str(), size + 1,
                std::stoi(t[3].str()));
  update += entry;
  update += "trailer\n<< /Size " + t[1].str() + " /Root " + t[2].str() + " " + t[3].str() + " R";
  if (std::regex_search(trailer, info, info_re)) update += " /Info " + info[1].str();
  update += " /Prev " + x[1].str() + " >>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";

  File out(std::fopen(file.c_str(), "ab"));
  if (!out || std::fwrite(update.data(), 1, update.size(), out.get()) != update.size() || std::fflush(out.get()) != 0) {
    error = std::string("cannot write the PDF: ") + std::strerror(errno ? errno : EIO);
    return false;
  }
  if (std::fclose(out.release()) != 0) {
    error = std::string("cannot write the PDF: ") + std::strerror(errno ? errno : EIO);
    return false;
  }
  return true;
}

}  // namespace folio::pdf
