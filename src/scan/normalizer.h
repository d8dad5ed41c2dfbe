// Normalizer: turns UTF-8 text into the two views the matchers read, each with
// an offset map back to the ORIGINAL bytes.
//
//   lexicon view: every character folded by CharFold's lexicon form (NFKC,
//     case folding, combining marks removed, traditional -> simplified,
//     homoglyphs -> ASCII), separators and invisible characters dropped, so
//     "賭．博", "赌 博", "赌_博", "赌\u200b博" all read "赌博"; optionally runs
//     of the same folded character collapsed to one ("赌赌赌博" -> "赌博").
//   PI view: NFKC without case folding (full-width and styled digits/letters
//     become ASCII), invisible characters dropped, separators kept.
//
// Offset rule: view byte i came from the original character starting at byte
// source(i); a view span [b, e) on character boundaries maps to the original
// span [source(b), end of the original character at source(e - 1)).
// Characters dropped inside a span are part of the original span; dropped
// characters at its edges are not.
//
// The offset map is stored as segments, not per byte: a "linear" segment is a
// run of characters each folded to one character of the same byte length
// (identity, ASCII case, traditional -> simplified), where view and original
// advance in step; a "pinned" segment is one original character whose form
// has another length (full-width -> ASCII, ligatures, U+FFFD for an invalid
// byte), all of whose bytes map to that character. A new segment starts after
// every dropped character and every pinned form, so typical text needs one
// segment per separator, and source(i) is a binary search.
//
// Input encoding: UTF-8. A byte that does not start a valid sequence
// (overlong, surrogate, > U+10FFFF, truncated) is reported as InvalidUtf8 with
// its offset; maximal runs of such bytes are reported once. Each invalid byte
// reads as U+FFFD in the PI view (so digits on either side are not joined) and
// as a separator in the lexicon view. Normalisation then goes on.
//
// Thread-safety: a Normalizer is immutable and may be shared; views are owned
// by the caller. The Normalizer borrows CharFold::Shared(), which lives until
// process exit.
//
// Example:
//   HEGUI_ASSIGN_OR_RETURN(Normalizer n, Normalizer::Create({}));
//   NormalizedView lex, pi;
//   std::vector<InvalidUtf8> bad;
//   n.Append(text, /*base=*/0, /*final=*/true, &lex, &pi, &bad);
//   // lex.text() == "赌博"; original span of lex [0, 6) = lex.SourceSpan(0, 6, text)
#ifndef HEGUI_SCAN_NORMALIZER_H_
#define HEGUI_SCAN_NORMALIZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status_or.h"
#include "scan/char_fold.h"

namespace hegui::scan {

class NormalizerAppend;  // The implementation of Normalizer::Append.

// One normalised view: UTF-8 text plus, per byte, the original offset of the
// character it came from. Append-only, with DropFront() for stream windows.
// Not thread-safe, not even the const lookups (they move a cached position);
// each scan or stream owns its views.
class NormalizedView {
 public:
  NormalizedView() = default;
  NormalizedView(NormalizedView&&) = default;
  NormalizedView& operator=(NormalizedView&&) = default;

  // The view's bytes; once anything was appended, at least kPadding
  // initialised bytes (of no meaning) follow them, so word-at-a-time readers
  // may overrun the end.
  static constexpr size_t kPadding = 8;
  std::string_view text() const { return {data_.get(), size_}; }
  size_t size() const { return size_; }
  // Original byte offset (relative to the `base` given to Append) of the
  // character that produced view byte i. Precondition: i < size().
  // Cost: O(1) when i lies in or just after the segment of the previous
  // lookup, else a binary search over the segments.
  uint32_t source(size_t i) const;
  // Original [begin, end) of view span [b, e), b < e, both on character
  // boundaries; `original` is the text the offsets index (from offset 0).
  std::pair<size_t, size_t> SourceSpan(size_t b, size_t e, std::string_view original) const;
  // The first view position whose source is >= `original` (size() if none).
  size_t IndexAtOrAfter(size_t original) const;
  // Segments of the offset map (see above); for tests and benchmarks.
  size_t segment_count() const { return nsegs_; }

