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

// Serves the hashes StoredHashesForLeaf asks for (the frontier's) from the
// cache, anything else from the file.
class FrontierReader : public HashReader {
 public:
  FrontierReader(const HashReader& file, const std::vector<std::pair<int64_t, Hash>>& frontier)
      : file_(file), frontier_(frontier) {}
  StatusOr<std::vector<Hash>> ReadHashes(const std::vector<int64_t>& indexes) const override {
    std::vector<Hash> out(indexes.size());
    for (size_t k = 0; k < indexes.size(); ++k) {
      bool found = false;
      for (const auto& [index, hash] : frontier_) {
        if (index == indexes[k]) {
          out[k] = hash;
          found = true;
          break;
        }
      }
      if (!found) {
        HEGUI_ASSIGN_OR_RETURN(std::vector<Hash> f, file_.ReadHashes({indexes[k]}));
        out[k] = f[0];
      }
    }
    return out;
  }

 private:
  const HashReader& file_;
  const std::vector<std::pair<int64_t, Hash>>& frontier_;
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

Status TreeHashFile::LoadFrontier(int64_t n) {
  std::vector<int64_t> indexes;
  for (int level = 0; level < 63; ++level) {
    if ((n >> level) & 1) indexes.push_back(StoredHashIndex(level, (n >> level) - 1));
  }
  HEGUI_ASSIGN_OR_RETURN(std::vector<Hash> hashes, ReadHashes(indexes));
  frontier_.assign(63, {-1, Hash()});
  for (int level = 0, k = 0; level < 63; ++level) {
    if ((n >> level) & 1) {
      frontier_[level] = {indexes[k], hashes[k]};
      ++k;
    }
  }
  frontier_leaves_ = n;
  return OkStatus();
}

Status TreeHashFile::AppendLeaves(const std::vector<Hash>& leaf_hashes) {
  const int64_t n0 = leaves();
  const int64_t base = StoredHashCount(n0);
  if (frontier_leaves_ != n0) HEGUI_RETURN_IF_ERROR(LoadFrontier(n0));
  frontier_leaves_ = -1;  // Until this append is stored.
  FrontierReader reader(*this, frontier_);
  std::string bytes;
  bytes.reserve(leaf_hashes.size() * 64);
  for (size_t i = 0; i < leaf_hashes.size(); ++i) {
    const int64_t n = n0 + static_cast<int64_t>(i);
    HEGUI_ASSIGN_OR_RETURN(std::vector<Hash> add, StoredHashesForLeaf(n, leaf_hashes[i], reader));
    for (const Hash& h : add) bytes.append(h.view());
    // Leaf n completes the subtree of level m (= add.size() - 1) ending with
    // it, the new frontier node of that level; those below it are merged.
    const int m = static_cast<int>(add.size()) - 1;
    frontier_[m] = {StoredHashIndex(m, ((n + 1) >> m) - 1), add.back()};
    for (int level = 0; level < m; ++level) frontier_[level].first = -1;
  }
  off_t at = static_cast<off_t>(kTreeHashHeaderSize + 32 * base);
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t w = pwrite(fd_, bytes.data() + done, bytes.size() - done, at);
    if (w < 0) {
      if (errno == EINTR) continue;
      return OsError(path_, "write failed");
    }
    done += static_cast<size_t>(w);
    at += w;
  }
  const int64_t n = n0 + static_cast<int64_t>(leaf_hashes.size());
  leaves_.store(n, std::memory_order_release);
  frontier_leaves_ = n;
  return OkStatus();
}

Status TreeHashFile::TruncateToLeaves(int64_t n) {
  frontier_leaves_ = -1;
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
