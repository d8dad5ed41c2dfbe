// PRC passport numbers: 9 characters — E or G followed by 8 digits
// (E12345678, G12345678), or the newer E followed by a letter (not I or O)
// and 7 digits (EA1234567). The number has no check digit, so without a
// context word (护照, passport) it is reported with modest confidence.
// Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_PASSPORT_H_
#define HEGUI_SCAN_PI_PASSPORT_H_

#include <cstddef>
#include <string_view>

namespace hegui::scan {

class MatchSink;

// True if `token` (exactly 9 characters) has a passport number's form.
bool IsCnPassportNumber(std::string_view token);

// Reports text[begin, begin + 9) if it is a passport number: 0.6, 0.95 with
// context. The caller passes a whole alphanumeric token of 9 characters.
void MatchPassportToken(size_t begin, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_PASSPORT_H_
