#include "scan/pi/pi_detector.h"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <string>

#include "scan/pi/candidate_cursor.h"
#include "scan/pi/context_words.h"
#include "scan/pi/digit_run.h"
#include "scan/pi/email.h"
#include "scan/pi/ip_address.h"
#include "scan/pi/labelled_pi.h"
#include "scan/pi/license_plate.h"
#include "scan/pi/match_sink.h"
#include "scan/pi/passport.h"
#include "scan/pi/pi_text.h"
#include "scan/pi/uscc.h"

namespace hegui::scan {
namespace {

using pi_text::ClassOf;

// A lead byte 0xE0-0xEF followed by two continuation bytes (p has 3 bytes).
inline bool IsThreeByteChar(const char* p) {
  return (static_cast<uint8_t>(p[0]) & 0xF0) == 0xE0 &&
         (static_cast<uint8_t>(p[1]) & 0xC0) == 0x80 && (static_cast<uint8_t>(p[2]) & 0xC0) == 0x80;
}

// The 4 bytes at p in one number, p[0] in bits 0-7 whatever the machine's
// byte order (compiles to one load on little-endian machines).
inline uint32_t Load4(const char* p) {
  return uint32_t{static_cast<uint8_t>(p[0])} | uint32_t{static_cast<uint8_t>(p[1])} << 8 |
         uint32_t{static_cast<uint8_t>(p[2])} << 16 | uint32_t{static_cast<uint8_t>(p[3])} << 24;
}

// The end of the run of 3-byte characters from i on that cannot start a label
// (MayStartLabel): where the scan must look again.
size_t SkipPlainThreeByteChars(std::string_view text, size_t i) {
  const size_t n = text.size();
  // Four bytes at a time while they are there: lead 1110xxxx, two
  // continuation bytes 10xxxxxx, then the label table's bit for them.
  while (i + 4 <= n) {
    const uint32_t w = Load4(text.data() + i);
    if ((w & 0xC0C0F0u) != 0x8080E0u) return i;
    const uint32_t row = (w & 0x0Fu) << 6 | (w >> 8 & 0x3Fu);
    if ((kLabelStarts.bits[row] >> (w >> 16 & 0x3Fu)) & 1) return i;
    i += 3;
  }
  while (i + 3 <= n && IsThreeByteChar(text.data() + i) && !MayStartLabel(text.data() + i)) i += 3;
  return i;
}

// Digits, optionally ending with an ID check character X (at least one digit).
bool IsDigitGroup(std::string_view token) {
  if (!token.empty() && (token.back() == 'X' || token.back() == 'x')) token.remove_suffix(1);
  return !token.empty() && std::all_of(token.begin(), token.end(), pi_text::IsDigit);
}

// Handles the maximal ASCII alphanumeric token starting at i: a digit run,
// a licence plate after its province character, a glued label before a digit
// group, a passport number or a USCC. Returns where scanning resumes.
size_t ScanToken(size_t i, MatchSink& sink) {
  const std::string_view text = sink.text();
  const size_t n = text.size();
  const char c = text[i];
  size_t e = i;
  uint8_t seen = 0;
  while (e < n && (ClassOf(text[e]) & pi_text::kAlnum)) seen |= ClassOf(text[e++]);
  const size_t size = e - i;
  // A digit group has a digit (a word without one is not looked at twice).
  const bool letters = seen & (pi_text::kUpper | pi_text::kLower);
  if (!letters || ((seen & pi_text::kDigit) && IsDigitGroup(text.substr(i, size)))) {
    return ScanDigitRun(i, e, sink);
  }
  if (pi_text::IsUpper(c) && i >= 3 && static_cast<uint8_t>(text[i - 3]) >= 0xE0) {
    if (size_t end = ScanLicensePlateAt(i, sink); end != 0) return end;
  }
  if (seen & pi_text::kDigit) {
    // "tel13812345678": a glued label, then a digit group.
    size_t digits = i;
    while (digits < e && pi_text::IsAlpha(text[digits])) ++digits;
    if (digits < e && IsGluedLabel(text.substr(i, digits - i)) &&
        IsDigitGroup(text.substr(digits, e - digits))) {
      return ScanDigitRun(digits, e, sink);
    }
    if (size == 9) MatchPassportToken(i, sink);
    if (size == 18) MatchUsccToken(i, sink);
  }
  return e;
}

int CurrentUtcYear() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return utc.tm_year + 1900;
}

// Longest match plus look-ahead, per type (see the header's "Streaming").
size_t MaxMatchBytesFor(PiType type) {
  switch (type) {
    case PiType::kResidentId:
    case PiType::kMobilePhone:
    case PiType::kLandline:
    case PiType::kBankCard:
      return kMaxDigitRunMatchBytes + 8;
    case PiType::kEmail:
      return kMaxEmailLocalBytes + 1 + kMaxEmailDomainBytes + 8;
    case PiType::kPassport:
    case PiType::kUnifiedSocialCreditCode:
    case PiType::kIpv4:
      return 24;
    case PiType::kIpv6:
      return 48;
    case PiType::kLicensePlate:
      return 3 + 1 + 3 + 7 + 3 + 8;
    case PiType::kPersonName:
    case PiType::kAddress:
      return kMaxLabelledMatchBytes + 8;
  }
  return 0;
}

// Keeps, among overlapping matches in [first, end) sorted by begin, the more
// confident (then longer) one.
void ResolveOverlaps(std::vector<PiMatch>* out, size_t first) {
  auto begin = out->begin() + static_cast<std::ptrdiff_t>(first);
  auto order = [](const PiMatch& a, const PiMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  };
  // Matches arrive almost in order: only the candidates of one digit run (found
  // from the last group backwards) and an e-mail (whose local part may hold a
  // number found earlier) come out of order, by a few places. Insertion sort
  // is linear on that.
  for (auto it = begin; it != out->end(); ++it) {
    for (auto j = it; j != begin && order(*j, *(j - 1)); --j) std::iter_swap(j, j - 1);
  }
  size_t kept = first;
  for (size_t i = first; i < out->size(); ++i) {
    const PiMatch& m = (*out)[i];
    if (kept > first && m.begin < (*out)[kept - 1].end) {
      PiMatch& previous = (*out)[kept - 1];
      const bool better =
          m.confidence > previous.confidence ||
          (m.confidence == previous.confidence && m.end - m.begin > previous.end - previous.begin);
      if (better) previous = m;
      continue;
    }
    (*out)[kept++] = m;
  }
  out->resize(kept);
}

}  // namespace