  void Clear() {
    size_ = 0;
    last_char_ = 0;
    nsegs_ = 0;
    finger_ = 0;
    run_delta_ = kNoRun;
  }
  // Bytes of memory the view holds (its capacity, not its size).
  size_t MemoryBytes() const { return capacity_ + segs_capacity_ * sizeof(Segment); }
  // Frees the view's memory (leaving it empty) if it holds more than `bytes`:
  // keeps a reused scratch view bounded.
  void ReleaseIfAbove(size_t bytes) {
    if (MemoryBytes() > bytes) *this = NormalizedView();
  }
  // Removes the first `n` view bytes (n on a character boundary) and subtracts
  // `shift` from every remaining source offset (the caller dropped `shift`
  // original bytes). Cost O(size()).
  void DropFront(size_t n, uint32_t shift);

 private:
  friend class NormalizerAppend;
  struct Segment {
    uint32_t view;  // First view byte of the segment.
    uint32_t orig;  // Original offset of its first character.
    bool pinned;    // All bytes map to `orig` (else view and original advance in step).
  };
  static constexpr uint64_t kNoRun = UINT64_MAX;
  void Reserve(size_t extra) {
    if (capacity_ - size_ < extra) [[unlikely]]
      Grow(extra);
  }
  void ReserveSegments(size_t extra) {
    if (segs_capacity_ - nsegs_ < extra) [[unlikely]]
      GrowSegments(extra);
  }
  [[gnu::noinline]] void Grow(size_t extra);
  [[gnu::noinline]] void GrowSegments(size_t extra);
  // The segment holding view byte i (precondition: i < size()).
  const Segment& SegmentAt(size_t i) const;

  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
  size_t last_char_ = 0;  // Start of the last character written (repeat collapsing).
  std::unique_ptr<Segment[]> segs_;
  size_t nsegs_ = 0;
  size_t segs_capacity_ = 0;
  // The segment of the last lookup: lookups mostly move forward, so the next
  // one is usually here or just after it.
  mutable size_t finger_ = 0;
  // 2^32 + orig - view of the last segment while it is linear and may be
  // continued, else kNoRun: a character appended in step continues it iff
  // its own 2^32 + orig - view equals this.
  uint64_t run_delta_ = kNoRun;
};

struct InvalidUtf8 {
  size_t offset;  // Relative to the `base` given to Append.
  size_t length;  // Bytes in the run.
};

struct NormalizerOptions {
  bool collapse_repeats = false;  // Lexicon view: "赌赌赌博" reads "赌博".
};

class Normalizer {
 public:
  static StatusOr<Normalizer> Create(const NormalizerOptions& options);

  // Normalises the complete characters of `input` and appends them to the
  // views (either may be null to skip it). Offsets recorded are `base` +
  // position in `input`. When `final` is false, a truncated sequence at the
  // end of `input` that more bytes could complete is left unconsumed; the
  // return value is the number of bytes consumed. Invalid runs are appended to
  // `*invalid` (may be null). Cost: one table lookup per code point; runs of
  // ASCII and of CJK characters that fold to themselves take a fast path
  // (with AVX-512, 64 bytes at a time).
  size_t Append(std::string_view input, uint32_t base, bool final, NormalizedView* lex,
                NormalizedView* pi, std::vector<InvalidUtf8>* invalid) const;

  // Tests and benchmarks: false makes every Append take the portable paths
  // instead of the AVX-512 block path (the views are the same). Returns the
  // previous setting; process-wide.
  static bool SetSimdEnabled(bool on);

  // The lexicon form of a whole string (used to compile lexicon terms so that
  // they are normalised exactly like the text).
  std::string LexiconForm(std::string_view input) const;

  const CharFold& fold() const { return *fold_; }
  const NormalizerOptions& options() const { return options_; }

 private:
  friend class NormalizerAppend;
  Normalizer(const CharFold* fold, NormalizerOptions options) : fold_(fold), options_(options) {}
  const CharFold* fold_;
  NormalizerOptions options_;
};

// Length of the original character at `offset` (1 for an invalid byte).
size_t OriginalCharLength(std::string_view original, size_t offset);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_NORMALIZER_H_
