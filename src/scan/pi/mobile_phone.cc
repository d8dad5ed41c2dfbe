#include "scan/pi/mobile_phone.h"

#include "scan/pi/digit_run.h"
#include "scan/pi/match_sink.h"
#include "scan/pi/pi_text.h"

namespace hegui::scan {

bool IsCnMobileNumber(std::string_view d) {
  if (d.size() != 11 || d[0] != '1') return false;
  for (char c : d) {
    if (!pi_text::IsDigit(c)) return false;
  }
  const char b = d[1];
  const char c = d[2];
  switch (b) {
    case '3':
    case '8':
      return true;
    case '4':
      return c >= '5';
    case '5':
    case '9':
      return c != '4';
    case '6':
      return c == '2' || (c >= '5' && c <= '7');
    case '7':
      if (c == '4') return d[3] == '0' && d[4] <= '5';
      return c != '9';
    default:
      return false;
  }
}

void MatchMobilePhone(const DigitCandidate& c, MatchSink& sink) {
  if (c.paren_area || c.ends_with_x || !sink.Wants(PiType::kMobilePhone)) return;
  const std::string_view d = c.Digits();
  if (d.size() == 11) {
    if (!IsCnMobileNumber(d)) return;
    float base = 0.7f;
    if (c.group_count == 1) {
      base = 0.8f;
    } else if (c.HasShape({3, 4, 4}) && c.UniformJoins()) {
      base = 0.85f;
    }
    sink.Emit(PiType::kMobilePhone, c.begin, c.end, base, 0.97f, "pi.mobile_phone.cn");
    return;
  }
  // International forms: 86 / 0086 followed by the national number, the
  // country code written as its own group or glued to the number after '+'.
  size_t prefix = 0;
  if (d.size() == 13 && d.starts_with("86")) prefix = 2;
  if (d.size() == 15 && d.starts_with("0086")) prefix = 4;
  if (prefix == 0 || !IsCnMobileNumber(d.substr(prefix))) return;
  const bool prefix_is_group = c.group_size[0] == prefix;
  if (!prefix_is_group && !(prefix == 2 && c.plus_before)) return;
  const size_t begin = c.plus_before ? c.begin - 1 : c.begin;
  sink.Emit(PiType::kMobilePhone, begin, c.end, 0.9f, 0.97f, "pi.mobile_phone.cn_international");
}

}  // namespace hegui::scan
