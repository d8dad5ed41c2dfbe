// CRC32C (Castagnoli polynomial 0x1EDC6F41, reflected 0x82F63B78) as used by
// iSCSI (RFC 3720), ext4 and LevelDB; the checksum of every audit-log frame.
//
// Value(data) is the standard CRC32C (initial value ~0, final xor ~0), so
// Value("123456789") == 0xE3069283. Extend() continues a running checksum:
// Extend(Value(a), b) == Value(a + b). Uses the SSE4.2 crc32 instruction when
// the CPU has it and a table otherwise; both give identical results.
// Thread-safe: pure functions over constant tables.
#ifndef HEGUI_AUDIT_CRC32C_H_
#define HEGUI_AUDIT_CRC32C_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hegui::audit::crc32c {

// Returns the CRC32C of `init_crc` extended by `data[0, n)`.
uint32_t Extend(uint32_t init_crc, const void* data, size_t n);

inline uint32_t Value(const void* data, size_t n) { return Extend(0, data, n); }
inline uint32_t Value(std::string_view s) { return Extend(0, s.data(), s.size()); }

}  // namespace hegui::audit::crc32c

#endif  // HEGUI_AUDIT_CRC32C_H_
