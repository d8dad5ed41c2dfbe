#include "scan/literal_set.h"

#include <algorithm>
#include <atomic>
#include <bit>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace hegui::scan {

LiteralSet LiteralSet::Build(const std::vector<std::string_view>& literals) {
  LiteralSet set;
  if (literals.empty()) return set;
  struct Keyed {
    uint64_t key;
    uint32_t id;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(literals.size());
  for (uint32_t id = 0; id < literals.size(); ++id) {
    std::string_view lit = literals[id];
    size_t len = std::min(lit.size(), kMaxKey);
    uint64_t key = 0;
    std::memcpy(&key, lit.data(), len);
    key |= static_cast<uint64_t>(len) << 56;
    keyed.push_back({key, id});
    const auto first = static_cast<unsigned char>(lit[0]);
    set.lens_by_byte_[first] |= 1u << len;
    (first < 0x80 ? set.starts_lo_ : set.starts_hi_)[first & 15] |= 1u << ((first >> 4) & 7);
  }
  for (unsigned b = 0; b < 256; ++b) {
    const unsigned lens = set.lens_by_byte_[b];
    if (lens != 0 && (lens & (lens - 1)) == 0) {
      set.single_mask_[b] = KeyMask(static_cast<unsigned>(std::countr_zero(lens)));
    }
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return a.key < b.key || (a.key == b.key && a.id < b.id);
  });

  size_t distinct = 0;
  for (size_t i = 0; i < keyed.size(); ++i) distinct += i == 0 || keyed[i].key != keyed[i - 1].key;
  // About 32 filter bits per key; at least 8 words.
  size_t words = std::bit_ceil(std::max<size_t>(8, distinct / 2));
  set.bloom_.assign(words, 0);
  set.bloom_shift_ = 64 - static_cast<unsigned>(std::countr_zero(words));
  set.slots_.assign(std::bit_ceil(distinct * 2), Slot{0, 0, 0});
  const size_t mask = set.slots_.size() - 1;

  set.lits_.reserve(keyed.size());
  for (size_t i = 0; i < keyed.size();) {
    size_t e = i;
    while (e < keyed.size() && keyed[e].key == keyed[i].key) ++e;
    uint64_t key = keyed[i].key;
    const uint64_t h = (key & KeyMask(kMaxKey)) * kFilterMul;
    set.bloom_[h >> set.bloom_shift_] |= (uint64_t{1} << ((h >> (set.bloom_shift_ - 6)) & 63)) |
                                         (uint64_t{1} << ((h >> (set.bloom_shift_ - 12)) & 63));
    size_t s = Mix(key) & mask;
    while (set.slots_[s].key != 0) s = (s + 1) & mask;
    set.slots_[s] = {key, static_cast<uint32_t>(set.lits_.size()), static_cast<uint32_t>(e - i)};
    for (; i < e; ++i) {
      std::string_view lit = literals[keyed[i].id];
      set.lits_.push_back({static_cast<uint32_t>(set.pool_.size()),
                           static_cast<uint32_t>(lit.size()), keyed[i].id});
      set.pool_.append(lit);
    }
  }
  return set;
}

// FilterBits, compiled twice: for any x86-64 (or other) CPU, and with AVX2
// and BMI2 (one-instruction variable shifts) where the CPU has them.
struct LiteralSetFilter {
  // MayContain with the set's fields held in registers: Passes(q) tells
  // whether a key at q (whose byte starts a literal) passes the filter.
  struct Prober {
    explicit Prober(const LiteralSet& set)
        : set(set),
          bloom(set.bloom_.data()),
          shift(set.bloom_shift_),
          shift1(set.bloom_shift_ - 6),
          shift2(set.bloom_shift_ - 12) {}
    [[gnu::always_inline]] bool MayContain(uint64_t bytes) const {
      const uint64_t h = bytes * LiteralSet::kFilterMul;
      const uint64_t bits =
          (uint64_t{1} << ((h >> shift1) & 63)) | (uint64_t{1} << ((h >> shift2) & 63));
      return (bloom[h >> shift] & bits) == bits;
    }
    [[gnu::always_inline]] bool Passes(const unsigned char* q) const {
      uint64_t word;
      std::memcpy(&word, q, 8);
      const uint64_t mask = set.single_mask_[*q];
      if (mask != 0) [[likely]] {
        return MayContain(word & mask);
      }
      bool pass = false;
      for (unsigned lens = set.lens_by_byte_[*q]; lens != 0; lens &= lens - 1) {
        pass = pass ||
               MayContain(word & LiteralSet::KeyMask(static_cast<unsigned>(__builtin_ctz(lens))));
      }
      return pass;
    }
    const LiteralSet& set;
    const uint64_t* bloom;
    unsigned shift, shift1, shift2;
  };

