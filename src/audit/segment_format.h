// What the segment writer and reader share: the layout of one audit-log
// segment file. The full description, with a grammar, a worked example and the
// torn-tail rule, is docs/audit-format.md; keep the two in step.
//
//   segment := header frame*
//   header  := magic[8] "HEGUISEG" | version u32 | first_index u64 | header_crc u32
//   frame   := length u32 | crc u32 | payload[length]
//
// All integers little-endian. header_crc = CRC32C(magic..first_index);
// frame crc = CRC32C(length bytes || payload).
#ifndef HEGUI_AUDIT_SEGMENT_FORMAT_H_
#define HEGUI_AUDIT_SEGMENT_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hegui::audit {

inline constexpr std::string_view kSegmentMagic = "HEGUISEG";
// The checkpoint history file uses the same layout with its own magic; each
// frame's payload is one signed checkpoint note.
inline constexpr std::string_view kCheckpointsMagic = "HEGUICPT";
inline constexpr uint32_t kSegmentVersion = 1;
// magic (8) + version (4) + first_index (8) + header_crc (4).
inline constexpr size_t kSegmentHeaderSize = 24;
// length (4) + crc (4).
inline constexpr size_t kFrameHeaderSize = 8;
// A payload longer than this is treated as a corrupt length field.
inline constexpr uint32_t kMaxPayloadSize = 16u << 20;

struct SegmentHeader {
  uint32_t version = kSegmentVersion;
  uint64_t first_index = 0;  // Log index of the segment's first record.
};

// Returns the 24 header bytes for a segment whose first record is `first_index`.
std::string EncodeSegmentHeader(uint64_t first_index, std::string_view magic = kSegmentMagic);

// Appends one frame holding `payload` to `dst`.
// Precondition: payload.size() <= kMaxPayloadSize.
void AppendFrame(std::string* dst, std::string_view payload);

// "seg-00000000000000000042.log" for first_index 42 (20 digits, so that names
// sort in index order).
std::string SegmentFileName(uint64_t first_index);

// Parses a name made by SegmentFileName(); false for any other file name.
bool ParseSegmentFileName(std::string_view name, uint64_t* first_index);

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_SEGMENT_FORMAT_H_
