// libFuzzer target for PiDetector::Detect and MaskPi on arbitrary bytes.
//
// Checks, for every input: matches lie inside the text, are non-empty, sorted
// and non-overlapping, have a confidence in (0, 1] and a known rule id, and are
// no longer than MaxMatchBytes(); a second Detect gives the same matches;
// MaskPi accepts every matched span and masks something in it; and the
// resume-point property (pi/resume_point.h): scanning a prefix from a resume
// point r gives exactly the whole text's matches up to the next one; every
// classifier of the candidate cursor (pi/candidate_cursor.h) gives the same
// matches.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "scan/pi/candidate_cursor.h"
#include "scan/pi/pi_detector.h"
#include "scan/pi/resume_point.h"

namespace {

const hegui::scan::PiDetector& Detector() {
  static const auto* detector = [] {
    hegui::scan::PiDetectorOptions options;
    options.reference_year = 2026;
    options.min_confidence = 0.0f;  // everything a matcher reports
    auto created = hegui::scan::PiDetector::Create(options);
    if (!created.ok()) std::abort();
    return std::move(created).value().release();
  }();
  return *detector;
}

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const hegui::scan::PiDetector& detector = Detector();
  std::vector<hegui::scan::PiMatch> found;
  detector.Detect(text, &found);
  for (size_t i = 0; i < found.size(); ++i) {
    const hegui::scan::PiMatch& m = found[i];
    Check(m.begin < m.end && m.end <= text.size());
    Check(m.end - m.begin <= detector.MaxMatchBytes());
    Check(m.confidence > 0.0f && m.confidence <= 1.0f);
    Check(m.rule_id.starts_with("pi."));
    Check(!hegui::scan::PiTypeName(m.type).empty());
    if (i > 0) Check(found[i - 1].end <= m.begin);
    const std::string_view span = text.substr(m.begin, m.end - m.begin);
    const std::string masked = hegui::scan::MaskPi(m.type, span);
    Check(masked != span);
  }
  std::vector<hegui::scan::PiMatch> again;
  detector.Detect(text, &again);
  Check(again == found);

  // The candidate cursor's classifiers (portable, SSE2, AVX2 where the CPU
  // has them) give the same matches.
  const int best = hegui::scan::CandidateCursor::SimdLevel();
  for (int level = 0; level < best; ++level) {
    hegui::scan::CandidateCursor::SetSimdLevel(level);
    std::vector<hegui::scan::PiMatch> at_level;
    detector.Detect(text, &at_level);
    hegui::scan::CandidateCursor::SetSimdLevel(best);
    Check(at_level == found);
  }

  // Resume points: a few consecutive pairs r < r2, prefixes ending at r2 and
  // half way to the end, with all of the text before r or only its look-behind.
  std::vector<size_t> points = {0};
  for (size_t p = 1; p <= size && points.size() < 6; ++p) {
    if (hegui::scan::IsResumePoint(text, p)) points.push_back(p);
  }
  for (size_t k = 0; k + 1 < points.size(); ++k) {
    const size_t r = points[k];
    const size_t r2 = points[k + 1];
    std::vector<hegui::scan::PiMatch> expected;
    for (const hegui::scan::PiMatch& m : found) {
      if (m.begin >= r && m.begin < r2) expected.push_back(m);
    }
    for (size_t end : {r2, r2 + (size - r2) / 2}) {
      const size_t cut =
          r > hegui::scan::kResumeLookBehindBytes ? r - hegui::scan::kResumeLookBehindBytes : 0;
      std::vector<hegui::scan::PiMatch> part;
      detector.Detect(text.substr(cut, end - cut), r - cut, &part);
      std::vector<hegui::scan::PiMatch> got;
      for (hegui::scan::PiMatch m : part) {
        m.begin += cut;
        m.end += cut;
        Check(m.begin >= r);
        if (m.begin < r2) got.push_back(m);
      }
      Check(got == expected);
    }
  }
  return 0;
}
