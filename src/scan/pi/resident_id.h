// Resident identity card numbers (公民身份号码, GB 11643-1999).
//
// 18-character form: 6-digit administrative division code, 8-digit birth date
// YYYYMMDD, 3-digit sequence, 1 check character. The check character is
// "10X98765432"[S mod 11] with S = sum of digit[i] * W[i] and
// W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2. The division code's first two digits
// are a province code (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82, 91).
// 15-character legacy form: division code, YYMMDD (19YY), 3-digit sequence, no
// check character.
// Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_RESIDENT_ID_H_
#define HEGUI_SCAN_PI_RESIDENT_ID_H_

#include <string_view>

namespace hegui::scan {

struct DigitCandidate;
class MatchSink;

// True if `two_digits` (10..99) is a province-level code used in ID numbers.
bool IsProvinceCode(int two_digits);

// True if year-month-day is a real Gregorian date in [1900, reference_year].
bool IsBirthDate(int year, int month, int day, int reference_year);

// The check character ('0'-'9' or 'X') for the first 17 digits of `id17`;
// '\0' if those are not all digits.
char ResidentIdCheckChar(std::string_view id17);

// True for a valid 18-character number (last char may be 'X' or 'x').
bool IsValidResidentId18(std::string_view id, int reference_year);
// True for a valid 15-digit legacy number (province, real 19YY date).
bool IsValidResidentId15(std::string_view id, int reference_year);

// Reports the candidate if it is a valid ID number (18: confidence 0.9, 0.99
// with context; 15: 0.4, 0.85 with context).
void MatchResidentId(const DigitCandidate& candidate, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_RESIDENT_ID_H_
