// Mainland China fixed-line numbers: a trunk prefix 0 and area code (010,
// 020-029 with 8-digit local numbers; 0300-0999 with 7- or 8-digit local
// numbers), a local number starting 2-9, optionally an extension after '-'.
// Written "010-12345678", "(0755)1234567", "021 1234 5678", "01012345678",
// "021-12345678-123". Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_LANDLINE_H_
#define HEGUI_SCAN_PI_LANDLINE_H_

#include <cstddef>
#include <string_view>

namespace hegui::scan {

struct DigitCandidate;
class MatchSink;

// The length (3 or 4, including the leading 0) of the area code that
// `digits` (trunk prefix, area code, local number) starts with, if the rest is
// a local number of a valid length for that code; 0 otherwise.
size_t CnLandlineAreaCodeLength(std::string_view digits);

// Reports the candidate if it is a landline number: area code set off by a
// separator or parentheses 0.75, plain digits 0.55; 0.95 with context. A last
// group of 1-5 digits after '-' following a valid number is an extension.
void MatchLandline(const DigitCandidate& candidate, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_LANDLINE_H_
