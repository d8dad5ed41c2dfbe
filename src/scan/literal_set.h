// LiteralSet: exact multi-literal matching over bytes, tuned for large
// lexicons of short Chinese and Latin terms (hundreds of thousands of terms
// where Vectorscan's literal engines slow down: with 100k random Han terms
// almost every lead byte pair in Chinese text starts some literal).
//
// Scan() reports every occurrence (overlapping ones included) of every
// literal in a text. Design: each literal is keyed on its first K = min(len,
// 6) bytes (two Han characters, or six Latin letters). At every position whose
// byte starts some literal (in UTF-8 text with UTF-8 literals, never a
// continuation byte), the scanner forms the key for each key length that
// literals starting with that byte use, and
// tests it in a blocked Bloom filter (one 64-bit word per key, two bits; about
// 32 bits per key, so ~0.5% false positives); a key that passes is looked up
// in an open-addressing table giving the literals that share it, and each is
// compared in full. The result is exact: the filter only skips positions
// where no key can match, and every reported hit is compared byte for byte.
//
// Cost: building O(n log n) in the number of literals (well under a second
// for 1M); memory about 32 bits of filter + ~45 bytes of tables per literal
// plus the literal bytes. Scanning: a table lookup per byte, one filter probe
// per character that can start a literal and key length in use.
//
// Thread-safety: immutable after Build(); Scan() may run concurrently.
#ifndef HEGUI_SCAN_LITERAL_SET_H_
#define HEGUI_SCAN_LITERAL_SET_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace hegui::scan {

class LiteralSet {
 public:
  // Longest key in bytes: two 3-byte Han characters.
  static constexpr size_t kMaxKey = 6;

  LiteralSet() = default;
  // `literals[i]` gets id i; all must be non-empty. Duplicates are allowed
  // (each is reported under its own id).
  static LiteralSet Build(const std::vector<std::string_view>& literals);

  // Calls on_hit(id, begin, end) for every occurrence [begin, end) of every
  // literal in `text`, in order of begin. `padded`: the caller guarantees
  // that kPadding initialised bytes after the text may be read (they are
  // never part of a match); this spares the slower end-of-text loop.
  // Returns where a scan of the text extended by more bytes must resume: the
  // first position at which a literal could still begin whose end lies past
  // the text (a key cut off by the end, or a key that matched a literal
  // longer than what is left); text.size() if there is none. Every other
  // position's outcome is final.
  static constexpr size_t kPadding = 8;
  template <typename OnHit>
  size_t Scan(std::string_view text, OnHit&& on_hit, bool padded = false) const;

  size_t size() const { return lits_.size(); }
  size_t MemoryBytes() const;

 private:
  struct Lit {
    uint32_t offset;  // Into pool_.
    uint32_t length;
    uint32_t id;
  };
  struct Slot {
    uint64_t key;    // Key bytes | length << 56; 0 = empty (a key is never 0).
    uint32_t first;  // Index into lits_ of the first literal with this key.
    uint32_t count;
  };

  // The table's hash (off the hot path).
  static uint64_t Mix(uint64_t k) {
    k *= 0x9E3779B97F4A7C15ull;
    k ^= k >> 29;
    k *= 0xBF58476D1CE4E5B9ull;
    k ^= k >> 32;
    return k;
  }
  static uint64_t Load(const unsigned char* p, size_t avail) {
    uint64_t w = 0;
    std::memcpy(&w, p, avail < 8 ? avail : 8);
    return w;
  }
  // The filter's hash: one multiply; the word index comes from the top bits,
  // the two bit positions from the low bits after folding the top half in.
  static uint64_t FilterHash(uint64_t k) {
    k *= 0x9E3779B97F4A7C15ull;
    return k ^ (k >> 32);
  }
  // Looks the key up and reports the literals with it that match at j;
  // returns true if one of them is longer than the text left at j.
  template <typename OnHit>
  [[gnu::noinline]] bool Verify(const unsigned char* p, size_t n, size_t j, uint64_t key,
                                unsigned len, OnHit& on_hit) const;

