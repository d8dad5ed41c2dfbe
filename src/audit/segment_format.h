// What the segment writer and reader share: the layout of one audit-log
// segment file. The full description, with a grammar, a worked example and the
// torn-tail rule, is docs/audit-format.md; keep the two in step.
//
//   segment   := header frame* zero_fill
//   header    := magic[8] "HEGUISEG" | version u32 (1 or 2) | first_index u64 | header_crc u32
//   frame     := length u32 | crc u32 | payload[length]
//   zero_fill := 0x00*   (version 2 only: space reserved for later frames)
//
// All integers little-endian. header_crc = CRC32C(magic..first_index);
// frame crc = CRC32C(length bytes || payload). In version 2 a frame's length
// is at least 1, so a frame never starts with four zero bytes: the log ends at
// the first frame boundary from which every remaining byte is zero (the
// end-of-log rule; segment_reader.h applies it).
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
// Version 1: frames up to the end of the file (the file grows with each
// append). Version 2: frames, then zero bytes reserved ahead of the writer, so
// that an append overwrites allocated space in place. Readers accept both;
// the writer creates version 2 segments.
inline constexpr uint32_t kSegmentVersionAppendOnly = 1;
inline constexpr uint32_t kSegmentVersionZeroFilled = 2;
inline constexpr uint32_t kSegmentVersion = kSegmentVersionZeroFilled;
// checkpoints.log is never preallocated and keeps version 1.
inline constexpr uint32_t kCheckpointsVersion = kSegmentVersionAppendOnly;
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
std::string EncodeSegmentHeader(uint64_t first_index, std::string_view magic = kSegmentMagic,
                                uint32_t version = kSegmentVersion);

// Appends one frame holding `payload` to `dst`.
// Precondition: 1 <= payload.size() <= kMaxPayloadSize (an empty payload
// would look like the zero fill that ends a version-2 segment).
void AppendFrame(std::string* dst, std::string_view payload);

// "seg-00000000000000000042.log" for first_index 42 (20 digits, so that names
// sort in index order).
std::string SegmentFileName(uint64_t first_index);

// Parses a name made by SegmentFileName(); false for any other file name.
bool ParseSegmentFileName(std::string_view name, uint64_t* first_index);

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_SEGMENT_FORMAT_H_
