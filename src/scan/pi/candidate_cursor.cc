#include "scan/pi/candidate_cursor.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <vector>

#include "scan/pi/labelled_pi.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace hegui::scan {
namespace {

// True if text[k] may be a candidate (see the header): '0'-'9' and ':'
// (0x30-0x3A), '@'; 'A'-'Z' three bytes after a lead byte >= 0xE0; with
// labels, the lead bytes 0xE3-0xE9 (pi_text::kCjkLead).
inline bool IsCandidateAt(const char* text, size_t k, bool labels) {
  const auto c = static_cast<uint8_t>(text[k]);
  if (static_cast<uint8_t>(c - 0x30) <= 0x0A || c == '@') return true;
  if (static_cast<uint8_t>(c - 'A') <= 'Z' - 'A') {
    return k >= 3 && static_cast<uint8_t>(text[k - 3]) >= 0xE0;
  }
  return labels && static_cast<uint8_t>(c - 0xE3) <= 0x06;
}

// Bit k set if text[from + k] may be a candidate, for k < size <= 64.
uint64_t PortableMask(const char* text, size_t from, size_t size, bool labels) {
  uint64_t mask = 0;
  for (size_t k = 0; k < size; ++k) mask |= uint64_t{IsCandidateAt(text, from + k, labels)} << k;
  return mask;
}

// What a byte is to NextByByte.
enum ByteKind : uint8_t {
  kPlain = 0,
  kAlways = 1,   // a digit, ':' or '@'
  kCapital = 2,  // a candidate three bytes after a lead byte >= 0xE0
  kLead = 3,     // 0xE3-0xE9: a candidate when labels are looked for
};
constexpr std::array<uint8_t, 256> kByteKind = [] {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= ':'; ++c) t[c] = kAlways;
  t['@'] = kAlways;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kCapital;
  for (int c = 0xE3; c <= 0xE9; ++c) t[c] = kLead;
  return t;
}();

#if defined(__x86_64__)

// Nibble tables for the label-start test. Each label goes into one of 8
// buckets (labels sorted by their first two characters, cut into 8 runs, so
// that a bucket's labels share most nibbles). A position p may start a label
// only if the eight lookups below, four on the character at p and four on the
// one at p + 3, share a bucket bit: a superset of the label starts, about one
// Han character in a few hundred in chat text.
struct CharNibbles {
  alignas(16) uint8_t lead_low[16];  // by b0 & 0x0F
  alignas(16) uint8_t b1_low[16];    // by b1 & 0x0F
  alignas(16) uint8_t b2_low[16];    // by b2 & 0x0F
  alignas(16) uint8_t high[16];      // by (b1 >> 4 & 3) | (b2 >> 4 & 3) << 2
};
struct LabelNibbles {
  CharNibbles first;   // the label's first character
  CharNibbles second;  // its second character
  // The eight tables above (first's four, then second's) each repeated in
  // four 16-byte lanes, for AVX-512.
  alignas(64) uint8_t wide[8][64];
};

void AddChar(const char* c, uint8_t bucket, CharNibbles* t) {
  const auto b0 = static_cast<uint8_t>(c[0]);
  const auto b1 = static_cast<uint8_t>(c[1]);
  const auto b2 = static_cast<uint8_t>(c[2]);
  t->lead_low[b0 & 0x0F] |= bucket;
  t->b1_low[b1 & 0x0F] |= bucket;
  t->b2_low[b2 & 0x0F] |= bucket;
  t->high[(b1 >> 4 & 3) | (b2 >> 4 & 3) << 2] |= bucket;
}

LabelNibbles BuildLabelNibbles() {
  std::vector<std::string_view> labels = LabelTexts();  // each at least 2 characters
  std::sort(labels.begin(), labels.end());
  LabelNibbles t{};
  for (size_t k = 0; k < labels.size(); ++k) {
    const auto bucket = static_cast<uint8_t>(1u << (k * 8 / labels.size()));
    AddChar(labels[k].data(), bucket, &t.first);
    AddChar(labels[k].data() + 3, bucket, &t.second);
  }
  const uint8_t* narrow[8] = {t.first.lead_low,  t.first.b1_low,  t.first.b2_low,  t.first.high,
                              t.second.lead_low, t.second.b1_low, t.second.b2_low, t.second.high};
  for (size_t i = 0; i < 8; ++i) {
    for (size_t lane = 0; lane < 4; ++lane)
      std::copy(narrow[i], narrow[i] + 16, t.wide[i] + 16 * lane);
  }
  return t;
}

