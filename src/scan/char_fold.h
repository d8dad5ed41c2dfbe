// CharFold: the precomputed per-code-point fold table behind the normaliser.
//
// For every Unicode code point the table holds two folded forms, computed once
// from ICU and OpenCC data when the table is first built:
//   - the lexicon form: NFKC with case folding, combining marks removed,
//     traditional -> simplified Chinese (OpenCC TSCharacters, after the
//     TW/HK variant tables), non-ASCII Latin/Cyrillic/Greek homoglyphs folded
//     to ASCII with ICU's UTS #39 confusable skeleton; a code point whose form
//     has no letter, digit or ideograph (spaces, punctuation, symbols, emoji,
//     controls, invisible characters) is a separator and folds to nothing;
//   - the PI form: NFKC without case folding (full-width, styled, circled and
//     superscript digits and letters become ASCII), default-ignorable
//     (invisible) code points fold to nothing, everything else is kept, so
//     separators between digits stay in place for the PI detectors.
// The hot path (Normalizer) only walks this table; it never calls ICU.
//
// Invariant: the table is immutable after Build(); Shared() builds it once per
// process (thread-safe) and the returned object lives until exit. All const
// methods are thread-safe.
#ifndef HEGUI_SCAN_CHAR_FOLD_H_
#define HEGUI_SCAN_CHAR_FOLD_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/status_or.h"

namespace hegui::scan {

class CharFold {
 public:
  // Bits of Entry::flags.
  static constexpr uint8_t kLexIdentity = 1;  // Lexicon form == the code point itself.
  static constexpr uint8_t kPiIdentity = 2;   // PI form == the code point itself.
  static constexpr uint8_t kWordChar =
      4;  // Alphanumeric outside CJK scripts (for whole-word terms).

  struct Entry {
    uint32_t lex_offset;  // Into pool(); meaningful when !(flags & kLexIdentity).
    uint32_t pi_offset;   // Into pool(); meaningful when !(flags & kPiIdentity).
    uint8_t lex_length;   // Bytes of the lexicon form; 0 = separator (dropped).
    uint8_t pi_length;    // Bytes of the PI form; 0 = invisible (dropped).
    uint8_t flags;
  };

  // The process-wide table, built on first use from ICU and the OpenCC data
  // directory ($HEGUI_OPENCC_DIR, else /usr/share/opencc). Fails (every time)
  // if the OpenCC tables cannot be read.
  static StatusOr<const CharFold*> Shared();

  // Builds a table; `opencc_dir` holds TSCharacters.ocd2 (required) and
  // TWVariantsRev.ocd2 / HKVariantsRev.ocd2 (used when present). Costs ~0.1-0.3 s.
  static StatusOr<std::unique_ptr<CharFold>> Build(const std::string& opencc_dir);

  const Entry& Lookup(uint32_t cp) const {
    return blocks_[static_cast<size_t>(stage1_[cp >> kBlockBits]) << kBlockBits |
                   (cp & kBlockMask)];
  }
  const char* pool() const { return pool_.data(); }
  // Lexicon form of each ASCII byte: the lower-cased letter or digit, or 0
  // for a separator (the hot path's shortcut for ASCII).
  const char* ascii_lex() const { return ascii_lex_; }

  // Convenience for callers off the hot path: the lexicon / PI form of one
  // code point as UTF-8.
  std::string LexForm(uint32_t cp) const;
  std::string PiForm(uint32_t cp) const;

  // Bytes held by the table.
  size_t MemoryBytes() const;

 private:
  static constexpr int kBlockBits = 7;
  static constexpr uint32_t kBlockMask = (1u << kBlockBits) - 1;
  CharFold() = default;

  std::vector<uint16_t> stage1_;  // cp >> kBlockBits -> block index.
  std::vector<Entry> blocks_;     // Deduplicated blocks of 128 entries.
  std::string pool_;              // Folded forms, UTF-8.
  char ascii_lex_[128] = {};
};

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(uint32_t cp, std::string* out);

// Decodes one UTF-8 sequence at `p` (with `n` > 0 bytes available). Returns its
// length (1-4) and sets `*cp`; returns 0 if the bytes are not a valid
// sequence (overlong, surrogate, > U+10FFFF, bad continuation), and -1 if they
// are a valid but incomplete prefix that more bytes could complete.
inline int DecodeUtf8(const unsigned char* p, size_t n, uint32_t* cp) {
  unsigned char b0 = p[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  int len;
  uint32_t c;
  unsigned char lo = 0x80, hi = 0xBF;  // Allowed range of the second byte.
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    c = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    c = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (int i = 1; i < len; ++i) {
    if (static_cast<size_t>(i) >= n) return -1;
    unsigned char b = p[i];
    if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
    c = (c << 6) | (b & 0x3F);
  }
  *cp = c;
  return len;
}

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_CHAR_FOLD_H_
