#include "audit/merkle.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hegui::audit {
namespace {

std::string Unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

// The RFC 6962 test leaves used by certificate-transparency implementations.
std::vector<std::string> Leaves() {
  return {Unhex(""),
          Unhex("00"),
          Unhex("10"),
          Unhex("2021"),
          Unhex("3031"),
          Unhex("40414243"),
          Unhex("5051525354555657"),
          Unhex("606162636465666768696a6b6c6d6e6f")};
}

MemoryHashStore StoreOf(int n) {
  MemoryHashStore s;
  std::vector<std::string> leaves = Leaves();
  for (int i = 0; i < n; ++i) s.AppendLeaf(LeafHash(leaves[i]));
  return s;
}

TEST(Merkle, EmptyTreeRootIsHashOfNothing) {
  MemoryHashStore s;
  EXPECT_EQ(TreeHash(0, s)->Hex(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Merkle, KnownRoots) {
  MemoryHashStore s = StoreOf(8);
  EXPECT_EQ(TreeHash(8, s)->Hex(),
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
  EXPECT_EQ(TreeHash(7, s)->Hex(),
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c");
  EXPECT_EQ(TreeHash(1, s)->Hex(),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
}

TEST(Merkle, StoredHashCountMatchesTlog) {
  EXPECT_EQ(StoredHashCount(1), 1);
  EXPECT_EQ(StoredHashCount(2), 3);
  EXPECT_EQ(StoredHashCount(3), 4);
  EXPECT_EQ(StoredHashCount(4), 7);
  EXPECT_EQ(StoredHashIndex(1, 0), 2);
  EXPECT_EQ(StoredHashIndex(2, 0), 6);
  EXPECT_EQ(static_cast<int64_t>(StoreOf(8).hashes().size()), StoredHashCount(8));
}

TEST(Merkle, EveryInclusionProofVerifiesAndDamagedOnesFail) {
  std::vector<std::string> leaves = Leaves();
  MemoryHashStore s = StoreOf(8);
  for (int64_t size = 1; size <= 8; ++size) {
    Hash root = *TreeHash(size, s);
    for (int64_t i = 0; i < size; ++i) {
      std::vector<Hash> proof = *ProveInclusion(i, size, s);
      Hash leaf = LeafHash(leaves[i]);
      EXPECT_TRUE(VerifyInclusion(i, size, leaf, proof, root).ok()) << i << "/" << size;
      Hash wrong_root = root;
      wrong_root.bytes[0] ^= 1;
      EXPECT_FALSE(VerifyInclusion(i, size, leaf, proof, wrong_root).ok());
      std::vector<Hash> extra = proof;
      extra.push_back(root);
      EXPECT_FALSE(VerifyInclusion(i, size, leaf, extra, root).ok());
      if (!proof.empty()) {
        std::vector<Hash> flipped = proof;
        flipped[0].bytes[31] ^= 0x80;
        EXPECT_FALSE(VerifyInclusion(i, size, leaf, flipped, root).ok());
        std::vector<Hash> truncated(proof.begin(), proof.end() - 1);
        EXPECT_FALSE(VerifyInclusion(i, size, leaf, truncated, root).ok());
      }
      if (size > 1) {
        EXPECT_FALSE(VerifyInclusion((i + 1) % size, size, leaf, proof, root).ok());
      }
    }
  }
}

TEST(Merkle, InclusionProofOfRfc6962Vector) {
  // Leaf 0 in the tree of 8 (certificate-transparency merkle tests).
  MemoryHashStore s = StoreOf(8);
  std::vector<Hash> proof = *ProveInclusion(0, 8, s);
  ASSERT_EQ(proof.size(), 3u);
  EXPECT_EQ(proof[0].Hex(), "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7");
  EXPECT_EQ(proof[1].Hex(), "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e");
  EXPECT_EQ(proof[2].Hex(), "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
}

TEST(Merkle, EveryConsistencyProofVerifiesAndDamagedOnesFail) {
  MemoryHashStore s = StoreOf(8);
  for (int64_t n = 1; n <= 8; ++n) {
    for (int64_t m = 0; m <= n; ++m) {
      std::vector<Hash> proof = *ProveConsistency(m, n, s);
      Hash old_root = *TreeHash(m, s), new_root = *TreeHash(n, s);
      EXPECT_TRUE(VerifyConsistency(m, n, old_root, new_root, proof).ok()) << m << "->" << n;
      if (m > 0 && m < n) {
        Hash bad = old_root;
        bad.bytes[5] ^= 4;
        EXPECT_FALSE(VerifyConsistency(m, n, bad, new_root, proof).ok());
        EXPECT_FALSE(VerifyConsistency(m, n, old_root, bad, proof).ok());
        std::vector<Hash> flipped = proof;
        flipped.back().bytes[0] ^= 1;
        EXPECT_FALSE(VerifyConsistency(m, n, old_root, new_root, flipped).ok());
        std::vector<Hash> truncated(proof.begin(), proof.end() - 1);
        EXPECT_FALSE(VerifyConsistency(m, n, old_root, new_root, truncated).ok());
        std::vector<Hash> extra = proof;
        extra.push_back(new_root);
        EXPECT_FALSE(VerifyConsistency(m, n, old_root, new_root, extra).ok());
      }
    }
  }
}

TEST(Merkle, ConsistencyProofOfRfc6962Vector) {
  // From 4 to 8 leaves the proof is the single right subtree hash.
  MemoryHashStore s = StoreOf(8);
  std::vector<Hash> proof = *ProveConsistency(4, 8, s);
  ASSERT_EQ(proof.size(), 1u);
  EXPECT_EQ(proof[0].Hex(), "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
}

TEST(Merkle, ProofReadsAreLogarithmic) {
  class CountingReader : public HashReader {
   public:
    explicit CountingReader(const MemoryHashStore& s) : s_(s) {}
    StatusOr<std::vector<Hash>> ReadHashes(const std::vector<int64_t>& idx) const override {
      reads += static_cast<int>(idx.size());
      return s_.ReadHashes(idx);
    }
    mutable int reads = 0;

   private:
    const MemoryHashStore& s_;
  };
  MemoryHashStore s;
  for (int i = 0; i < 5000; ++i) s.AppendLeaf(LeafHash(std::to_string(i)));
  CountingReader r(s);
  (void)*ProveInclusion(1234, 4999, r);
  EXPECT_LE(r.reads, 2 * 13 + 2);
  r.reads = 0;
  (void)*ProveConsistency(777, 4999, r);
  EXPECT_LE(r.reads, 3 * 13);
}

}  // namespace
}  // namespace hegui::audit
