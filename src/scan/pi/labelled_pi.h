// Labels that announce a personal name or an address in Chinese text
// (姓名：张三, 收件人李四, 地址：北京市海淀区中关村大街27号). Names and addresses
// have no checkable structure, so they are looked for only right after such a
// label, which makes them reliable enough to report with a confidence.
//
// A label is followed by optional spaces, ':' (or '：' when the text was not
// NFKC-folded) and spaces, or by one of 是 / 为 / 叫 / 在; then comes the name or
// address.
// Thread-safe: constexpr tables; allocation-free.
#ifndef HEGUI_SCAN_PI_LABELLED_PI_H_
#define HEGUI_SCAN_PI_LABELLED_PI_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scan/pi/address.h"
#include "scan/pi/person_name.h"

namespace hegui::scan {

class MatchSink;

// The longest label with its separator: a match starts at most this many
// bytes after its label's first byte.
inline constexpr size_t kMaxLabelBytes = 32;
// The longest labelled match plus the look-ahead that decides its end.
inline constexpr size_t kMaxLabelledMatchBytes = kMaxAddressBytes + 16;

// A bit per 3-byte UTF-8 sequence that starts some label, indexed by the low
// bits of its bytes: one load and a shift per Han character of the text.
struct LabelStartTable {
  uint64_t bits[1024];  // [(b0 & 0x0F) << 6 | (b1 & 0x3F)] >> (b2 & 0x3F)
};
extern const LabelStartTable kLabelStarts;

// True if the (3-byte) character at text[pos] may start a label. Exact for
// valid UTF-8; ScanLabelAt compares whole labels in any case.
inline bool MayStartLabel(const char* p) {
  const auto b0 = static_cast<uint8_t>(p[0]);
  const auto b1 = static_cast<uint8_t>(p[1]);
  const auto b2 = static_cast<uint8_t>(p[2]);
  return (kLabelStarts.bits[(b0 & 0x0F) << 6 | (b1 & 0x3F)] >> (b2 & 0x3F)) & 1;
}

// The labels' texts (UTF-8, each at least two 3-byte characters), for
// prefilters built once (CandidateCursor). Allocates.
std::vector<std::string_view> LabelTexts();

// Tries every label starting at `pos` and reports the name or address that
// follows. Returns where scanning resumes: after the label (so that numbers
// inside an address are still examined), or pos + 1 if no label starts here
// (continuation bytes are then skipped by the caller's scan).
size_t ScanLabelAt(size_t pos, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_LABELLED_PI_H_
