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

// One normalised view: UTF-8 text plus, per byte, the original offset of the
// character it came from. Append-only, with DropFront() for stream windows.
class NormalizedView {
 public:
  NormalizedView() = default;
  NormalizedView(NormalizedView&&) = default;
  NormalizedView& operator=(NormalizedView&&) = default;

  std::string_view text() const { return {data_.get(), size_}; }
  size_t size() const { return size_; }
  // Original byte offset (relative to the `base` given to Append) of the
  // character that produced view byte i. Precondition: i < size().
  uint32_t source(size_t i) const { return source_[i]; }
  // Original [begin, end) of view span [b, e), b < e, both on character
  // boundaries; `original` is the text the offsets index (from offset 0).
  std::pair<size_t, size_t> SourceSpan(size_t b, size_t e, std::string_view original) const;

  void Clear() {
    size_ = 0;
    last_char_ = 0;
  }
  // Removes the first `n` view bytes (n on a character boundary) and subtracts
  // `shift` from every remaining source offset (the caller dropped `shift`
  // original bytes). Cost O(size()).
  void DropFront(size_t n, uint32_t shift);

 private:
  friend class Normalizer;
  void Reserve(size_t extra);

  std::unique_ptr<char[]> data_;
  std::unique_ptr<uint32_t[]> source_;
  size_t size_ = 0;
  size_t capacity_ = 0;
  size_t last_char_ = 0;  // Start of the last character written (repeat collapsing).
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
  // `*invalid` (may be null). Cost: one table lookup per code point.
  size_t Append(std::string_view input, uint32_t base, bool final, NormalizedView* lex,
                NormalizedView* pi, std::vector<InvalidUtf8>* invalid) const;

  // The lexicon form of a whole string (used to compile lexicon terms so that
  // they are normalised exactly like the text).
  std::string LexiconForm(std::string_view input) const;

  const CharFold& fold() const { return *fold_; }
  const NormalizerOptions& options() const { return options_; }

 private:
  Normalizer(const CharFold* fold, NormalizerOptions options) : fold_(fold), options_(options) {}
  const CharFold* fold_;
  NormalizerOptions options_;
};

// Length of the original character at `p` (1 for an invalid byte).
size_t OriginalCharLength(std::string_view original, size_t offset);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_NORMALIZER_H_
