// AtomicFile: temporary file + fsync + rename.
#include "base/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>

namespace folio {

namespace {
std::string unique_suffix() {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  return std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000) + "-" +
         std::to_string(counter.fetch_add(1));
}
}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  temp_ = target_;
  temp_ += ".tmp-" + unique_suffix();
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

bool AtomicFile::commit(std::string* error) {
  int fd = ::open(temp_.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    if (error) *error = std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

bool write_file_atomically(const std::filesystem::path& target, std::string_view bytes,
                           std::string* error) {
  AtomicFile file(target);
  {
    std::ofstream out(file.temp_path(), std::ios::binary);
    if (!out) {
      if (error) *error = std::strerror(errno);
      return false;
    }
    out.write(bytes.data(), std::streamsize(bytes.size()));
    out.flush();
    if (!out) {
      if (error) *error = "write failed";
      return false;
    }
  }
  return file.commit(error);
}

bool read_file(const std::filesystem::path& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size < 0) return false;
  out.resize(size_t(size));
  in.seekg(0);
  in.read(out.data(), size);
  return bool(in) || in.eof();
}

}  // namespace folio
