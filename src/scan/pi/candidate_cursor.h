// CandidateCursor: the fast path of PiDetector::Detect. It finds, 64 bytes at
// a time, the positions where a scan step of the detector can start, so that
// the detector never looks at the bytes in between (Chinese text without a
// label, lower-case Latin words, spaces and punctuation).
//
// A *candidate* is a byte that is an ASCII digit, '@' or ':'; an upper-case
// letter three bytes after a lead byte 0xE0-0xFF (a licence plate's letter
// after its province character); or — when labels are looked for — the lead
// byte (0xE3-0xE9) of a 3-byte character that may start a label
// (MayStartLabel, labelled_pi.h). Every other byte is one the detector's
// step-by-step scan passes without effect: a Latin token matters only if it
// holds a digit (the detector backs up from the digit to the token's start)
// or starts with a plate letter, and a character that starts no label does
// nothing. Next() may also return positions that are not candidates (a lead
// byte whose character starts no label: a fraction of a percent of Han
// characters in the AVX2 and AVX-512 paths, all of them in the SSE2 and
// portable paths); the caller checks each position it is given.
//
// How: 512 bytes at a time, SIMD compares give the ASCII candidates; the
// AVX2 and AVX-512 (BW) paths (chosen at run time, as literal_set.cc does)
// narrow lead bytes to those where the character and the next one pass a
// nibble-table ("shufti") test built from the labels' first two characters;
// SSE2 keeps every lead byte 0xE3-0xE9. Blocks without three bytes before
// them or kAfter bytes after them (the ends of the text) are classified byte
// by byte; without SIMD, Next() scans byte by byte (one table lookup each).
//
// Holds a view of the text, which must outlive the cursor; one cursor per
// Detect call (not thread-safe; the shared tables are immutable).
#ifndef HEGUI_SCAN_PI_CANDIDATE_CURSOR_H_
#define HEGUI_SCAN_PI_CANDIDATE_CURSOR_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hegui::scan {

class CandidateCursor {
 public:
  // `labels`: whether label starts are candidates (person names or addresses
  // are looked for).
  CandidateCursor(std::string_view text, bool labels);

  // The first position >= pos that may be a candidate (see above), or
  // text.size() if there is none. Amortised cost: one classification per 64
  // bytes passed (done kWindowBlocks blocks at a time), one bit scan per
  // position returned; without SIMD, one table lookup per byte passed.
  size_t Next(size_t pos) {
    if (blocks_fn_ == nullptr) return NextByByte(pos);
    size_t offset = pos - window_;  // wraps when pos < window_
    if (offset >= covered_) {
      if (pos >= size_) return size_;
      Fill(pos);
      offset = 0;
    }
    size_t k = offset / 64;
    uint64_t mask = masks_[k] & (~uint64_t{0} << (offset % 64));
    while (mask == 0) {
      if (++k == blocks_) {
        if (window_ + covered_ >= size_) return size_;
        Fill(window_ + covered_);
        k = 0;
      }
      mask = masks_[k];
    }
    return window_ + k * 64 + static_cast<size_t>(__builtin_ctzll(mask));
  }

  // True if Next() passes over the lead bytes of characters that start no
  // label (the AVX2 and AVX-512 paths); false if it returns every lead byte
  // 0xE3-0xE9.
  bool FiltersLabelStarts() const { return filters_labels_; }

  // Selects the portable byte-by-byte scan, or the SSE2, AVX2 or AVX-512 (BW)
  // block classifier, for cursors created afterwards: `level` 0, 1, 2 or 3,
  // capped at what the CPU has.
  // Returns the level in force before. For tests and benchmarks (all levels
  // give the same matches).
  static int SetSimdLevel(int level);
  // The level cursors use now.
  static int SimdLevel();

 private:
  static constexpr size_t kWindowBlocks = 8;
  // Bytes read after a block by the SIMD classifiers (the second character
  // of a label: up to 5 bytes past the block's last position).
  static constexpr size_t kAfter = 5;
  // Writes the masks of `blocks` whole 64-byte blocks from p (p - 3 to
  // p + 64 * blocks + kAfter readable): bit k of out[b] set if p[64 * b + k]
  // may be a candidate.
  using BlocksFn = void (*)(const char* p, size_t blocks, bool labels, uint64_t* out);

  // Classifies up to kWindowBlocks blocks from `base` (< size_) into masks_.
  void Fill(size_t base);
  // Next() without SIMD: a byte-by-byte scan (masks of windows that the
  // detector mostly jumps over would cost more).
  size_t NextByByte(size_t pos) const;

  const char* data_;
  size_t size_;
  bool labels_;
  BlocksFn blocks_fn_;  // null: no SIMD, NextByByte
  bool filters_labels_ = false;
  size_t window_ = 0;   // text offset of masks_[0] bit 0
  size_t covered_ = 0;  // bytes of text from window_ that masks_ describes
  size_t blocks_ = 0;   // masks in use: ceil(covered_ / 64)
  uint64_t masks_[kWindowBlocks] = {};
};

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_CANDIDATE_CURSOR_H_
