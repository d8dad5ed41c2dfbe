#include "scan/pi/digit_run.h"

#include <algorithm>

#include "scan/pi/bank_card.h"
#include "scan/pi/ip_address.h"
#include "scan/pi/landline.h"
#include "scan/pi/match_sink.h"
#include "scan/pi/mobile_phone.h"
#include "scan/pi/pi_text.h"
#include "scan/pi/resident_id.h"
#include "scan/pi/uscc.h"

namespace hegui::scan {
namespace {

using pi_text::At;
using pi_text::IsAlnum;
using pi_text::IsDigit;

struct Group {
  size_t begin;
  size_t end;
  size_t size;  // chars, X included
  bool x;       // ends with an ID check char X
  GroupJoin join;
  bool open_paren;      // '(' directly before the group
  bool decimal_before;  // "<digit>." or a thousands "<digit>," before
};

bool IsCheckX(char c) { return c == 'X' || c == 'x'; }

// The end of the digit token at p (digits, then an optional X not followed by
// an alphanumeric), or 0 if the token continues with letters.
size_t DigitTokenEnd(std::string_view text, size_t p) {
  size_t q = p;
  while (q < text.size() && IsDigit(text[q])) ++q;
  if (IsCheckX(At(text, q)) && !IsAlnum(At(text, q + 1))) return q + 1;
  return IsAlnum(At(text, q)) ? 0 : q;
}

// "<digit>." (a decimal) or "<digit>," followed by exactly three digits (a
// thousands group) directly before the group.
bool DecimalBefore(std::string_view text, size_t begin, size_t size) {
  if (begin < 2 || !IsDigit(text[begin - 2])) return false;
  const char c = text[begin - 1];
  return c == '.' || (c == ',' && size == 3);
}

// ".<digit>" or ",ddd<non-digit>" directly after the group.
bool DecimalAfter(std::string_view text, size_t end) {
  const char c = At(text, end);
  if (c == '.') return IsDigit(At(text, end + 1));
  if (c != ',') return false;
  for (size_t i = 1; i <= 3; ++i) {
    if (!IsDigit(At(text, end + i))) return false;
  }
  return !IsDigit(At(text, end + 4));
}

// The fewest digits any numeric matcher accepts: a landline (10: area code
// and local number); mobiles take 11, legacy resident IDs 15, cards 16,
// resident IDs and USCCs 18. Shorter candidates are not built.
constexpr size_t kMinMatchedDigits = 10;

void Dispatch(const DigitCandidate& c, MatchSink& sink) {
  MatchResidentId(c, sink);
  MatchMobilePhone(c, sink);
  MatchLandline(c, sink);
  MatchBankCard(c, sink);
  MatchUsccCandidate(c, sink);
}

// Every candidate that ends with the newest group groups[count - 1].
void EmitCandidatesEndingAtLast(const Group* groups, size_t count, MatchSink& sink) {
  const std::string_view text = sink.text();
  const Group& last = groups[count - 1];
  if (DecimalAfter(text, last.end)) return;
  size_t total = 0;
  for (size_t k = count; k-- > 0;) {
    const Group& first = groups[k];
    total += first.size;
    if (total > kMaxCandidateDigits) return;
    if (first.x && k != count - 1) return;
    if (first.decimal_before || total < kMinMatchedDigits) continue;
    DigitCandidate c;
    c.paren_area = k + 1 < count && groups[k + 1].join == GroupJoin::kCloseParen;
    c.begin = c.paren_area ? first.begin - 1 : first.begin;
    c.end = last.end;
    c.group_count = count - k;
    for (size_t g = k; g < count; ++g) {
      const Group& group = groups[g];
      size_t chars = group.size;
      const char* from = text.data() + group.begin;
      std::copy(from, from + chars, c.digits + c.size);
      c.size += chars;
      c.group_size[g - k] = static_cast<uint8_t>(chars);
      c.joins[g - k] = g == k ? GroupJoin::kNone : group.join;
    }
    c.ends_with_x = last.x;
    if (c.ends_with_x) c.digits[c.size - 1] = 'X';
    c.plus_before = !c.paren_area && At(text, c.begin - 1) == '+' && c.begin > 0;
    Dispatch(c, sink);
  }
}

}  // namespace

bool DigitCandidate::HasShape(std::initializer_list<uint8_t> sizes) const {
  if (sizes.size() != group_count) return false;
  return std::equal(sizes.begin(), sizes.end(), group_size);
}

bool DigitCandidate::UniformJoins() const {
  for (size_t i = 2; i < group_count; ++i) {
    if (joins[i] != joins[1]) return false;
  }
  return true;
}

size_t ScanDigitRun(size_t pos, size_t first_end, MatchSink& sink) {
  const std::string_view text = sink.text();
  Group groups[kMaxCandidateGroups];
  size_t count = 0;
  Group g{pos,
          first_end,
          first_end - pos,
          IsCheckX(text[first_end - 1]),
          GroupJoin::kNone,
          pos > 0 && text[pos - 1] == '(',
          DecimalBefore(text, pos, first_end - pos)};
  // An IPv4 address is a run of its own.
  if (!g.decimal_before && At(text, g.end) == '.' && IsDigit(At(text, g.end + 1))) {
    if (size_t end = Ipv4EndAt(text, pos); end != 0) {
      if (sink.Wants(PiType::kIpv4)) EmitIpv4(pos, end, sink);
      return end;
    }
  }
  while (true) {
    if (count == kMaxCandidateGroups) {
      std::move(groups + 1, groups + count, groups);
      --count;
    }
    groups[count++] = g;
    EmitCandidatesEndingAtLast(groups, count, sink);
    if (g.x) return g.end;
    // Is there a next group?
    size_t separator = 0;
    GroupJoin join = GroupJoin::kNone;
    if (g.open_paren && g.join == GroupJoin::kNone && At(text, g.end) == ')') {
      separator = At(text, g.end + 1) == ' ' ? 2 : 1;
      join = GroupJoin::kCloseParen;
    } else {
      separator = pi_text::SeparatorAt(text, g.end);
      if (separator == 3) {
        join = GroupJoin::kIdeographicSpace;
      } else if (separator == 1) {
        join = text[g.end] == ' ' ? GroupJoin::kSpace : GroupJoin::kDash;
      }
    }
    const size_t next = g.end + separator;
    if (separator == 0 || !IsDigit(At(text, next))) return g.end;
    const size_t next_end = DigitTokenEnd(text, next);
    if (next_end == 0) return g.end;
    g = Group{next, next_end, next_end - next, IsCheckX(text[next_end - 1]), join, false, false};
  }
}

}  // namespace hegui::scan
