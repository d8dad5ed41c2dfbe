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
  if (header->version != kSegmentVersionAppendOnly &&
      header->version != kSegmentVersionZeroFilled) {
    return fail("unsupported version " + std::to_string(header->version));
  }
  header->first_index = DecodeFixed64(bytes_.data() + 12);
  version_ = header->version;
  pos_ = valid_end_ = kSegmentHeaderSize;
  data_end_ = bytes_.size();
  if (version_ == kSegmentVersionZeroFilled) {
    while (data_end_ > kSegmentHeaderSize && bytes_[data_end_ - 1] == '\0') --data_end_;
  }
  return OkStatus();
}

bool SegmentReader::ReadRecord(std::string_view* payload, uint64_t* frame_offset) {
  // At or past the data end only zero bytes remain: the end of the log.
  while (!done_ && pos_ < data_end_) {
    const uint64_t start = pos_;
    const uint64_t left = bytes_.size() - pos_;
    const char* p = bytes_.data() + pos_;
    if (version_ == kSegmentVersionZeroFilled && left >= 4 && DecodeFixed32(p) == 0) {
      // Zero bytes where a frame should start, yet non-zero bytes follow:
      // not space the writer reserved, and not what a crash leaves (a torn
      // write of a frame starts with its non-zero length).
      uint64_t next = start;
      while (bytes_[next] == '\0') ++next;  // Stops before data_end_.
      reporter_->Corruption(start,
                            "non-zero byte at offset " + std::to_string(next) +
                                " after the zero fill that ends the log",
                            false);
      done_ = true;
      return false;
    }
    if (left < kFrameHeaderSize) {
      reporter_->Corruption(start, "incomplete frame header", true);
      done_ = true;
      return false;
    }
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
      const bool at_tail = end >= data_end_;
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
