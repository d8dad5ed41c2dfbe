// Failure injection for the evidence-log tests: makes the open segment's
// next write fail as on a full disk.
#ifndef HEGUI_TESTS_AUDIT_FILL_DISK_H_
#define HEGUI_TESTS_AUDIT_FILL_DISK_H_

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "audit/log_dir.h"

namespace hegui::audit {

// Replaces the log's open segment descriptor with /dev/full, so that its next
// write fails with ENOSPC as on a full disk.
inline bool FillDiskUnder(const std::string& dir) {
  auto segs = ListSegments(dir);
  if (!segs.ok() || segs->empty()) return false;
  std::error_code ec;
  auto target = std::filesystem::canonical(segs->back().path, ec);
  if (ec) return false;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    auto link = std::filesystem::read_symlink(entry.path(), ec);
    if (ec || link != target) continue;
    int fd = std::stoi(entry.path().filename().string());
    int full = open("/dev/full", O_WRONLY | O_CLOEXEC);
    if (full < 0) return false;
    bool replaced = dup2(full, fd) == fd;
    close(full);
    if (replaced && (fcntl(fd, F_GETFL) & O_WRONLY)) return true;
  }
  return false;
}

}  // namespace hegui::audit

#endif  // HEGUI_TESTS_AUDIT_FILL_DISK_H_
