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
// AppendLeaves keeps the tree's frontier (the root of each complete subtree
// the leaves decompose into, one per set bit of leaves()) in memory, so that
// an append reads nothing from the file (after the first, which loads it).
//
// Thread-safety: one writer at a time (calls ordered by the caller's lock)
// calls AppendLeaves/TruncateToLeaves/Sync; any thread may call
// ReadHashes/leaves() at the same time, for hashes of the first leaves()
// leaves (which are never rewritten).
#ifndef HEGUI_AUDIT_TREE_HASH_FILE_H_
#define HEGUI_AUDIT_TREE_HASH_FILE_H_

#include <atomic>
#include <memory>
#include <string>
#include <utility>
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
  // Reads the frontier of a tree of `n` leaves from the file.
  Status LoadFrontier(int64_t n);
  const std::string path_;
  const int fd_;
  std::atomic<int64_t> leaves_{0};
  // Writer-owned: frontier_[level] = (stored index, hash) of the frontier
  // node of that level, index -1 if none; valid for frontier_leaves_ leaves
  // (-1: to be loaded).
  std::vector<std::pair<int64_t, Hash>> frontier_;
  int64_t frontier_leaves_ = -1;
};

inline constexpr std::string_view kTreeHashMagic = "HEGUIHSH";
inline constexpr size_t kTreeHashHeaderSize = 16;

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_TREE_HASH_FILE_H_
