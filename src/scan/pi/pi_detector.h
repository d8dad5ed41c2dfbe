// PiDetector: finds personal information (CSL Art. 42-45) in UTF-8 text with
// real validation — check digits, allocated number ranges, real dates — not
// bare patterns. See docs/pi-detection.md for every rule and confidence.
//
// Input contract: valid or invalid UTF-8 (invalid bytes are skipped, never
// read past the end); full-width and styled digits and letters are expected to
// be folded to ASCII already (NFKC), separators (space, '-', U+3000 ...) may
// still be present and are understood. Offsets in PiMatch are byte offsets
// into exactly the text given to Detect.
//
// Chinese text has no word boundaries: a number is found when written
// directly after a Chinese character (手机13812345678), but never when it is a
// slice of a longer digit or letter run (a 20-digit number is not a phone).
//
// Lifetime: PiMatch::rule_id points to static storage (valid forever).
// Thread-safe: a PiDetector is immutable after Create; Detect may be called
// concurrently from any number of threads. Detect allocates only to append to
// `out` (nothing on text without personal information once `out` has room).
//
// Streaming: a match, together with the bytes after it that decide where it
// ends, is never longer than MaxMatchBytes(); the context words that raise a
// match's confidence (and the label before a name or address) lie within
// MaxContextBytes() before the match's begin. Where the text has resume points
// (after a line break, 。, !, ? ...; see resume_point.h), a stream continues
// the scan from the last one with Detect(text, from, out) instead of re-reading
// a context window. Without them, a stream scanner gets exactly
// what one Detect over the whole text gives (tested with chunks of 1 byte and
// up) if, after each chunk, it runs Detect over the unsettled tail plus
// MaxContextBytes() before it, settles the matches that begin more than
// 2 * MaxMatchBytes() before the end of the text received so far (by then
// every match that could overlap them is complete), and drops a new match
// that overlaps one already settled (that one won the contest earlier).
//
// Example:
//   auto detector = hegui::scan::PiDetector::Create({});
//   if (!detector.ok()) return detector.status();
//   std::vector<hegui::scan::PiMatch> found;
//   (*detector)->Detect("手机13812345678", &found);
//   // found[0]: kMobilePhone, bytes [6, 17), confidence 0.97
#ifndef HEGUI_SCAN_PI_PI_DETECTOR_H_
#define HEGUI_SCAN_PI_PI_DETECTOR_H_

#include <bitset>
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "core/status_or.h"
#include "scan/pi/pi_mask.h"  // MaskPi, for callers of the detector
#include "scan/pi/pi_type.h"

namespace hegui::scan {

// One piece of personal information found in the text.
struct PiMatch {
  PiType type;
  size_t begin;              // byte offset of the first byte of the match
  size_t end;                // byte offset one past the last byte (begin < end)
  float confidence;          // in (0, 1]; see docs/pi-detection.md for the rules
  std::string_view rule_id;  // stable id such as "pi.resident_id.gb11643"

  friend bool operator==(const PiMatch&, const PiMatch&) = default;
};

struct PiDetectorOptions {
  // Which types are looked for; all by default.
  std::bitset<kPiTypeCount> enabled = std::bitset<kPiTypeCount>().set();
  // Matches below this confidence are not reported. In [0, 1].
  float min_confidence = 0.5f;
  // Birth dates after this year are invalid. 0 means the current UTC year at
  // Create; otherwise in [1900, 9999] (tests pin it).
  int reference_year = 0;

  bool IsEnabled(PiType type) const { return enabled.test(static_cast<size_t>(type)); }
  PiDetectorOptions& Enable(PiType type, bool on = true) {
    enabled.set(static_cast<size_t>(type), on);
    return *this;
  }
};

class PiDetector {
 public:
  // Fails with kInvalidArgument when an option is out of range.
  static StatusOr<std::unique_ptr<PiDetector>> Create(const PiDetectorOptions& options);

  PiDetector(const PiDetector&) = delete;
  PiDetector& operator=(const PiDetector&) = delete;

  // Appends the matches in `utf8_text` to `out`. The appended matches are
  // sorted by begin and do not overlap one another (where two candidates
  // overlap, the more confident one, then the longer one, wins). Cost: one
  // pass over the text, O(size) with a small constant.
  void Detect(std::string_view utf8_text, std::vector<PiMatch>* out) const {
    Detect(utf8_text, 0, out);
  }
  // The same, scanning from byte `from` on (from <= utf8_text.size()); the
  // bytes before it are only looked back at (context words, the character
  // before a plate's letter). When `from` is a resume point, the matches that
  // begin before any later resume point are exactly the whole text's (see
  // resume_point.h).
  void Detect(std::string_view utf8_text, size_t from, std::vector<PiMatch>* out) const;

  // The longest match any enabled detector can report, plus the look-ahead
  // that decides its end (see "Streaming" above).
  size_t MaxMatchBytes() const { return max_match_bytes_; }
  // How far before a match its context words and labels are looked for.
  size_t MaxContextBytes() const;

  const PiDetectorOptions& options() const { return options_; }
  int reference_year() const { return reference_year_; }

 private:
  PiDetector(const PiDetectorOptions& options, int reference_year);

  PiDetectorOptions options_;
  int reference_year_;
  bool labels_enabled_;  // person names or addresses are looked for
  size_t max_match_bytes_;
};

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_PI_DETECTOR_H_
