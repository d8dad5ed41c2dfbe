// Feeds arbitrary bytes to the segment reader and decodes every intact record:
// neither may crash, hang or read out of bounds, and valid_end and data_end
// (the end-of-log rule of version-2 zero fill) never exceed the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "audit/record_codec.h"
#include "audit/segment_reader.h"

namespace {
class Ignore : public hegui::audit::SegmentReader::Reporter {
  void Corruption(uint64_t, std::string_view, bool) override {}
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Ignore ignore;
  hegui::audit::SegmentReader reader(bytes, &ignore);
  hegui::audit::SegmentHeader header;
  if (!reader.ReadHeader(&header).ok()) return 0;
  std::string_view payload;
  uint64_t offset;
  while (reader.ReadRecord(&payload, &offset)) {
    (void)hegui::audit::DecodeRecord(payload);
  }
  if (reader.valid_end() > size || reader.data_end() > size) std::abort();
  return 0;
}
