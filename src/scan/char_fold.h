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
#include "core/utf8.h"  // DecodeUtf8, AppendUtf8 (used with the table)

namespace hegui::scan {

class CharFold {
 public:
  // Bits of Entry::flags.
  static constexpr uint8_t kLexIdentity = 1;  // Lexicon form == the code point itself.
  static constexpr uint8_t kPiIdentity = 2;   // PI form == the code point itself.
  static constexpr uint8_t kWordChar =
      4;  // Alphanumeric outside CJK scripts (for whole-word terms).
  static constexpr uint8_t kLexOneChar = 8;  // Lexicon form is exactly one code point.
  static constexpr uint8_t kPiOneChar = 16;  // PI form is exactly one code point.

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
  // True if the bytes b0 b1 b2 (`bytes` = b0 | b1 << 8 | b2 << 16 | any
  // byte << 24) are a well-formed 3-byte UTF-8 character (U+0800-U+FFFF, not
  // a surrogate) that folds to itself in both views: the normaliser's fast
  // path (most CJK text). The table is indexed by the bytes' payload bits
  // (no decoding); overlong forms and surrogates have no bit set.
  bool IsPlain3(uint32_t bytes) const {
    return (bytes & 0xC0C0F0u) == 0x8080E0u && Plain3Bit(bytes);
  }
  // The end of the run of characters from p + i on for which IsPlain3 holds,
  // p[0, n) being readable (the last character of the input is left out).
  // Two characters per 8-byte load.
  size_t Plain3Run(const unsigned char* p, size_t i, size_t n) const;
  const char* pool() const { return pool_.data(); }
  // Lexicon form of each ASCII byte: the lower-cased letter or digit, or 0
  // for a separator (the hot path's shortcut for ASCII).
  const char* ascii_lex() const { return ascii_lex_; }
  // True if ascii_lex() keeps exactly the ASCII letters and digits, letters
  // lower-cased (what ICU gives); the normaliser then folds ASCII 8 bytes at
  // a time with arithmetic instead of the table.
  bool ascii_lex_is_alnum_lower() const { return ascii_lex_is_alnum_lower_; }

  // Convenience for callers off the hot path: the lexicon / PI form of one
  // code point as UTF-8.
  std::string LexForm(uint32_t cp) const;
  std::string PiForm(uint32_t cp) const;

  // Bytes held by the table.
  size_t MemoryBytes() const;

 private:
  // The table bit of the 3-byte sequence in the low bytes of `bytes`
  // (any bytes; the index is masked into the table).
  bool Plain3Bit(uint64_t bytes) const {
    return (plain3_[(bytes & 0x0Fu) | ((bytes >> 4) & 0x3F0u)] >> ((bytes >> 16) & 63)) & 1;
  }

  static constexpr int kBlockBits = 7;
  static constexpr uint32_t kBlockMask = (1u << kBlockBits) - 1;
  CharFold() = default;

  std::vector<uint16_t> stage1_;  // cp >> kBlockBits -> block index.
  std::vector<Entry> blocks_;     // Deduplicated blocks of 128 entries.
  std::string pool_;              // Folded forms, UTF-8.
  char ascii_lex_[128] = {};
  bool ascii_lex_is_alnum_lower_ = false;
  uint64_t plain3_[1024] = {};  // Bit b2 & 63 of word (b0 & 15) | (b1 & 63) << 4.
};

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_CHAR_FOLD_H_
