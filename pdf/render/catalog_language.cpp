#include "render/catalog_language.hpp"

#include <algorithm>
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

/// `count` bytes of the file from `offset` (fewer at its end).
bool read_at(std::FILE* in, long long offset, size_t count, std::string& out) {
  if (offset < 0 || std::fseek(in, static_cast<long>(offset), SEEK_SET) != 0) return false;
  out.resize(count);
  out.resize(std::fread(out.data(), 1, count, in));
  return !std::ferror(in);
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
  File in(std::fopen(file.c_str(), "rb"));
  if (!in || std::fseek(in.get(), 0, SEEK_END) != 0) {
    error = std::string("cannot read the PDF back: ") + std::strerror(errno ? errno : EIO);
    return false;
  }
  const long long size = std::ftell(in.get());
  // The trailer and startxref end the file; the xref table says where the catalog is.
  std::string tail, xref, object;
  if (!read_at(in.get(), std::max(0LL, size - 1024), 1024, tail)) {
    error = std::string("cannot read the PDF back: ") + std::strerror(errno ? errno : EIO);
    return false;
  }
  static const std::regex trailer_re(R"(/Size\s+(\d+)[\s\S]*?/Root\s+(\d+)\s+(\d+)\s+R)");
  static const std::regex info_re(R"(/Info\s+(\d+\s+\d+\s+R))");
  static const std::regex startxref_re(R"(startxref\s+(\d+))");
  static const std::regex xref_re(R"(^xref\s+0\s+\d+\s*?\n)");
  const size_t trailer_at = tail.rfind("trailer");
  const size_t startxref_at = tail.rfind("startxref");
  std::smatch t, x, info, head;
  const std::string trailer = trailer_at == std::string::npos || startxref_at == std::string::npos ||
                                      startxref_at < trailer_at
                                  ? std::string()
                                  : tail.substr(trailer_at, startxref_at - trailer_at);
  const std::string startxref = startxref_at == std::string::npos ? std::string() : tail.substr(startxref_at);
  if (!std::regex_search(trailer, t, trailer_re) || !std::regex_search(startxref, x, startxref_re)) {
    error = "the PDF has no trailer with /Size and /Root where cairo writes it";
    return false;
  }
  const long long root = std::stoll(t[2].str()), xref_offset = std::stoll(x[1].str());
  // One subsection from object 0, entries of 20 bytes: "oooooooooo ggggg n\r\n".
  if (!read_at(in.get(), xref_offset, 32, xref) || !std::regex_search(xref, head, xref_re)) {
    error = "the PDF's cross-reference table is not one cairo writes";
    return false;
  }
  std::string entry;
  if (!read_at(in.get(), xref_offset + static_cast<long long>(head.length(0)) + 20 * root, 20, entry) ||
      entry.size() < 18 || entry[17] != 'n') {
    error = "the PDF's catalog is not in its cross-reference table";
    return false;
  }
  const long long object_at = std::stoll(entry.substr(0, 10));
  if (!read_at(in.get(), object_at, 64 * 1024, object)) {
    error = std::string("cannot read the PDF back: ") + std::strerror(errno ? errno : EIO);
    return false;
  }
  in.reset();
  const std::string object_name = t[2].str() + " " + t[3].str() + " obj";
  const size_t body_at = object.rfind(object_name, 0) == 0 ? object.find("<<") : std::string::npos;
  const size_t end_at = body_at == std::string::npos ? std::string::npos : object.find("endobj", body_at);
  if (end_at == std::string::npos) {
    error = "the PDF's catalog is not where its cross-reference table says";
    return false;
  }
  std::string body = object.substr(body_at, end_at - body_at);
  if (body.find("/Lang") != std::string::npos) return true;
  body.insert(2, " /Lang " + literal(language));

  std::string update = "\n" + object_name + "\n" + body + "endobj\n";
  const long long xref_at = size + static_cast<long long>(update.size());
  char xref_entry[64];
  std::snprintf(xref_entry, sizeof xref_entry, "xref\n%s 1\n%010lld %05d n \n", t[2].str().c_str(), size + 1,
                std::stoi(t[3].str()));
  update += xref_entry;
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
