#include "audit/tree_hash_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "audit/coding.h"
#include "core/fd_io.h"

namespace hegui::audit {
namespace {

// Reads hashes below `base` from the file and the rest from `pending`.
class OverlayReader : public HashReader {
 public:
  OverlayReader(const HashReader& file, int64_t base, const std::vector<Hash>& pending)
      : file_(file), base_(base), pending_(pending) {}
  StatusOr<std::vector<Hash>> ReadHashes(const std::vector<int64_t>& indexes) const override {
    std::vector<Hash> out(indexes.size());
    std::vector<int64_t> from_file;
    for (int64_t i : indexes) {
      if (i < base_) from_file.push_back(i);
    }
    HEGUI_ASSIGN_OR_RETURN(std::vector<Hash> f, file_.ReadHashes(from_file));
    size_t fi = 0;
    for (size_t k = 0; k < indexes.size(); ++k) {
      int64_t i = indexes[k];
      if (i < base_) {
        out[k] = f[fi++];
      } else if (i - base_ < static_cast<int64_t>(pending_.size())) {
        out[k] = pending_[i - base_];
      } else {
        return InternalError("tree hashes: read past the end of a pending append");
      }
    }
    return out;
  }

 private:
  const HashReader& file_;
  int64_t base_;
  const std::vector<Hash>& pending_;
};

}  // namespace

StatusOr<std::unique_ptr<TreeHashFile>> TreeHashFile::Open(const std::string& path, bool writable) {
  int fd = open(path.c_str(), (writable ? O_RDWR | O_CREAT : O_RDONLY) | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (errno == ENOENT) return NotFoundError(path + ": no such file");
    return OsError(path, "cannot open");
  }
  std::unique_ptr<TreeHashFile> f(new TreeHashFile(path, fd));
  struct stat st;
  if (fstat(fd, &st) != 0) return OsError(path, "stat failed");
  std::string header(kTreeHashMagic);
  PutFixed32(&header, 1);
  PutFixed32(&header, 0);
  if (st.st_size == 0 && writable) {
    HEGUI_RETURN_IF_ERROR(WriteFully(fd, header, path));
    st.st_size = static_cast<off_t>(header.size());
  }
  char buf[kTreeHashHeaderSize];
  if (st.st_size < static_cast<off_t>(kTreeHashHeaderSize) ||
      pread(fd, buf, sizeof buf, 0) != static_cast<ssize_t>(sizeof buf) ||
      std::string_view(buf, sizeof buf) != header) {
    return DataLossError(path + ": bad tree hash file header");
  }
  const int64_t stored = (st.st_size - static_cast<off_t>(kTreeHashHeaderSize)) / 32;
  // The largest leaf count whose stored hashes are all present.
  int64_t lo = 0, hi = stored;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo + 1) / 2;
    if (StoredHashCount(mid) <= stored)
      lo = mid;
    else
      hi = mid - 1;
  }
  f->leaves_.store(lo);
  if (writable && StoredHashCount(lo) != stored) HEGUI_RETURN_IF_ERROR(f->TruncateToLeaves(lo));
  return f;
}

TreeHashFile::~TreeHashFile() { close(fd_); }

Status TreeHashFile::AppendLeaves(const std::vector<Hash>& leaf_hashes) {
  const int64_t n0 = leaves();
  const int64_t base = StoredHashCount(n0);
  std::vector<Hash> pending;
  OverlayReader reader(*this, base, pending);
  for (size_t i = 0; i < leaf_hashes.size(); ++i) {
    HEGUI_ASSIGN_OR_RETURN(std::vector<Hash> add, StoredHashesForLeaf(n0 + static_cast<int64_t>(i),
                                                                      leaf_hashes[i], reader));
    pending.insert(pending.end(), add.begin(), add.end());
  }
  std::string bytes;
  bytes.reserve(pending.size() * 32);
  for (const Hash& h : pending) bytes.append(h.view());
  if (lseek(fd_, static_cast<off_t>(kTreeHashHeaderSize + 32 * base), SEEK_SET) < 0) {
    return OsError(path_, "seek failed");
  }
  HEGUI_RETURN_IF_ERROR(WriteFully(fd_, bytes, path_));
  leaves_.store(n0 + static_cast<int64_t>(leaf_hashes.size()), std::memory_order_release);
  return OkStatus();
}

Status TreeHashFile::TruncateToLeaves(int64_t n) {
  if (ftruncate(fd_, static_cast<off_t>(kTreeHashHeaderSize + 32 * StoredHashCount(n))) != 0) {
    return OsError(path_, "truncate failed");
  }
  leaves_.store(n, std::memory_order_release);
  return OkStatus();
}

Status TreeHashFile::Sync() {
  if (fdatasync(fd_) != 0) return OsError(path_, "fdatasync failed");
  return OkStatus();
}

StatusOr<std::vector<Hash>> TreeHashFile::ReadHashes(const std::vector<int64_t>& indexes) const {
  std::vector<Hash> out(indexes.size());
  const int64_t limit = StoredHashCount(leaves());
  for (size_t k = 0; k < indexes.size(); ++k) {
    int64_t i = indexes[k];
    if (i < 0 || i >= limit) {
      return DataLossError(path_ + ": stored hash " + std::to_string(i) + " is missing");
    }
    if (pread(fd_, out[k].bytes.data(), 32, static_cast<off_t>(kTreeHashHeaderSize + 32 * i)) !=
        32) {
      return DataLossError(path_ + ": cannot read stored hash " + std::to_string(i));
    }
  }
  return out;
}

StatusOr<Hash> TreeHashFile::LeafHashAt(int64_t leaf) const {
  HEGUI_ASSIGN_OR_RETURN(std::vector<Hash> h, ReadHashes({StoredHashIndex(0, leaf)}));
  return h[0];
}

}  // namespace hegui::audit