StatusOr<std::unique_ptr<PiDetector>> PiDetector::Create(const PiDetectorOptions& options) {
  if (!(options.min_confidence >= 0.0f && options.min_confidence <= 1.0f)) {
    return InvalidArgumentError("pi detector: min_confidence " +
                                std::to_string(options.min_confidence) + " is not in [0, 1]");
  }
  if (options.reference_year != 0 &&
      (options.reference_year < 1900 || options.reference_year > 9999)) {
    return InvalidArgumentError("pi detector: reference_year " +
                                std::to_string(options.reference_year) +
                                " is not 0 (current year) or in [1900, 9999]");
  }
  const int year = options.reference_year != 0 ? options.reference_year : CurrentUtcYear();
  return std::unique_ptr<PiDetector>(new PiDetector(options, year));
}

PiDetector::PiDetector(const PiDetectorOptions& options, int reference_year)
    : options_(options),
      reference_year_(reference_year),
      labels_enabled_(options.IsEnabled(PiType::kPersonName) ||
                      options.IsEnabled(PiType::kAddress)),
      max_match_bytes_(0) {
  for (size_t i = 0; i < kPiTypeCount; ++i) {
    const auto type = static_cast<PiType>(i);
    if (options.IsEnabled(type))
      max_match_bytes_ = std::max(max_match_bytes_, MaxMatchBytesFor(type));
  }
}

size_t PiDetector::MaxContextBytes() const { return std::max(kContextWindowBytes, kMaxLabelBytes); }

void PiDetector::Detect(std::string_view text, size_t from, std::vector<PiMatch>* out) const {
  if (options_.enabled.none()) return;
  const size_t first = out->size();
  MatchSink sink(text, options_, reference_year_, out);
  const size_t n = text.size();
  // Only the positions the cursor returns can start a scan step; every byte
  // in between is one the step-by-step scan would pass without effect (see
  // candidate_cursor.h). Han characters are candidates only when labels are
  // looked for.
  CandidateCursor cursor(text, labels_enabled_);
  size_t i = from;
  while (true) {
    const size_t at = cursor.Next(i);
    if (at >= n) break;
    const char c = text[at];
    if (ClassOf(c) & pi_text::kAlnum) {
      // The maximal ASCII alphanumeric token [t, e) holding `at`; it starts
      // no earlier than the scan position (as a byte-by-byte scan would).
      size_t t = at;
      while (t > i && pi_text::IsAlnum(text[t - 1])) --t;
      i = ScanToken(t, sink);
    } else if (c == '@') {
      i = ScanEmailAt(at, sink);
    } else if (c == ':') {
      i = ScanIpv6AtColon(at, sink);
    } else {
      // A lead byte 0xE3-0xE9. Where the cursor does not sort out the
      // characters that start no label (SSE2, portable), a run of them is
      // walked here, a table lookup each.
      const size_t p = cursor.FiltersLabelStarts() ? at : SkipPlainThreeByteChars(text, at);
      if (p + 3 <= n && (ClassOf(text[p]) & pi_text::kCjkLead) &&
          IsThreeByteChar(text.data() + p) && MayStartLabel(text.data() + p)) {
        i = ScanLabelAt(p, sink);
      } else {
        i = p == at ? at + 1 : p;
      }
    }
  }
  if (out->size() > first) ResolveOverlaps(out, first);
}

}  // namespace hegui::scan
