#include "audit/segment_format.h"

#include <cassert>
#include <cstdio>

#include "audit/coding.h"
#include "audit/crc32c.h"

namespace hegui::audit {

std::string EncodeSegmentHeader(uint64_t first_index, std::string_view magic, uint32_t version) {
  assert(magic.size() == 8);
  std::string h(magic);
  PutFixed32(&h, version);
  PutFixed64(&h, first_index);
  PutFixed32(&h, crc32c::Value(h));
  assert(h.size() == kSegmentHeaderSize);
  return h;
}

void AppendFrame(std::string* dst, std::string_view payload) {
  assert(!payload.empty() && payload.size() <= kMaxPayloadSize);
  std::string len;
  PutFixed32(&len, static_cast<uint32_t>(payload.size()));
  uint32_t crc = crc32c::Extend(crc32c::Value(len), payload.data(), payload.size());
  dst->append(len);
  PutFixed32(dst, crc);
  dst->append(payload);
}

std::string SegmentFileName(uint64_t first_index) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "seg-%020llu.log", static_cast<unsigned long long>(first_index));
  return buf;
}

bool ParseSegmentFileName(std::string_view name, uint64_t* first_index) {
  if (name.size() != 28 || name.substr(0, 4) != "seg-" || name.substr(24) != ".log") return false;
  uint64_t v = 0;
  for (char c : name.substr(4, 20)) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *first_index = v;
  return true;
}

}  // namespace hegui::audit
