#include "audit/log_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "audit/segment_reader.h"
#include "core/fd_io.h"
#include "core/file.h"

namespace hegui::audit {
namespace {

class TailTolerantReporter : public SegmentReader::Reporter {
 public:
  void Corruption(uint64_t offset, std::string_view reason, bool at_tail) override {
    if (!at_tail && error.empty()) {
      error = "offset " + std::to_string(offset) + ": " + std::string(reason);
    }
  }
  std::string error;
};

}  // namespace

StatusOr<std::vector<SegmentFile>> ListSegments(const std::string& dir) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) return NotFoundError(dir + ": cannot list the log directory: " + ec.message());
  std::vector<SegmentFile> out;
  for (const auto& entry : it) {
    uint64_t first;
    if (ParseSegmentFileName(entry.path().filename().string(), &first)) {
      out.push_back({first, entry.path().string()});
    }
  }
  std::sort(out.begin(), out.end(), [](const SegmentFile& a, const SegmentFile& b) {
    return a.first_index < b.first_index;
  });
  return out;
}

StatusOr<std::vector<std::string>> ReadCheckpointNotes(const std::string& dir) {
  const std::string path = PathIn(dir, kCheckpointsFile);
  StatusOr<std::string> bytes = ReadFileToString(path);
  if (!bytes.ok()) {
    if (bytes.status().code() == StatusCode::kNotFound) return std::vector<std::string>();
    return bytes.status();
  }
  TailTolerantReporter reporter;
  SegmentReader reader(*bytes, &reporter, kCheckpointsMagic);
  SegmentHeader header;
  Status s = reader.ReadHeader(&header);
  if (!s.ok()) return DataLossError(path + ": " + s.message());
  std::vector<std::string> notes;
  std::string_view payload;
  uint64_t offset;
  while (reader.ReadRecord(&payload, &offset)) notes.emplace_back(payload);
  if (!reporter.error.empty()) return DataLossError(path + ": " + reporter.error);
  return notes;
}

Status StoreCheckpointNote(const std::string& dir, const std::string& note) {
  const std::string path = PathIn(dir, kCheckpointsFile);
  int fd = open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return OsError(path, "cannot open");
  std::string bytes;
  off_t end = lseek(fd, 0, SEEK_END);
  if (end == 0) bytes = EncodeSegmentHeader(0, kCheckpointsMagic);
  AppendFrame(&bytes, note);
  Status written = WriteFully(fd, bytes, path);
  if (written.ok() && fdatasync(fd) != 0) written = OsError(path, "cannot sync a checkpoint");
  close(fd);
  HEGUI_RETURN_IF_ERROR(written);
  return WriteFileAtomically(PathIn(dir, kLatestCheckpointFile), note, 0644);
}

Status SyncDir(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return OsError(dir, "cannot open directory");
  int rc = fsync(fd);
  close(fd);
  if (rc != 0) return UnavailableError(dir + ": directory fsync failed");
  return OkStatus();
}

}  // namespace hegui::audit
