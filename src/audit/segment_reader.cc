#include "audit/segment_reader.h"

#include <string>

#include "audit/coding.h"
#include "audit/crc32c.h"

namespace hegui::audit {

SegmentReader::SegmentReader(std::string_view bytes, Reporter* reporter, std::string_view magic)
    : bytes_(bytes), reporter_(reporter), magic_(magic) {}

Status SegmentReader::ReadHeader(SegmentHeader* header) {
  auto fail = [&](std::string reason) {
    reporter_->Corruption(0, reason, bytes_.size() < kSegmentHeaderSize);
    done_ = true;
    return DataLossError("segment header: " + reason);
  };
  if (bytes_.size() < kSegmentHeaderSize) return fail("truncated header");
  if (bytes_.substr(0, magic_.size()) != magic_) return fail("bad magic");
  uint32_t crc = DecodeFixed32(bytes_.data() + 20);
  if (crc != crc32c::Value(bytes_.data(), 20)) return fail("header checksum mismatch");
  header->version = DecodeFixed32(bytes_.data() + 8);
  if (header->version != kSegmentVersion) {
    return fail("unsupported version " + std::to_string(header->version));
  }
  header->first_index = DecodeFixed64(bytes_.data() + 12);
  pos_ = valid_end_ = kSegmentHeaderSize;
  return OkStatus();
}

bool SegmentReader::ReadRecord(std::string_view* payload, uint64_t* frame_offset) {
  while (!done_ && pos_ < bytes_.size()) {
    const uint64_t start = pos_;
    const uint64_t left = bytes_.size() - pos_;
    if (left < kFrameHeaderSize) {
      reporter_->Corruption(start, "incomplete frame header", true);
      done_ = true;
      return false;
    }
    const char* p = bytes_.data() + pos_;
    const uint32_t length = DecodeFixed32(p);
    const uint32_t crc = DecodeFixed32(p + 4);
    if (length > kMaxPayloadSize) {
      reporter_->Corruption(start, "frame length " + std::to_string(length) + " too large", false);
      done_ = true;
      return false;
    }
    if (left - kFrameHeaderSize < length) {
      // A frame that claims more bytes than remain can only be a torn write.
      reporter_->Corruption(start, "incomplete frame payload", true);
      done_ = true;
      return false;
    }
    const uint64_t end = start + kFrameHeaderSize + length;
    pos_ = end;
    uint32_t actual = crc32c::Extend(crc32c::Value(p, 4), p + kFrameHeaderSize, length);
    if (actual != crc) {
      const bool at_tail = end == bytes_.size();
      reporter_->Corruption(start, "checksum mismatch", at_tail);
      if (at_tail) done_ = true;
      continue;
    }
    // Frames after a skipped corrupt frame are returned but valid_end stays
    // before the damage only if it was at the tail; a writer never recovers a
    // segment with mid-file damage (it refuses to open).
    valid_end_ = end;
    *payload = std::string_view(p + kFrameHeaderSize, length);
    *frame_offset = start;
    return true;
  }
  return false;
}

}  // namespace hegui::audit
