// Helpers for tests that damage a log directory on disk: read a segment's
// frames, rewrite a segment from frames, flip one byte.
#ifndef HEGUI_TESTS_AUDIT_LOG_FILES_H_
#define HEGUI_TESTS_AUDIT_LOG_FILES_H_

#include <string>
#include <vector>

#include "audit/log_dir.h"
#include "audit/segment_format.h"
#include "audit/segment_reader.h"
#include "core/file.h"

namespace hegui::audit {

struct SegmentFrames {
  uint64_t first_index = 0;
  std::vector<std::string> payloads;
  std::vector<uint64_t> offsets;  // Frame offsets in the file.
};

inline SegmentFrames ReadFrames(const std::string& path) {
  class Ignore : public SegmentReader::Reporter {
    void Corruption(uint64_t, std::string_view, bool) override {}
  } ignore;
  std::string bytes = *ReadFileToString(path);
  SegmentReader reader(bytes, &ignore);
  SegmentHeader h;
  SegmentFrames out;
  if (!reader.ReadHeader(&h).ok()) return out;
  out.first_index = h.first_index;
  std::string_view p;
  uint64_t off;
  while (reader.ReadRecord(&p, &off)) {
    out.payloads.emplace_back(p);
    out.offsets.push_back(off);
  }
  return out;
}

inline void WriteFrames(const std::string& path, const SegmentFrames& frames) {
  std::string bytes = EncodeSegmentHeader(frames.first_index);
  for (const std::string& p : frames.payloads) AppendFrame(&bytes, p);
  (void)WriteFileAtomically(path, bytes);
}

inline void FlipByte(const std::string& path, uint64_t offset) {
  std::string bytes = *ReadFileToString(path);
  bytes[offset] ^= 0x01;
  (void)WriteFileAtomically(path, bytes);
}

}  // namespace hegui::audit

#endif  // HEGUI_TESTS_AUDIT_LOG_FILES_H_
