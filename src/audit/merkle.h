// RFC 6962 Merkle tree hashing over the audit log, with inclusion and
// consistency proofs computed from stored subtree hashes.
//
//   leaf hash = SHA-256(0x00 || record bytes)
//   node hash = SHA-256(0x01 || left || right)
//   root of the empty tree = SHA-256("")
//
// Stored hashes: the hash of every complete subtree (level L covers 2^L
// leaves, index K covers leaves [K*2^L, (K+1)*2^L)) is kept in the order
// golang.org/x/mod/sumdb/tlog uses (StoredHashIndex), so that appending leaf n
// appends the leaf hash followed by the hashes of the subtrees it completes.
// With those stored, TreeHash, ProveInclusion and ProveConsistency read
// O(log n) hashes; they never rebuild the tree.
//
// Proofs are RFC 6962 audit paths (PATH) and consistency proofs (SUBPROOF),
// which is also what tlog.CheckRecord and tlog.CheckTree accept.
// Thread-safety: the free functions are pure; a HashReader's own rules apply.
#ifndef HEGUI_AUDIT_MERKLE_H_
#define HEGUI_AUDIT_MERKLE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/status_or.h"

namespace hegui::audit {

// A SHA-256 value; a distinct type so that it cannot be confused with other bytes.
struct Hash {
  std::array<uint8_t, 32> bytes{};
  friend bool operator==(const Hash&, const Hash&) = default;
  std::string_view view() const {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
  }
  std::string Hex() const;
  static StatusOr<Hash> FromHex(std::string_view hex);
  static StatusOr<Hash> FromBytes(std::string_view raw);  // Exactly 32 bytes.
};

Hash Sha256(std::string_view data);
Hash LeafHash(std::string_view record);
Hash NodeHash(const Hash& left, const Hash& right);
Hash EmptyTreeHash();

// Position of the hash of the complete subtree (level, index) in the stored
// sequence; StoredHashCount(n) hashes are stored for a tree of n leaves.
int64_t StoredHashIndex(int level, int64_t index);
int64_t StoredHashCount(int64_t n);

// Supplies stored hashes by their StoredHashIndex positions.
class HashReader {
 public:
  virtual ~HashReader() = default;
  // Returns the hashes at `indexes`, in that order, or an error.
  virtual StatusOr<std::vector<Hash>> ReadHashes(const std::vector<int64_t>& indexes) const = 0;
};

// The hashes that must be stored after leaf `n` (0-based) with hash `leaf`:
// the leaf hash, then each subtree the leaf completes. Reads O(log n) stored hashes.
StatusOr<std::vector<Hash>> StoredHashesForLeaf(int64_t n, const Hash& leaf, const HashReader& r);

// The root of the first `n` leaves.
StatusOr<Hash> TreeHash(int64_t n, const HashReader& r);

// Audit path proving that leaf `index` is in the tree of size `size`.
StatusOr<std::vector<Hash>> ProveInclusion(int64_t index, int64_t size, const HashReader& r);

// Proof that the tree of size `old_size` is a prefix of the tree of size `new_size`.
StatusOr<std::vector<Hash>> ProveConsistency(int64_t old_size, int64_t new_size,
                                             const HashReader& r);

// RFC 9162 section 2.1.3.2. OK if `proof` shows `leaf` at `index` under `root`
// of a tree of `size` leaves; DataLoss saying why otherwise.
Status VerifyInclusion(int64_t index, int64_t size, const Hash& leaf,
                       const std::vector<Hash>& proof, const Hash& root);

// RFC 9162 section 2.1.4.2.
Status VerifyConsistency(int64_t old_size, int64_t new_size, const Hash& old_root,
                         const Hash& new_root, const std::vector<Hash>& proof);

// Keeps the hashes of a growing tree in memory (tests, the verifier's rebuild).
class MemoryHashStore : public HashReader {
 public:
  void AppendLeaf(const Hash& leaf);  // Stores the leaf and the subtrees it completes.
  int64_t size() const { return leaves_; }
  const std::vector<Hash>& hashes() const { return hashes_; }
  StatusOr<std::vector<Hash>> ReadHashes(const std::vector<int64_t>& indexes) const override;

 private:
  std::vector<Hash> hashes_;
  int64_t leaves_ = 0;
};

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_MERKLE_H_
