// AtomicFile: temporary file + fsync + rename.
#include "base/atomic_file.hpp"
#include "base/temp_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
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
  register_temp_file(temp_);
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
  unregister_temp_file(temp_);
}

bool AtomicFile::commit(std::string* error) {
  int fd = ::open(temp_.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  return commit_unsynced(error);
}

bool AtomicFile::commit_unsynced(std::string* error) {
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
      if (error) *error = std::string("cannot write ") + file.temp_path().string() + ": " + std::strerror(errno ? errno : EIO);
      return false;
    }
  }
  return file.commit(error);
}

bool read_file(const std::filesystem::path& file, std::string& out, std::string* error) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait forever for a writer.
  // Only a regular file is read; FIFOs, sockets and devices are refused before any read.
  int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = std::strerror(errno);
    return false;
  }
  struct FdClose {
    int fd;
    ~FdClose() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    if (error) *error = std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    if (error)
      *error = S_ISDIR(st.st_mode)    ? "is a folder, not a file"
               : S_ISFIFO(st.st_mode) ? "is a named pipe (FIFO), not a regular file"
               : S_ISSOCK(st.st_mode) ? "is a socket, not a regular file"
                                      : "is a device, not a regular file";
    return false;
  }
  out.resize(size_t(st.st_size));
  size_t done = 0;
  while (done < out.size()) {
    ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      if (error) *error = std::strerror(errno);
      return false;
    }
    if (n == 0) break;  // the file shrank while it was read
    done += size_t(n);
  }
  out.resize(done);
  return true;
}

}  // namespace folio
