// UTF-8 decoding and encoding shared by every module that walks text
// (scan's normaliser, law's statute parsers).
//
// DecodeUtf8 is strict (RFC 3629): overlong forms, surrogates (U+D800-DFFF),
// values above U+10FFFF, stray continuation bytes and bad continuations are
// invalid. It is inline because the scanner's hot loop calls it per
// character. Stateless and thread-safe.
#ifndef HEGUI_CORE_UTF8_H_
#define HEGUI_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hegui {

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

// True when all of `text` is well-formed UTF-8 by the rules of DecodeUtf8.
bool IsValidUtf8(std::string_view text);

// Appends the UTF-8 encoding of `cp` (<= U+10FFFF) to `out`.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace hegui

#endif  // HEGUI_CORE_UTF8_H_
