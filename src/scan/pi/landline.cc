#include "scan/pi/landline.h"

#include "scan/pi/digit_run.h"
#include "scan/pi/match_sink.h"

namespace hegui::scan {

size_t CnLandlineAreaCodeLength(std::string_view d) {
  if (d.size() < 10 || d.size() > 12 || d[0] != '0') return 0;
  for (char c : d) {
    if (c < '0' || c > '9') return 0;
  }
  size_t area = 0;
  if (d[1] == '1') {
    if (d[2] != '0') return 0;  // 010 Beijing; other 01x are not area codes
    area = 3;
  } else if (d[1] == '2') {
    area = 3;  // 020-029
  } else if (d[1] >= '3') {
    area = 4;
  } else {
    return 0;
  }
  const size_t local = d.size() - area;
  if (d[area] < '2') return 0;
  if (local == 8 || (area == 4 && local == 7)) return area;
  return 0;
}

namespace {

// Confidence without context for a number whose area code is `area` digits.
float BaseConfidence(const DigitCandidate& c, size_t area) {
  if (c.paren_area) return c.group_size[0] == area ? 0.75f : 0.0f;
  if (c.group_count == 1) return 0.55f;
  return c.group_size[0] == area ? 0.75f : 0.0f;
}

}  // namespace

void MatchLandline(const DigitCandidate& c, MatchSink& sink) {
  if (c.ends_with_x || !sink.Wants(PiType::kLandline)) return;
  const std::string_view d = c.Digits();
  if (size_t area = CnLandlineAreaCodeLength(d); area != 0) {
    const float base = BaseConfidence(c, area);
    if (base > 0) sink.Emit(PiType::kLandline, c.begin, c.end, base, 0.95f, "pi.landline.cn");
    return;
  }
  // Number with extension: the last group, after '-', has 1-5 digits.
  if (c.group_count < 2 || c.joins[c.group_count - 1] != GroupJoin::kDash) return;
  const size_t extension = c.group_size[c.group_count - 1];
  if (extension > 5 || d.size() <= extension) return;
  const size_t area = CnLandlineAreaCodeLength(d.substr(0, d.size() - extension));
  if (area == 0) return;
  const float base = BaseConfidence(c, area);
  if (base > 0) {
    sink.Emit(PiType::kLandline, c.begin, c.end, base, 0.95f, "pi.landline.cn_extension");
  }
}

}  // namespace hegui::scan