  std::vector<uint64_t> bloom_;      // Blocked Bloom filter over keys.
  unsigned bloom_shift_ = 61;        // Word index = FilterHash >> bloom_shift_.
  std::vector<Slot> slots_;          // Open addressing, power-of-two size.
  std::vector<Lit> lits_;            // Sorted by key.
  std::string pool_;                 // Literal bytes in lits_ order.
  unsigned lens_by_byte_[256] = {};  // Bit L: a literal with key length L starts with this byte.
};

template <typename OnHit>
bool LiteralSet::Verify(const unsigned char* p, size_t n, size_t j, uint64_t key, unsigned len,
                        OnHit& on_hit) const {
  const size_t mask = slots_.size() - 1;
  for (size_t s = Mix(key) & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.key == 0) return false;
    if (slot.key != key) continue;
    bool open = false;
    for (uint32_t k = slot.first; k < slot.first + slot.count; ++k) {
      const Lit& lit = lits_[k];
      if (lit.length > n - j) {
        open = true;
      } else if (std::memcmp(p + j + len, pool_.data() + lit.offset + len, lit.length - len) == 0) {
        on_hit(lit.id, j, j + lit.length);
      }
    }
    return open;
  }
}

template <typename OnHit>
size_t LiteralSet::Scan(std::string_view text, OnHit&& on_hit, bool padded) const {
  if (lits_.empty()) return text.size();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const uint64_t* bloom = bloom_.data();
  const unsigned shift = bloom_shift_;
  size_t resume = n;
  // Tests the key of length `len` of the bytes `word` at j (len <= n - j).
  auto probe_key = [&](size_t j, uint64_t word, unsigned len) {
    uint64_t key = (word & ((uint64_t{1} << (8 * len)) - 1)) | (static_cast<uint64_t>(len) << 56);
    uint64_t h = FilterHash(key);
    uint64_t bits = (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63));
    if ((bloom[h >> shift] & bits) == bits) [[unlikely]] {
      if (Verify(p, n, j, key, len, on_hit)) resume = std::min(resume, j);
    }
  };
  // Probes the keys of lengths `lens` (a bit set, lowest first) at j.
  auto probe = [&](size_t j, uint64_t word, unsigned lens) {
    do {
      unsigned len = static_cast<unsigned>(__builtin_ctz(lens));
      lens &= lens - 1;
      if (len > n - j) {
        resume = std::min(resume, j);
        return;
      }
      probe_key(j, word, len);
    } while (lens != 0);
  };
  size_t j = 0;
  // Positions where every key fits and 8 bytes may be read; the usual case
  // of one key length per first byte takes no loop. A byte no literal starts
  // with (in UTF-8 text: every continuation byte, when literals are UTF-8)
  // costs one table lookup.
  const size_t readable_end = padded ? n : (n >= 8 ? n - 7 : 0);
  const size_t full_end = std::min(readable_end, n >= kMaxKey ? n - kMaxKey + 1 : 0);
  for (; j < full_end; ++j) {
    const unsigned lens = lens_by_byte_[p[j]];
    if (lens == 0) continue;
    uint64_t word;
    std::memcpy(&word, p + j, 8);
    if ((lens & (lens - 1)) == 0) {
      probe_key(j, word, static_cast<unsigned>(__builtin_ctz(lens)));
    } else {
      probe(j, word, lens);
    }
  }
  for (; j < readable_end; ++j) {
    const unsigned lens = lens_by_byte_[p[j]];
    if (lens == 0) continue;
    uint64_t word;
    std::memcpy(&word, p + j, 8);
    probe(j, word, lens);
  }
  for (; j < n; ++j) {
    const unsigned lens = lens_by_byte_[p[j]];
    if (lens != 0) probe(j, Load(p + j, n - j), lens);
  }
  return resume;
}

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_LITERAL_SET_H_
