#include "audit/merkle.h"

#include <openssl/evp.h>

#include <bit>

namespace hegui::audit {
namespace {

Status ProofError(std::string why) { return DataLossError("proof does not verify: " + why); }

// Largest power of two strictly smaller than n (n >= 2), and its log2.
int64_t SplitPoint(int64_t n, int* level = nullptr) {
  int l = 0;
  while ((int64_t{1} << (l + 1)) < n) ++l;
  if (level) *level = l;
  return int64_t{1} << l;
}

// Hash of leaves [lo, hi), lo aligned so that the range splits into complete
// subtrees from the left (true for every range the RFC 6962 recursion asks for).
StatusOr<Hash> RangeHash(int64_t lo, int64_t hi, const HashReader& r) {
  std::vector<int64_t> need;
  while (lo < hi) {
    int level;
    int64_t k = SplitPoint(hi - lo + 1, &level);
    if ((lo & (k - 1)) != 0) return InternalError("merkle: unaligned subtree range");
    need.push_back(StoredHashIndex(level, lo >> level));
    lo += k;
  }
  if (need.empty()) return InternalError("merkle: empty subtree range");
  HEGUI_ASSIGN_OR_RETURN(std::vector<Hash> h, r.ReadHashes(need));
  if (h.size() != need.size()) return InternalError("merkle: hash reader returned wrong count");
  Hash acc = h.back();
  for (size_t i = h.size() - 1; i-- > 0;) acc = NodeHash(h[i], acc);
  return acc;
}

Status Path(int64_t m, int64_t lo, int64_t hi, const HashReader& r, std::vector<Hash>* out) {
  if (hi - lo <= 1) return OkStatus();
  int64_t k = SplitPoint(hi - lo);
  if (m < lo + k) {
    HEGUI_RETURN_IF_ERROR(Path(m, lo, lo + k, r, out));
    HEGUI_ASSIGN_OR_RETURN(Hash h, RangeHash(lo + k, hi, r));
    out->push_back(h);
  } else {
    HEGUI_RETURN_IF_ERROR(Path(m, lo + k, hi, r, out));
    HEGUI_ASSIGN_OR_RETURN(Hash h, RangeHash(lo, lo + k, r));
    out->push_back(h);
  }
  return OkStatus();
}

Status SubProof(int64_t m, int64_t lo, int64_t hi, bool whole, const HashReader& r,
                std::vector<Hash>* out) {
  int64_t n = hi - lo;
  if (m == n) {
    if (!whole) {
      HEGUI_ASSIGN_OR_RETURN(Hash h, RangeHash(lo, hi, r));
      out->push_back(h);
    }
    return OkStatus();
  }
  int64_t k = SplitPoint(n);
  if (m <= k) {
    HEGUI_RETURN_IF_ERROR(SubProof(m, lo, lo + k, whole, r, out));
    HEGUI_ASSIGN_OR_RETURN(Hash h, RangeHash(lo + k, hi, r));
    out->push_back(h);
  } else {
    HEGUI_RETURN_IF_ERROR(SubProof(m - k, lo + k, hi, false, r, out));
    HEGUI_ASSIGN_OR_RETURN(Hash h, RangeHash(lo, lo + k, r));
    out->push_back(h);
  }
  return OkStatus();
}

}  // namespace

std::string Hash::Hex() const {
  static const char* kDigits = "0123456789abcdef";
  std::string s;
  s.reserve(64);
  for (uint8_t b : bytes) {
    s.push_back(kDigits[b >> 4]);
    s.push_back(kDigits[b & 15]);
  }
  return s;
}

StatusOr<Hash> Hash::FromHex(std::string_view hex) {
  if (hex.size() != 64) return InvalidArgumentError("hash: expected 64 hex digits");
  Hash h;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < 32; ++i) {
    int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return InvalidArgumentError("hash: not a hex digit");
    h.bytes[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return h;
}

StatusOr<Hash> Hash::FromBytes(std::string_view raw) {
  if (raw.size() != 32) return InvalidArgumentError("hash: expected 32 bytes");
  Hash h;
  for (size_t i = 0; i < 32; ++i) h.bytes[i] = static_cast<uint8_t>(raw[i]);
  return h;
}

namespace {

// One digest context per thread, reused: hashing runs on every appending
// thread at once, and OpenSSL 3's one-shot SHA256() fetches the algorithm on
// every call.
struct DigestContext {
  EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~DigestContext() {
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
  }
  Hash Digest(std::string_view a, std::string_view b) {
    Hash h;
    EVP_DigestInit_ex(ctx, md, nullptr);
    EVP_DigestUpdate(ctx, a.data(), a.size());
    EVP_DigestUpdate(ctx, b.data(), b.size());
    EVP_DigestFinal_ex(ctx, h.bytes.data(), nullptr);
    return h;
  }
};

thread_local DigestContext t_digest;

}  // namespace

Hash Sha256(std::string_view data) { return t_digest.Digest(data, {}); }

Hash LeafHash(std::string_view record) {
  return t_digest.Digest(std::string_view("\0", 1), record);
}

Hash NodeHash(const Hash& left, const Hash& right) {
  char buf[65];
  buf[0] = 1;
  std::copy(left.bytes.begin(), left.bytes.end(), buf + 1);
  std::copy(right.bytes.begin(), right.bytes.end(), buf + 33);
  return t_digest.Digest(std::string_view(buf, sizeof buf), {});
}

Hash EmptyTreeHash() { return Sha256(""); }

int64_t StoredHashIndex(int level, int64_t index) {
  // Level L's n'th hash is written right after level L+1's 2n+1'th hash (tlog).
  for (int l = level; l > 0; --l) index = 2 * index + 1;
  int64_t i = 0;
  for (; index > 0; index >>= 1) i += index;
  return i + level;
}

int64_t StoredHashCount(int64_t n) {
  if (n == 0) return 0;
  int64_t count = StoredHashIndex(0, n - 1) + 1;
  for (uint64_t i = static_cast<uint64_t>(n - 1); (i & 1) != 0; i >>= 1) ++count;
  return count;
}

StatusOr<std::vector<Hash>> StoredHashesForLeaf(int64_t n, const Hash& leaf, const HashReader& r) {
  std::vector<Hash> out{leaf};
  const int m = std::countr_zero(static_cast<uint64_t>(n + 1));
  if (m == 0) return out;
  std::vector<int64_t> indexes(m);
  for (int i = 0; i < m; ++i) indexes[m - 1 - i] = StoredHashIndex(i, (n >> i) - 1);
  HEGUI_ASSIGN_OR_RETURN(std::vector<Hash> old, r.ReadHashes(indexes));
  Hash h = leaf;
  for (int i = 0; i < m; ++i) {
    h = NodeHash(old[m - 1 - i], h);
    out.push_back(h);
  }
  return out;
}

StatusOr<Hash> TreeHash(int64_t n, const HashReader& r) {
  if (n == 0) return EmptyTreeHash();
  return RangeHash(0, n, r);
}

StatusOr<std::vector<Hash>> ProveInclusion(int64_t index, int64_t size, const HashReader& r) {
  if (index < 0 || index >= size) {
    return InvalidArgumentError("inclusion proof: index " + std::to_string(index) +
                                " is not below tree size " + std::to_string(size));
  }
  std::vector<Hash> out;
  HEGUI_RETURN_IF_ERROR(Path(index, 0, size, r, &out));
  return out;
}

StatusOr<std::vector<Hash>> ProveConsistency(int64_t old_size, int64_t new_size,
                                             const HashReader& r) {
  if (old_size < 0 || old_size > new_size) {
    return InvalidArgumentError("consistency proof: old size " + std::to_string(old_size) +
                                " is not within 0.." + std::to_string(new_size));
  }
  std::vector<Hash> out;
  if (old_size == 0 || old_size == new_size) return out;
  HEGUI_RETURN_IF_ERROR(SubProof(old_size, 0, new_size, true, r, &out));
  return out;
}

Status VerifyInclusion(int64_t index, int64_t size, const Hash& leaf,
                       const std::vector<Hash>& proof, const Hash& root) {
  if (index < 0 || index >= size) return ProofError("index outside the tree");
  uint64_t fn = static_cast<uint64_t>(index), sn = static_cast<uint64_t>(size - 1);
  Hash r = leaf;
  for (const Hash& p : proof) {
    if (sn == 0) return ProofError("proof has extra hashes");
    if ((fn & 1) || fn == sn) {
      r = NodeHash(p, r);
      while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return ProofError("proof is too short");
  if (!(r == root)) return ProofError("computed root differs from the tree root");
  return OkStatus();
}

Status VerifyConsistency(int64_t old_size, int64_t new_size, const Hash& old_root,
                         const Hash& new_root, const std::vector<Hash>& proof) {
  if (old_size < 0 || old_size > new_size) return ProofError("old size exceeds new size");
  if (old_size == new_size) {
    if (!proof.empty()) return ProofError("proof must be empty for equal sizes");
    if (!(old_root == new_root)) return ProofError("roots differ for equal sizes");
    return OkStatus();
  }
  if (old_size == 0) {
    if (!proof.empty()) return ProofError("proof must be empty from the empty tree");
    return OkStatus();
  }
  if (proof.empty()) return ProofError("proof is empty");
  std::vector<Hash> path;
  if (std::has_single_bit(static_cast<uint64_t>(old_size))) path.push_back(old_root);
  path.insert(path.end(), proof.begin(), proof.end());
  uint64_t fn = static_cast<uint64_t>(old_size - 1), sn = static_cast<uint64_t>(new_size - 1);
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path[0], sr = path[0];
  for (size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) return ProofError("proof has extra hashes");
    if ((fn & 1) || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return ProofError("proof is too short");
  if (!(fr == old_root)) return ProofError("proof does not lead to the old root");
  if (!(sr == new_root)) return ProofError("proof does not lead to the new root");
  return OkStatus();
}

void MemoryHashStore::AppendLeaf(const Hash& leaf) {
  StatusOr<std::vector<Hash>> add = StoredHashesForLeaf(leaves_, leaf, *this);
  // Reads from a complete in-memory store cannot fail.
  for (const Hash& h : *add) hashes_.push_back(h);
  ++leaves_;
}

StatusOr<std::vector<Hash>> MemoryHashStore::ReadHashes(const std::vector<int64_t>& indexes) const {
  std::vector<Hash> out;
  out.reserve(indexes.size());
  for (int64_t i : indexes) {
    if (i < 0 || i >= static_cast<int64_t>(hashes_.size())) {
      return DataLossError("stored hash " + std::to_string(i) + " is missing");
    }
    out.push_back(hashes_[i]);
  }
  return out;
}

}  // namespace hegui::audit
