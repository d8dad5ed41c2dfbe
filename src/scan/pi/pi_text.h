// Byte classes and small UTF-8 helpers shared by the PI detectors: constexpr
// tables so that the scanners test a byte with one load.
//
// Every function takes the whole text and a position and never reads outside
// [0, text.size()); on truncated or invalid UTF-8 the decoders return 0.
// Thread-safe: constant tables only.
#ifndef HEGUI_SCAN_PI_PI_TEXT_H_
#define HEGUI_SCAN_PI_PI_TEXT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hegui::scan::pi_text {

enum ByteClass : uint8_t {
  kDigit = 1,
  kUpper = 2,
  kLower = 4,
  kHex = 8,       // 0-9 a-f A-F
  kTrigger = 16,  // '@' (e-mail) and ':' (IPv6)
  kCjkLead = 32,  // 0xE3..0xE9: lead byte of a 3-byte sequence that may be CJK
  kAlnum = kDigit | kUpper | kLower,
};

inline constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit | kHex;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = 'A'; c <= 'F'; ++c) t[c] |= kHex;
  for (int c = 'a'; c <= 'f'; ++c) t[c] |= kHex;
  t['@'] = kTrigger;
  t[':'] = kTrigger;
  for (int c = 0xE3; c <= 0xE9; ++c) t[c] = kCjkLead;
  return t;
}();

inline uint8_t ClassOf(char c) { return kByteClass[static_cast<uint8_t>(c)]; }
inline bool IsDigit(char c) { return ClassOf(c) & kDigit; }
inline bool IsUpper(char c) { return ClassOf(c) & kUpper; }
inline bool IsAlpha(char c) { return ClassOf(c) & (kUpper | kLower); }
inline bool IsAlnum(char c) { return ClassOf(c) & kAlnum; }
inline bool IsHex(char c) { return ClassOf(c) & kHex; }

// text[pos] if pos is inside the text, else '\0'.
inline char At(std::string_view text, size_t pos) { return pos < text.size() ? text[pos] : '\0'; }

// The code point of the 3-byte UTF-8 sequence starting at pos, or 0 if there
// is none (wrong lead byte, bad continuation, truncated).
inline char32_t Decode3At(std::string_view text, size_t pos) {
  if (pos + 3 > text.size()) return 0;
  const auto b0 = static_cast<uint8_t>(text[pos]);
  const auto b1 = static_cast<uint8_t>(text[pos + 1]);
  const auto b2 = static_cast<uint8_t>(text[pos + 2]);
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  const char32_t cp = (char32_t{b0} & 0x0F) << 12 | (char32_t{b1} & 0x3F) << 6 | (b2 & 0x3F);
  return cp >= 0x800 ? cp : 0;
}

// The code point of the 3-byte sequence ending just before pos, or 0.
inline char32_t Decode3Before(std::string_view text, size_t pos) {
  return pos >= 3 ? Decode3At(text, pos - 3) : 0;
}

// CJK Unified Ideographs (with Extension A) — the characters of Chinese words.
inline bool IsHan(char32_t cp) { return cp >= 0x3400 && cp <= 0x9FFF; }

// Length in bytes of a digit-group separator at pos: ' ', '-' (1 byte) or the
// ideographic space U+3000 (3 bytes); 0 when there is none.
inline size_t SeparatorAt(std::string_view text, size_t pos) {
  const char c = At(text, pos);
  if (c == ' ' || c == '-') return 1;
  if (c == '\xE3' && At(text, pos + 1) == '\x80' && At(text, pos + 2) == '\x80') return 3;
  return 0;
}

// The three bytes at pos packed into one number (0 if fewer than three
// remain): one comparison with Head3(word) rejects most non-matching words.
inline uint32_t Load3(std::string_view text, size_t pos) {
  if (pos + 3 > text.size()) return 0;
  return uint32_t{static_cast<uint8_t>(text[pos])} << 16 |
         uint32_t{static_cast<uint8_t>(text[pos + 1])} << 8 | static_cast<uint8_t>(text[pos + 2]);
}
constexpr uint32_t Head3(std::string_view word) {
  return uint32_t{static_cast<uint8_t>(word[0])} << 16 |
         uint32_t{static_cast<uint8_t>(word[1])} << 8 | static_cast<uint8_t>(word[2]);
}

// True if text[pos..] starts with `word`.
inline bool StartsWithAt(std::string_view text, size_t pos, std::string_view word) {
  return pos <= text.size() && text.substr(pos).starts_with(word);
}

}  // namespace hegui::scan::pi_text

#endif  // HEGUI_SCAN_PI_PI_TEXT_H_
