// Resume points: places in a text where the PI scan can stop and later
// continue without re-reading anything before them, which is what lets a
// stream run the detectors batch by batch without rescanning a context window.
//
// A resume point is the position just after a *break character*: a line break,
// '\r', '\t', one of ! ? ; " < > [ ] { } |, or one of 。、“”《》「」【】. No
// detector uses these characters: no match contains one, no matcher reads past
// one to decide anything about the text before it (its decision is the same
// whatever follows), no match begins before one when its scan step started
// after it, and the scan never steps over one without stopping on it. Hence,
// for resume points r < r2 of a text T and any prefix P of T with
// r2 <= P.size():
//
//   PiDetector::Detect(P, r, out) reports exactly the matches of
//   PiDetector::Detect(T) that begin in [r, r2), plus matches beginning at or
//   after r2 (which may differ from T's: P may end inside them),
//
// provided P keeps the kResumeLookBehindBytes before r (context words are
// looked for up to there). tests/scan/pi/resume_point_test.cc and the PI
// fuzzer check this on random texts; a change to any matcher that starts to
// read or match one of these characters must take it off the list.
//
// Thread-safe: constant tables only; allocation-free.
#ifndef HEGUI_SCAN_PI_RESUME_POINT_H_
#define HEGUI_SCAN_PI_RESUME_POINT_H_

#include <cstddef>
#include <string_view>

#include "scan/pi/context_words.h"

namespace hegui::scan {

// How far before a scan start the detectors look back: context words within
// kContextWindowBytes before a match, and the byte before that window
// (whole-word check).
inline constexpr size_t kResumeLookBehindBytes = kContextWindowBytes + 1;

inline constexpr size_t kNoResumePoint = static_cast<size_t>(-1);

// The largest resume point r of `text` with floor < r <= text.size(), or
// kNoResumePoint if there is none. Reads text backwards from its end: cost is
// the distance to the point found (at most text.size() - floor).
size_t LastResumePoint(std::string_view text, size_t floor);

// True if a break character ends exactly at `pos` (so `pos` is a resume point).
bool IsResumePoint(std::string_view text, size_t pos);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_RESUME_POINT_H_
