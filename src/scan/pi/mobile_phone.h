// Mainland China mobile numbers: 11 digits in the ranges allocated to mobile
// networks, after libphonenumber's CN mobile pattern (13x, 145-149,
// 150-153/155-159, 162/165-167, 170-173/175-178, 1740[0-5], 18x,
// 190-193/195-199), optionally after +86 / 0086 / 86, written plain or grouped
// (138 1234 5678, 138-1234-5678). Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_MOBILE_PHONE_H_
#define HEGUI_SCAN_PI_MOBILE_PHONE_H_

#include <string_view>

namespace hegui::scan {

struct DigitCandidate;
class MatchSink;

// True if `digits` is an 11-digit number in an allocated mobile range.
bool IsCnMobileNumber(std::string_view digits);

// Reports the candidate if it is a mobile number: plain 0.8, grouped 3-4-4
// 0.85, other groupings 0.7, with a country prefix 0.9; 0.97 with context.
void MatchMobilePhone(const DigitCandidate& candidate, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_MOBILE_PHONE_H_