// Built on first use (the labels are constants in another file).
const LabelNibbles& Nibbles() {
  static const LabelNibbles nibbles = BuildLabelNibbles();
  return nibbles;
}

// ASCII candidates among the 16 bytes v, whose bytes 3 before are before3
// (signed compares: bytes >= 0x80 are negative and fall outside the ranges).
inline __m128i AsciiCandidates16(__m128i v, __m128i before3) {
  const __m128i digits_colon =
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x2F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x3B)));
  const __m128i at = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x40));
  const __m128i upper =
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x40)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x5B)));
  // before3 >= 0xE0 (unsigned).
  const __m128i lead_before =
      _mm_cmpeq_epi8(_mm_max_epu8(before3, _mm_set1_epi8(static_cast<char>(0xE0))), before3);
  return _mm_or_si128(_mm_or_si128(digits_colon, at), _mm_and_si128(upper, lead_before));
}

// 0xE3-0xE9 are -29..-23 as signed bytes.
inline __m128i Leads16(__m128i v) {
  return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-30)),
                       _mm_cmplt_epi8(v, _mm_set1_epi8(-22)));
}

void Sse2Blocks(const char* p, size_t blocks, bool labels, uint64_t* out) {
  for (size_t b = 0; b < blocks; ++b) {
    uint64_t mask = 0;
    for (int k = 0; k < 4; ++k) {
      const char* q = p + 64 * b + 16 * k;
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
      __m128i hit = AsciiCandidates16(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(q - 3)));
      if (labels) hit = _mm_or_si128(hit, Leads16(v));
      mask |= uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(hit))} << (16 * k);
    }
    out[b] = mask;
  }
}

// The tables of one character's nibble test, in AVX2 registers.
struct CharTables {
  __m256i lead_low, b1_low, b2_low, high;
};

[[gnu::target("avx2")]] inline __m256i Table32(const uint8_t* t) {
  return _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(t)));
}

[[gnu::target("avx2")]] inline CharTables LoadTables(const CharNibbles& n) {
  return {Table32(n.lead_low), Table32(n.b1_low), Table32(n.b2_low), Table32(n.high)};
}

// The bucket bits of the characters starting at each of the 32 bytes at p
// (p + 34 readable).
[[gnu::target("avx2")]] inline __m256i Buckets(const char* p, const CharTables& t) {
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  const __m256i high_index =
      _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(v1, 4), _mm256_set1_epi8(0x03)),
                      _mm256_and_si256(_mm256_srli_epi16(v2, 2), _mm256_set1_epi8(0x0C)));
  __m256i buckets = _mm256_and_si256(_mm256_shuffle_epi8(t.lead_low, _mm256_and_si256(v0, nibble)),
                                     _mm256_shuffle_epi8(t.b1_low, _mm256_and_si256(v1, nibble)));
  buckets = _mm256_and_si256(buckets, _mm256_shuffle_epi8(t.b2_low, _mm256_and_si256(v2, nibble)));
  return _mm256_and_si256(buckets, _mm256_shuffle_epi8(t.high, high_index));
}

// Candidates among the 32 bytes at p (p - 3 to p + 37 readable).
[[gnu::target("avx2")]] inline uint32_t Avx2Half(const char* p, bool labels,
                                                 const CharTables& first,
                                                 const CharTables& second) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i before3 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p - 3));
  const __m256i digits_colon_at =
      _mm256_or_si256(_mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8(0x2F)),
                                       _mm256_cmpgt_epi8(_mm256_set1_epi8(0x3B), v)),
                      _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x40)));
  const __m256i upper = _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8(0x40)),
                                         _mm256_cmpgt_epi8(_mm256_set1_epi8(0x5B), v));
  const __m256i lead_before = _mm256_cmpeq_epi8(
      _mm256_max_epu8(before3, _mm256_set1_epi8(static_cast<char>(0xE0))), before3);
  const __m256i ascii = _mm256_or_si256(digits_colon_at, _mm256_and_si256(upper, lead_before));
  if (!labels) return static_cast<uint32_t>(_mm256_movemask_epi8(ascii));
  const __m256i leads = _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8(-30)),
                                         _mm256_cmpgt_epi8(_mm256_set1_epi8(-22), v));
  const __m256i buckets = _mm256_and_si256(Buckets(p, first), Buckets(p + 3, second));
  const __m256i none = _mm256_cmpeq_epi8(buckets, _mm256_setzero_si256());
  const __m256i starts = _mm256_andnot_si256(none, leads);
  return static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(ascii, starts)));
}

