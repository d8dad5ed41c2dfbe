// Unified Social Credit Codes (统一社会信用代码, GB 32100-2015): 18 characters
// over the 31-symbol alphabet 0-9 A-H J-N P-R T U W-Y (no I O S V Z):
// registration authority (1-9, A, N, Y), organisation category, 6-digit
// administrative division code (province code first), 9-character
// organisation code, check character. With value(c) the index in the
// alphabet and W[i] = 3^i mod 31 (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30
// 28), check = 31 - (sum value(c[i]) * W[i] mod 31), where 31 becomes 0.
// Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_USCC_H_
#define HEGUI_SCAN_PI_USCC_H_

#include <cstddef>
#include <string_view>

namespace hegui::scan {

struct DigitCandidate;
class MatchSink;

// The alphabet index of `c` (upper case), or -1 if c is not in the alphabet.
int UsccValue(char c);

// The check character for the first 17 characters of `code17`; '\0' if one
// of them is not in the alphabet.
char UsccCheckChar(std::string_view code17);

// True for a valid 18-character code (structure and check character).
bool IsValidUscc(std::string_view code);

// Reports text[begin, begin + 18) if it is a valid code: 0.9, 0.98 with
// context. Used for tokens that contain letters.
void MatchUsccToken(size_t begin, MatchSink& sink);
// The same for an all-digit candidate from a digit run (single group of 18).
void MatchUsccCandidate(const DigitCandidate& candidate, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_USCC_H_
