// TreeHashFile: the stored hashes of the log's Merkle tree (merkle.h layout)
// in the file "tree.hashes" of a log directory, so that proofs cost O(log n)
// reads and survive the purge of old segments.
//
//   file := magic[8] "HEGUIHSH" | version u32 | reserved u32 (0) | hash[32]*
//
// Hash k (StoredHashIndex order) is at byte 16 + 32k. The file holds
// StoredHashCount(leaves()) hashes; anything past that (a crash mid-append) is
// cut off by Open(). Hashes can always be recomputed from the records, except
// those of purged segments: Sync() is called before a purge.
//
// Thread-safety: one writer thread calls AppendLeaves/TruncateToLeaves/Sync;
// any thread may call ReadHashes/leaves() at the same time, for hashes of the
// first leaves() leaves (which are never rewritten).
#ifndef HEGUI_AUDIT_TREE_HASH_FILE_H_
#define HEGUI_AUDIT_TREE_HASH_FILE_H_

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "audit/merkle.h"
#include "core/status_or.h"

namespace hegui::audit {

class TreeHashFile : public HashReader {
 public:
  // Opens (creating when `writable`) the file at `path`.
  static StatusOr<std::unique_ptr<TreeHashFile>> Open(const std::string& path, bool writable);
  ~TreeHashFile() override;
  TreeHashFile(const TreeHashFile&) = delete;
  TreeHashFile& operator=(const TreeHashFile&) = delete;

  int64_t leaves() const { return leaves_.load(std::memory_order_acquire); }

  // Appends the leaves' hashes and the subtree hashes they complete (one write).
  Status AppendLeaves(const std::vector<Hash>& leaf_hashes);
  // Drops every leaf at or after `n` (recovery after a crash).
  Status TruncateToLeaves(int64_t n);
  Status Sync();

  StatusOr<std::vector<Hash>> ReadHashes(const std::vector<int64_t>& indexes) const override;
  StatusOr<Hash> LeafHashAt(int64_t leaf) const;

 private:
  TreeHashFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  const std::string path_;
  const int fd_;
  std::atomic<int64_t> leaves_{0};
};

inline constexpr std::string_view kTreeHashMagic = "HEGUIHSH";
inline constexpr size_t kTreeHashHeaderSize = 16;

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_TREE_HASH_FILE_H_