[[gnu::target("avx2")]] void Avx2Blocks(const char* p, size_t blocks, bool labels, uint64_t* out) {
  const LabelNibbles& nibbles = Nibbles();
  const CharTables first = LoadTables(nibbles.first);
  const CharTables second = LoadTables(nibbles.second);
  for (size_t b = 0; b < blocks; ++b) {
    const char* q = p + 64 * b;
    out[b] = uint64_t{Avx2Half(q, labels, first, second)} |
             uint64_t{Avx2Half(q + 32, labels, first, second)} << 32;
  }
}

// The tables of one character's nibble test, in AVX-512 registers.
struct CharTables512 {
  __m512i lead_low, b1_low, b2_low, high;
};

// Four of LabelNibbles::wide from `first` on.
[[gnu::target("avx512bw")]] inline CharTables512 LoadTables512(const uint8_t (*wide)[64]) {
  return {_mm512_load_si512(wide[0]), _mm512_load_si512(wide[1]), _mm512_load_si512(wide[2]),
          _mm512_load_si512(wide[3])};
}

// As Buckets, for the characters starting at each of the 64 bytes at p.
[[gnu::target("avx512bw")]] inline __m512i Buckets512(const char* p, const CharTables512& t) {
  const __m512i nibble = _mm512_set1_epi8(0x0F);
  const __m512i v0 = _mm512_loadu_si512(p);
  const __m512i v1 = _mm512_loadu_si512(p + 1);
  const __m512i v2 = _mm512_loadu_si512(p + 2);
  const __m512i high_index =
      _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi16(v1, 4), _mm512_set1_epi8(0x03)),
                      _mm512_and_si512(_mm512_srli_epi16(v2, 2), _mm512_set1_epi8(0x0C)));
  __m512i buckets = _mm512_and_si512(_mm512_shuffle_epi8(t.lead_low, _mm512_and_si512(v0, nibble)),
                                     _mm512_shuffle_epi8(t.b1_low, _mm512_and_si512(v1, nibble)));
  buckets = _mm512_and_si512(buckets, _mm512_shuffle_epi8(t.b2_low, _mm512_and_si512(v2, nibble)));
  return _mm512_and_si512(buckets, _mm512_shuffle_epi8(t.high, high_index));
}

// The same classification as Avx2Half, 64 bytes at a time; compares give
// the bit masks directly.
[[gnu::target("avx512bw")]] void Avx512Blocks(const char* p, size_t blocks, bool labels,
                                              uint64_t* out) {
  const LabelNibbles& nibbles = Nibbles();
  const CharTables512 first = LoadTables512(nibbles.wide);
  const CharTables512 second = LoadTables512(nibbles.wide + 4);
  for (size_t b = 0; b < blocks; ++b) {
    const char* q = p + 64 * b;
    const __m512i v = _mm512_loadu_si512(q);
    const __m512i before3 = _mm512_loadu_si512(q - 3);
    const uint64_t digits_colon =
        _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8(0x30)), _mm512_set1_epi8(0x0A));
    const uint64_t at = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(0x40));
    const uint64_t upper =
        _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8('A')), _mm512_set1_epi8(25));
    const uint64_t lead_before =
        _mm512_cmpge_epu8_mask(before3, _mm512_set1_epi8(static_cast<char>(0xE0)));
    uint64_t mask = digits_colon | at | (upper & lead_before);
    if (labels) {
      const uint64_t leads = _mm512_cmple_epu8_mask(
          _mm512_sub_epi8(v, _mm512_set1_epi8(static_cast<char>(0xE3))), _mm512_set1_epi8(6));
      const __m512i buckets = _mm512_and_si512(Buckets512(q, first), Buckets512(q + 3, second));
      mask |= leads & _mm512_test_epi8_mask(buckets, buckets);
    }
    out[b] = mask;
  }
}

