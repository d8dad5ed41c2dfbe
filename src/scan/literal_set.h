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
// The filter stage runs on 64-byte words of positions: with AVX2 a byte
// shuffle finds the positions whose byte starts a literal 32 bytes at a
// time, and each is tested in about 20 instructions without a branch (BMI2
// shifts); other CPUs use a table lookup per byte (same results).
//
// Cost: building O(n log n) in the number of literals (well under a second
// for 1M); memory about 32 bits of filter + ~45 bytes of tables per literal
// plus the literal bytes. Scanning: one filter probe per position whose byte
// starts a literal and key length in use (about 1 ns per probe); nothing for
// other bytes.
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

  // Tests and benchmarks: false makes every scan take the portable path
  // instead of AVX2/BMI2 (the results are the same). Returns the previous
  // setting; process-wide.
  static bool SetSimdEnabled(bool on);

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
  static uint64_t KeyMask(unsigned len) { return (uint64_t{1} << (8 * len)) - 1; }
  // The filter test for the key bytes `bytes` (a key without its length):
  // one multiply; the top bits of the product pick the filter word, the next
  // two fields of six bits the two bits in it.
  static constexpr uint64_t kFilterMul = 0x9E3779B97F4A7C15ull;
  bool MayContain(uint64_t bytes) const {
    const uint64_t h = bytes * kFilterMul;
    const uint64_t bits = (uint64_t{1} << ((h >> (bloom_shift_ - 6)) & 63)) |
                          (uint64_t{1} << ((h >> (bloom_shift_ - 12)) & 63));
    return (bloom_[h >> bloom_shift_] & bits) == bits;
  }
  // Looks the key up and reports the literals with it that match at j;
  // returns true if one of them is longer than the text left at j.
  template <typename OnHit>
  [[gnu::noinline]] bool Verify(const unsigned char* p, size_t n, size_t j, uint64_t key,
                                unsigned len, OnHit& on_hit) const;

  // Sets bit k of out[w] iff at p + 64 * w + k some literal starts with
  // that byte and one of the keys there passes the filter (MayContain),
  // for w < words (<= kBlockWords). Every key must fit: reads up to 8 bytes
  // from each position, i.e. p[0, 64 * words + 7). Fast path (AVX2 and BMI2,
  // where the CPU has them): the positions whose byte starts a literal are
  // found 32 bytes at a time, the others cost nothing.
  static constexpr size_t kBlockWords = 16;
  void FilterBits(const unsigned char* p, size_t words, uint64_t* out) const;
  friend struct LiteralSetFilter;

  std::vector<uint64_t> bloom_;      // Blocked Bloom filter over key bytes.
  unsigned bloom_shift_ = 61;        // Word index = (bytes * kFilterMul) >> bloom_shift_.
  std::vector<Slot> slots_;          // Open addressing, power-of-two size.
  std::vector<Lit> lits_;            // Sorted by key.
  std::string pool_;                 // Literal bytes in lits_ order.
  unsigned lens_by_byte_[256] = {};  // Bit L: a literal with key length L starts with this byte.
  // KeyMask(L) when all literals starting with the byte have key length L;
  // 0 when none or several lengths.
  uint64_t single_mask_[256] = {};
  // The bytes that start a literal, as two nibble tables for a byte shuffle:
  // bit h & 7 of starts_lo_[b & 15] (h = b >> 4 < 8) or of starts_hi_[b & 15]
  // (h >= 8) is set iff byte b starts some literal.
  alignas(16) uint8_t starts_lo_[16] = {};
  alignas(16) uint8_t starts_hi_[16] = {};
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
  size_t resume = n;
  // Looks up every key at j whose length is in `lens` and that passes the
  // filter.
  auto probe = [&](size_t j, uint64_t word, unsigned lens) {
    do {
      const unsigned len = static_cast<unsigned>(__builtin_ctz(lens));
      lens &= lens - 1;
      if (len > n - j) {
        resume = std::min(resume, j);
        return;
      }
      const uint64_t bytes = word & KeyMask(len);
      if (MayContain(bytes)) [[unlikely]] {
        if (Verify(p, n, j, bytes | (uint64_t{len} << 56), len, on_hit)) {
          resume = std::min(resume, j);
        }
      }
    } while (lens != 0);
  };
  // Positions where every key fits and 8 bytes may be read.
  const size_t readable_end = padded ? n : (n >= 8 ? n - 7 : 0);
  const size_t full_end = std::min(readable_end, n >= kMaxKey ? n - kMaxKey + 1 : 0);
  // Whole 64-byte words of such positions go through FilterBits, which
  // leaves only the rare positions where some key passes the filter.
  const size_t bits_end = full_end & ~size_t{63};
  uint64_t bits[kBlockWords];
  for (size_t block = 0; block < bits_end; block += 64 * kBlockWords) {
    const size_t words = std::min(kBlockWords, (bits_end - block) / 64);
    FilterBits(p + block, words, bits);
    for (size_t w = 0; w < words; ++w) {
      for (uint64_t m = bits[w]; m != 0; m &= m - 1) [[unlikely]] {
          const size_t j = block + 64 * w + static_cast<size_t>(__builtin_ctzll(m));
          uint64_t word;
          std::memcpy(&word, p + j, 8);
          probe(j, word, lens_by_byte_[p[j]]);
        }
    }
  }
  // The rest byte by byte: a byte no literal starts with costs one lookup.
  size_t j = bits_end;
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
