// Little-endian fixed-width integer encoding for the audit log's on-disk
// formats (docs/audit-format.md). Every encoder has its decoder beside it.
//
// Byte order is little-endian regardless of the host. Decoders read exactly
// 4 or 8 bytes; the caller guarantees that many are available (precondition).
#ifndef HEGUI_AUDIT_CODING_H_
#define HEGUI_AUDIT_CODING_H_

#include <cstdint>
#include <string>

namespace hegui::audit {

inline void PutFixed32(std::string* dst, uint32_t v) {
  char b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  dst->append(b, 4);
}

inline void PutFixed64(std::string* dst, uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  dst->append(b, 8);
}

// Precondition: p points at 4 readable bytes.
inline uint32_t DecodeFixed32(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

// Precondition: p points at 8 readable bytes.
inline uint64_t DecodeFixed64(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_CODING_H_
