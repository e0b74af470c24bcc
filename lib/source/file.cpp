#include "source/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace guidelint::source {
namespace {

std::string message(int error) {
  return std::error_code(error, std::generic_category()).message();
}

}  // namespace

std::filesystem::path absolute_normal(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  return (ec ? path : absolute).lexically_normal();
}

FileBytes read_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  FileBytes out;
  // Non-blocking, so that opening a FIFO with no writer does not wait; regular files ignore it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int error = errno;
    out.status = error == ENOENT || error == ENOTDIR ? FileBytes::Status::not_found
                                                     : FileBytes::Status::unreadable;
    out.error = message(error);
    return out;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    out.status = FileBytes::Status::unreadable;
    out.error = message(errno);
  } else if (S_ISDIR(st.st_mode)) {
    out.status = FileBytes::Status::directory;
    out.error = message(EISDIR);
  } else if (!S_ISREG(st.st_mode)) {
    out.status = FileBytes::Status::not_a_file;
  } else if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    out.status = FileBytes::Status::too_large;
  } else {
    // The size is a hint: a file growing or shrinking while read gives what read() returns. One
    // byte more than the size lets the usual read end without growing the string.
    out.bytes.resize(static_cast<std::size_t>(st.st_size) + 1);
    std::size_t got = 0;
    while (true) {
      if (got == out.bytes.size()) out.bytes.resize(got + 4096 + got / 2);
      const ssize_t n = ::read(fd, out.bytes.data() + got, out.bytes.size() - got);
      if (n < 0) {
        if (errno == EINTR) continue;
        out.status = FileBytes::Status::unreadable;
        out.error = message(errno);
        out.bytes.clear();
        break;
      }
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
      if (got > max_bytes) {
        out.status = FileBytes::Status::too_large;
        out.bytes.clear();
        break;
      }
    }
    if (out.status == FileBytes::Status::ok) out.bytes.resize(got);
  }
  ::close(fd);
  return out;
}

}  // namespace guidelint::source
