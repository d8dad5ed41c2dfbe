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

#include "scan/pi/address.h"
#include "scan/pi/person_name.h"

namespace hegui::scan {

class MatchSink;

// The longest label with its separator: a match starts at most this many
// bytes after its label's first byte.
inline constexpr size_t kMaxLabelBytes = 32;
// The longest labelled match plus the look-ahead that decides its end.
inline constexpr size_t kMaxLabelledMatchBytes = kMaxAddressBytes + 16;

// True if `cp` is the first character of some label (a fast filter, called
// for every Han character of the text).
bool IsLabelStart(char32_t cp);

// Tries every label starting at `pos` and reports the name or address that
// follows. Returns where scanning resumes: after the label (so that numbers
// inside an address are still examined), or pos + 3 if no label starts here.
size_t ScanLabelAt(size_t pos, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_LABELLED_PI_H_
