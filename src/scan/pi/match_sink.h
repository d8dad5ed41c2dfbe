// MatchSink: where the individual PI matchers put what they found. It applies
// the detector's options (enabled types, minimum confidence) and the context
// rule (a context word before the match raises its confidence), so that every
// matcher states only its own validation and its two confidence levels.
//
// Holds pointers: `text`, `options` and `out` must outlive the sink, which
// lives for one Detect call. Not thread-safe (one per call).
#ifndef HEGUI_SCAN_PI_MATCH_SINK_H_
#define HEGUI_SCAN_PI_MATCH_SINK_H_

#include <string_view>
#include <vector>

#include "scan/pi/pi_detector.h"

namespace hegui::scan {

class MatchSink {
 public:
  MatchSink(std::string_view text, const PiDetectorOptions& options, int reference_year,
            std::vector<PiMatch>* out)
      : text_(text), options_(options), reference_year_(reference_year), out_(out) {}

  std::string_view text() const { return text_; }
  int reference_year() const { return reference_year_; }
  bool Wants(PiType type) const { return options_.IsEnabled(type); }

  // Reports [begin, end) as `type` with confidence `base`, or `with_context`
  // when a context word of the type precedes `begin` (with_context >= base; a
  // base of 0 means "only with context"). Dropped when the type is disabled or
  // the confidence is below the minimum. Returns true if it was reported.
  bool Emit(PiType type, size_t begin, size_t end, float base, float with_context,
            std::string_view rule_id);

 private:
  std::string_view text_;
  const PiDetectorOptions& options_;
  int reference_year_;
  std::vector<PiMatch>* out_;
};

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_MATCH_SINK_H_