  // Tests every position of `cand` (bit k of word w: position 64 * w + k,
  // whose byte starts a literal) and keeps those where a key passes.
  [[gnu::always_inline]] static inline void Probe(const LiteralSet& set, const unsigned char* p,
                                                  size_t words, uint64_t* cand) {
    const Prober prober(set);
    for (size_t w = 0; w < words; ++w) {
      const unsigned char* base = p + 64 * w;
      uint64_t passed = 0;
      for (uint64_t m = cand[w]; m != 0; m &= m - 1) {
        const unsigned k = static_cast<unsigned>(__builtin_ctzll(m));
        if (prober.Passes(base + k)) [[unlikely]] {
          passed |= uint64_t{1} << k;
        }
      }
      cand[w] = passed;
    }
  }

  // Any CPU: a table lookup per byte, a probe where it starts a literal.
  static void Generic(const LiteralSet& set, const unsigned char* p, size_t words, uint64_t* out) {
    const Prober prober(set);
    for (size_t w = 0; w < words; ++w) {
      const unsigned char* base = p + 64 * w;
      uint64_t passed = 0;
      for (unsigned k = 0; k < 64; ++k) {
        if (set.lens_by_byte_[base[k]] != 0 && prober.Passes(base + k)) [[unlikely]] {
          passed |= uint64_t{1} << k;
        }
      }
      out[w] = passed;
    }
  }

#if defined(__x86_64__)
  // Bit k set iff q[k] starts a literal, for 32 bytes: each byte's low
  // nibble picks a row of the nibble table (lo_table below 0x80, hi_table
  // from 0x80), its high nibble the bit of that row.
  [[gnu::target("avx2,bmi,bmi2"), gnu::always_inline]] static inline uint32_t Classify32(
      const unsigned char* q, __m256i lo_table, __m256i hi_table, __m256i bit_of_high) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q));
    const __m256i low = _mm256_and_si256(v, nibble);
    const __m256i high = _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble);
    // Bytes >= 0x80 (sign bit set) take the high table.
    const __m256i row = _mm256_blendv_epi8(_mm256_shuffle_epi8(lo_table, low),
                                           _mm256_shuffle_epi8(hi_table, low), v);
    const __m256i hit = _mm256_and_si256(row, _mm256_shuffle_epi8(bit_of_high, high));
    const __m256i none = _mm256_cmpeq_epi8(hit, _mm256_setzero_si256());
    return ~static_cast<uint32_t>(_mm256_movemask_epi8(none));
  }

  [[gnu::target("avx2,bmi,bmi2")]] static void Avx2(const LiteralSet& set, const unsigned char* p,
                                                    size_t words, uint64_t* out) {
    const __m256i lo_table = _mm256_broadcastsi128_si256(
        _mm_load_si128(reinterpret_cast<const __m128i*>(set.starts_lo_)));
    const __m256i hi_table = _mm256_broadcastsi128_si256(
        _mm_load_si128(reinterpret_cast<const __m128i*>(set.starts_hi_)));
    // Bit h & 7 for high nibble h.
    const __m256i bit_of_high =
        _mm256_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16,
                         32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128);
    for (size_t w = 0; w < words; ++w) {
      const unsigned char* q = p + 64 * w;
      out[w] = uint64_t{Classify32(q, lo_table, hi_table, bit_of_high)} |
               (uint64_t{Classify32(q + 32, lo_table, hi_table, bit_of_high)} << 32);
    }
    Probe(set, p, words, out);
  }

  static bool CpuHasAvx2() {
    __builtin_cpu_init();  // Static initialisers may run before libgcc's.
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
           __builtin_cpu_supports("bmi2");
  }
  // False (the portable path) until initialised, should a scan run during
  // static initialisation.
  static inline const bool kHaveAvx2 = CpuHasAvx2();
#endif
  static inline std::atomic<bool> simd_enabled{true};
};

bool LiteralSet::SetSimdEnabled(bool on) {
  return LiteralSetFilter::simd_enabled.exchange(on, std::memory_order_relaxed);
}

void LiteralSet::FilterBits(const unsigned char* p, size_t words, uint64_t* out) const {
#if defined(__x86_64__)
  if (LiteralSetFilter::kHaveAvx2 &&
      LiteralSetFilter::simd_enabled.load(std::memory_order_relaxed)) {
    LiteralSetFilter::Avx2(*this, p, words, out);
    return;
  }
#endif
  LiteralSetFilter::Generic(*this, p, words, out);
}

size_t LiteralSet::MemoryBytes() const {
  return bloom_.size() * sizeof(uint64_t) + slots_.size() * sizeof(Slot) +
         lits_.size() * sizeof(Lit) + pool_.size() + sizeof(lens_by_byte_) + sizeof(single_mask_) +
         sizeof(starts_lo_) + sizeof(starts_hi_);
}

}  // namespace hegui::scan
