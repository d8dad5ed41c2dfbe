// SegmentReader: reads the frames of one segment held in memory, checking each
// CRC32C, and reports damage to a Reporter instead of failing (LevelDB style).
//
// End of the log (docs/audit-format.md): in a version-1 segment, the end of
// the bytes; in a version-2 segment, the first frame boundary from which every
// remaining byte is zero (space the writer reserved; no frame starts with a
// zero length). Call the offset just past the last non-zero byte the data end
// (the end of the bytes for version 1).
//
// Torn-tail rule: a frame that is incomplete (runs past the end of the bytes)
// or fails its checksum and is followed by no non-zero byte (ends at or past
// the data end) is a torn tail left by a writer that crashed mid-write; it is
// reported with at_tail = true and ends reading. Damage followed by more
// non-zero bytes is corruption: a bad checksum with a plausible length is
// reported and skipped (reading resumes at the next frame); an impossible
// length, or (version 2) a zero length with non-zero bytes after it, is
// reported and ends reading, since no frame boundary can be trusted after it.
//
// The reader borrows `bytes` and `reporter`; both must outlive it. Not
// thread-safe; use one reader per thread.
#ifndef HEGUI_AUDIT_SEGMENT_READER_H_
#define HEGUI_AUDIT_SEGMENT_READER_H_

#include <cstdint>
#include <string_view>

#include "audit/segment_format.h"
#include "core/status.h"

namespace hegui::audit {

class SegmentReader {
 public:
  class Reporter {
   public:
    virtual ~Reporter() = default;
    // `offset` is where the damaged frame (or header) starts in the segment;
    // `at_tail` is true when the damage runs to the end of the bytes.
    virtual void Corruption(uint64_t offset, std::string_view reason, bool at_tail) = 0;
  };

  SegmentReader(std::string_view bytes, Reporter* reporter, std::string_view magic = kSegmentMagic);
  SegmentReader(const SegmentReader&) = delete;
  SegmentReader& operator=(const SegmentReader&) = delete;

  // Parses the header. DataLoss naming the field if magic, version or CRC is
  // wrong (also reported). Must be called once, before ReadRecord().
  Status ReadHeader(SegmentHeader* header);

  // Stores the next intact payload (a view into `bytes`) and its frame's
  // offset; false at the end or at damage that ends reading.
  bool ReadRecord(std::string_view* payload, uint64_t* frame_offset);

  // Offset just past the last intact frame read so far: where a writer that
  // recovers this segment truncates it, and where it appends next.
  uint64_t valid_end() const { return valid_end_; }

  // Offset just past the last non-zero byte (version 2; the end of the bytes
  // for version 1). Valid after a successful ReadHeader().
  uint64_t data_end() const { return data_end_; }

 private:
  std::string_view bytes_;
  Reporter* reporter_;
  std::string_view magic_;
  uint64_t pos_ = 0;
  uint64_t valid_end_ = 0;
  uint64_t data_end_ = 0;
  uint32_t version_ = 0;
  bool done_ = false;
};

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_SEGMENT_READER_H_
