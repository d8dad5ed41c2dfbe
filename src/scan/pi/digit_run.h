// Digit runs: the numeric personal information (ID numbers, phones, bank
// cards) is found by cutting the text into runs of digit groups joined by
// single separators ("138 1234 5678", "6222-0212-3456-7890", "(010)12345678")
// and handing every candidate — a sequence of whole, consecutive groups — to
// the numeric matchers.
//
// Invariants that give the "no word boundary, but no slices" rule:
//  - a group is a maximal run of ASCII digits (plus a final X for ID numbers)
//    with no ASCII letter or digit directly around it; Chinese text may touch it;
//  - a candidate starts and ends on group borders, so a digit run is never cut
//    (a 20-digit number yields no 11-digit phone);
//  - a candidate never begins right after "<digit>." or ends right before
//    ".<digit>" (decimals), and spans at most kMaxCandidateGroups groups.
// Thread-safe: stateless functions; allocation-free.
#ifndef HEGUI_SCAN_PI_DIGIT_RUN_H_
#define HEGUI_SCAN_PI_DIGIT_RUN_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace hegui::scan {

class MatchSink;

inline constexpr size_t kMaxCandidateGroups = 6;
inline constexpr size_t kMaxCandidateDigits = 24;
// The longest candidate span in bytes: digits, 5 separators of up to 3 bytes,
// parentheses, a '+' sign and a landline extension.
inline constexpr size_t kMaxDigitRunMatchBytes = 48;

// How one group is joined to the group before it.
enum class GroupJoin : uint8_t { kNone, kSpace, kDash, kIdeographicSpace, kCloseParen };

// A candidate: groups [first, last] of one run, their digits concatenated.
struct DigitCandidate {
  size_t begin = 0;  // byte offset of the first digit (or of '(' when paren_area)
  size_t end = 0;    // byte offset one past the last digit (or X)
  char digits[kMaxCandidateDigits + 1] = {};
  size_t size = 0;           // number of chars in digits (X counts)
  bool ends_with_x = false;  // the last char is 'X' or 'x' (ID check char)
  size_t group_count = 0;
  uint8_t group_size[kMaxCandidateGroups] = {};
  GroupJoin joins[kMaxCandidateGroups] = {};  // joins[i]: how group i joins group i-1
  bool paren_area = false;                    // "(area) local": the first group was in parentheses
  bool plus_before = false;                   // a '+' directly before begin (international prefix)

  std::string_view Digits() const { return {digits, size}; }
  // True if the groups have exactly these sizes, e.g. HasShape({3, 4, 4}).
  bool HasShape(std::initializer_list<uint8_t> sizes) const;
  // True if all joins (after the first group) are the same separator.
  bool UniformJoins() const;
};

// Handles the digit run whose first group starts at `pos` (a digit that is not
// preceded by an ASCII digit, nor by a letter other than a glued label such as
// "tel", see IsGluedLabel) and whose first token, already known to
// be digits only (with an optional final X), ends at `first_end`. Reports every
// valid candidate (and an IPv4 address starting there) to `sink`. Returns the
// offset just past the last group consumed; the caller resumes scanning there.
size_t ScanDigitRun(size_t pos, size_t first_end, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_DIGIT_RUN_H_
