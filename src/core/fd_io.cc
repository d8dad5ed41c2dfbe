#include "core/fd_io.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace hegui {

Status OsError(std::string_view path, std::string_view what) {
  const int err = errno;
  std::string message(path);
  message.append(": ").append(what).append(": ").append(std::strerror(err));
  return UnavailableError(message);
}

Status WriteFully(int fd, std::string_view bytes, std::string_view path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return OsError(path, "write failed");
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return OkStatus();
}

}  // namespace hegui
