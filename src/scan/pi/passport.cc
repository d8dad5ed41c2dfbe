#include "scan/pi/passport.h"

#include "scan/pi/match_sink.h"
#include "scan/pi/pi_text.h"

namespace hegui::scan {

bool IsCnPassportNumber(std::string_view t) {
  if (t.size() != 9 || (t[0] != 'E' && t[0] != 'G')) return false;
  size_t digits_from = 1;
  if (t[0] == 'E' && pi_text::IsUpper(t[1])) {
    if (t[1] == 'I' || t[1] == 'O') return false;
    digits_from = 2;
  }
  for (size_t i = digits_from; i < 9; ++i) {
    if (!pi_text::IsDigit(t[i])) return false;
  }
  return true;
}

void MatchPassportToken(size_t begin, MatchSink& sink) {
  if (!sink.Wants(PiType::kPassport)) return;
  if (!IsCnPassportNumber(sink.text().substr(begin, 9))) return;
  sink.Emit(PiType::kPassport, begin, begin + 9, 0.6f, 0.95f, "pi.passport.cn");
}

}  // namespace hegui::scan
