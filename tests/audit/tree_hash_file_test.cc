// TreeHashFile: appends in batches of every size (computed from the cached
// frontier), across reopen and truncation, store exactly the hashes that
// MemoryHashStore computes leaf by leaf.
#include "audit/tree_hash_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "audit/log_dir.h"
#include "test_dir.h"

namespace hegui::audit {
namespace {

Hash LeafNumber(int i) { return LeafHash("leaf " + std::to_string(i)); }

std::unique_ptr<TreeHashFile> OpenFile(const std::string& path) {
  StatusOr<std::unique_ptr<TreeHashFile>> file = TreeHashFile::Open(path, true);
  EXPECT_TRUE(file.ok()) << file.status().ToString();
  return file.ok() ? std::move(*file) : nullptr;
}

void ExpectSameHashes(const TreeHashFile& file, const MemoryHashStore& memory) {
  ASSERT_EQ(file.leaves(), memory.size());
  std::vector<int64_t> all(memory.hashes().size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int64_t>(i);
  StatusOr<std::vector<Hash>> stored = file.ReadHashes(all);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ASSERT_EQ(stored->size(), memory.hashes().size());
  for (size_t i = 0; i < all.size(); ++i) {
    ASSERT_TRUE((*stored)[i] == memory.hashes()[i]) << "stored hash " << i;
  }
}

TEST(TreeHashFile, BatchedAppendsMatchLeafByLeafAcrossReopenAndTruncation) {
  TestDir dir;
  std::filesystem::create_directories(dir.path());
  const std::string path = PathIn(dir.path(), "tree.hashes");
  std::mt19937 rng(5);
  MemoryHashStore memory;
  int next = 0;
  auto file = OpenFile(path);
  ASSERT_NE(file, nullptr);
  for (int round = 0; round < 60; ++round) {
    std::vector<Hash> batch;
    const int n = static_cast<int>(rng() % 9);  // Includes empty batches.
    for (int i = 0; i < n; ++i) {
      batch.push_back(LeafNumber(next++));
      memory.AppendLeaf(batch.back());
    }
    ASSERT_TRUE(file->AppendLeaves(batch).ok());
    if (round % 17 == 16) {  // A reopened file loads its frontier from disk.
      file.reset();
      file = OpenFile(path);
      ASSERT_NE(file, nullptr);
    }
  }
  ExpectSameHashes(*file, memory);
  // Truncate to a smaller odd size and append other leaves.
  const int64_t keep = memory.size() / 2 + 1;
  ASSERT_TRUE(file->TruncateToLeaves(keep).ok());
  MemoryHashStore rebuilt;
  for (int i = 0; i < keep; ++i) rebuilt.AppendLeaf(LeafNumber(i));
  std::vector<Hash> more;
  for (int i = 0; i < 37; ++i) {
    more.push_back(LeafNumber(100000 + i));
    rebuilt.AppendLeaf(more.back());
  }
  ASSERT_TRUE(file->AppendLeaves(more).ok());
  ExpectSameHashes(*file, rebuilt);
  file.reset();
  auto reopened = OpenFile(path);
  ASSERT_NE(reopened, nullptr);
  ExpectSameHashes(*reopened, rebuilt);
}

}  // namespace
}  // namespace hegui::audit
