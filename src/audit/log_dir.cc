#include "audit/log_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "audit/coding.h"
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

StatusOr<std::string> ReadLiveSegment(const std::string& path) {
  StatusOr<std::string> bytes = ReadFileToString(path);
  for (int attempt = 1; attempt < 3 && bytes.ok(); ++attempt) {
    TailTolerantReporter reporter;
    SegmentReader reader(*bytes, &reporter);
    SegmentHeader header;
    if (reader.ReadHeader(&header).ok()) {
      std::string_view payload;
      uint64_t offset;
      while (reader.ReadRecord(&payload, &offset)) {
      }
    }
    if (reporter.error.empty()) break;
    bytes = ReadFileToString(path);
  }
  return bytes;
}

StatusOr<uint64_t> ReservedBytes(const std::string& segment_path) {
  int fd = open(segment_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return OsError(segment_path, "cannot open");
  std::string buf(64 << 10, '\0');
  uint64_t reserved = 0;
  Status s;
  const off_t size = lseek(fd, 0, SEEK_END);
  char header[kSegmentHeaderSize];
  if (size < static_cast<off_t>(kSegmentHeaderSize)) {
    // A segment being created (or whose creation a crash cut short).
  } else if (pread(fd, header, sizeof header, 0) != static_cast<ssize_t>(sizeof header)) {
    s = OsError(segment_path, "read failed");
  } else if (DecodeFixed32(header + 8) == kSegmentVersionZeroFilled) {
    uint64_t end = static_cast<uint64_t>(size);
    bool found = false;
    while (!found && end > kSegmentHeaderSize) {
      const uint64_t from =
          std::max<uint64_t>(kSegmentHeaderSize, end - std::min<uint64_t>(end, buf.size()));
      const size_t n = static_cast<size_t>(end - from);
      if (pread(fd, buf.data(), n, static_cast<off_t>(from)) != static_cast<ssize_t>(n)) {
        s = OsError(segment_path, "read failed");
        break;
      }
      size_t i = n;
      while (i > 0 && buf[i - 1] == '\0') --i;
      found = i > 0;
      end = from + i;
    }
    reserved = static_cast<uint64_t>(size) - end;
  }
  close(fd);
  HEGUI_RETURN_IF_ERROR(s);
  return reserved;
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
  if (end == 0) bytes = EncodeSegmentHeader(0, kCheckpointsMagic, kCheckpointsVersion);
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