int BestLevel() {
  __builtin_cpu_init();  // Static initialisers may run before libgcc's.
  if (__builtin_cpu_supports("avx512bw")) return 3;
  return __builtin_cpu_supports("avx2") ? 2 : 1;
}
const int kBestLevel = BestLevel();

#else

constexpr int kBestLevel = 0;

#endif

std::atomic<int> simd_level{kBestLevel};

}  // namespace

CandidateCursor::CandidateCursor(std::string_view text, bool labels)
    : data_(text.data()), size_(text.size()), labels_(labels) {
  switch (simd_level.load(std::memory_order_relaxed)) {
#if defined(__x86_64__)
    case 3:
      blocks_fn_ = Avx512Blocks;
      filters_labels_ = true;
      break;
    case 2:
      blocks_fn_ = Avx2Blocks;
      filters_labels_ = true;
      break;
    case 1:
      blocks_fn_ = Sse2Blocks;
      break;
#endif
    default:
      blocks_fn_ = nullptr;
  }
}

size_t CandidateCursor::NextByByte(size_t pos) const {
  for (; pos < size_; ++pos) {
    switch (kByteKind[static_cast<uint8_t>(data_[pos])]) {
      case kPlain:
        break;
      case kAlways:
        return pos;
      case kCapital:
        if (pos >= 3 && static_cast<uint8_t>(data_[pos - 3]) >= 0xE0) return pos;
        break;
      case kLead:
        if (labels_) return pos;
        break;
    }
  }
  return size_;
}

int CandidateCursor::SetSimdLevel(int level) {
  return simd_level.exchange(std::clamp(level, 0, kBestLevel), std::memory_order_relaxed);
}

int CandidateCursor::SimdLevel() { return simd_level.load(std::memory_order_relaxed); }

void CandidateCursor::Fill(size_t base) {
  window_ = base;
  // At the start of the text (no three bytes before), one block byte by byte.
  covered_ = std::min(size_ - base, base < 3 ? 64 : 64 * kWindowBlocks);
  blocks_ = (covered_ + 63) / 64;
  // Whole blocks with three bytes before them and kAfter after them go to the
  // SIMD classifier; the rest (at the ends of the text) byte by byte.
  const size_t room = size_ - base;
  const size_t simd = room >= 64 + kAfter ? std::min(blocks_, (room - kAfter) / 64) : 0;
  // The window after this one: its first touch should not wait for memory.
  for (size_t ahead = 64 * kWindowBlocks; ahead < 2 * 64 * kWindowBlocks; ahead += 64) {
    if (base + ahead < size_) __builtin_prefetch(data_ + base + ahead);
  }
  size_t b = base < 3 ? 0 : simd;
  if (b > 0) blocks_fn_(data_ + base, b, labels_, masks_);
  if (b == blocks_) return;
  // The end of the text: one SIMD block ending kAfter bytes before it (at
  // last, behind every position left) gives all but the last kAfter bytes.
  uint64_t last = 0;
  const size_t last_at = size_ - 64 - kAfter;  // valid if size_ >= 64 + kAfter + 3
  const bool simd_end = base >= 3 && size_ >= 64 + kAfter + 3;
  if (simd_end) blocks_fn_(data_ + last_at, 1, labels_, &last);
  for (; b < blocks_; ++b) {
    const size_t from = base + 64 * b;
    size_t scalar_from = from;
    masks_[b] = 0;
    if (simd_end && from >= last_at) {  // always true past the SIMD blocks
      const size_t shift = from - last_at;
      if (shift < 64) masks_[b] = last >> shift;
      scalar_from = std::max(from, size_ - kAfter);
    }
    const size_t end = std::min<size_t>(from + 64, size_);
    if (scalar_from < end) {
      masks_[b] |= PortableMask(data_, scalar_from, end - scalar_from, labels_)
                   << (scalar_from - from);
    }
  }
}

}  // namespace hegui::scan
