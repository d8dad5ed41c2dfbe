// E-mail addresses: local@domain with a local part of 1-64 characters from
// A-Z a-z 0-9 and . _ % + - (not starting or ending with '.', no ".."), and a
// domain of at least two labels (A-Z a-z 0-9 and inner '-', each 1-63
// characters), the last label alphabetic and at least 2 letters long, at most
// kMaxEmailDomainBytes in all. The local part may touch Chinese text
// (邮箱abc@qq.com). Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_EMAIL_H_
#define HEGUI_SCAN_PI_EMAIL_H_

#include <cstddef>

namespace hegui::scan {

class MatchSink;

inline constexpr size_t kMaxEmailLocalBytes = 64;
inline constexpr size_t kMaxEmailDomainBytes = 190;

// Looks for an address around the '@' at `at` and reports it (0.95).
// Returns the offset at which scanning resumes (> at).
size_t ScanEmailAt(size_t at, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_EMAIL_H_
