#include "scan/pi/resident_id.h"

#include <array>

#include "scan/pi/digit_run.h"
#include "scan/pi/match_sink.h"
#include "scan/pi/pi_text.h"

namespace hegui::scan {
namespace {

constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!pi_text::IsDigit(c)) return false;
  }
  return true;
}

int Number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

bool IsProvinceCode(int code) {
  return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37) ||
         (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65) ||
         code == 71 || code == 81 || code == 82 || code == 91;
}

bool IsBirthDate(int year, int month, int day, int reference_year) {
  if (year < 1900 || year > reference_year || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

char ResidentIdCheckChar(std::string_view id17) {
  if (id17.size() < 17 || !AllDigits(id17.substr(0, 17))) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (id17[i] - '0') * kWeights[i];
  return kCheckChars[sum % 11];
}

bool IsValidResidentId18(std::string_view id, int reference_year) {
  if (id.size() != 18) return false;
  const char check = ResidentIdCheckChar(id);
  if (check == '\0') return false;
  const char last = id[17] == 'x' ? 'X' : id[17];
  if (last != check) return false;
  if (!IsProvinceCode(Number(id.substr(0, 2)))) return false;
  return IsBirthDate(Number(id.substr(6, 4)), Number(id.substr(10, 2)), Number(id.substr(12, 2)),
                     reference_year);
}

bool IsValidResidentId15(std::string_view id, int reference_year) {
  if (id.size() != 15 || !AllDigits(id)) return false;
  if (!IsProvinceCode(Number(id.substr(0, 2)))) return false;
  return IsBirthDate(1900 + Number(id.substr(6, 2)), Number(id.substr(8, 2)),
                     Number(id.substr(10, 2)), reference_year);
}

void MatchResidentId(const DigitCandidate& c, MatchSink& sink) {
  if (c.paren_area || !sink.Wants(PiType::kResidentId)) return;
  if (c.size == 18 && IsValidResidentId18(c.Digits(), sink.reference_year())) {
    sink.Emit(PiType::kResidentId, c.begin, c.end, 0.9f, 0.99f, "pi.resident_id.gb11643");
  } else if (c.size == 15 && !c.ends_with_x &&
             IsValidResidentId15(c.Digits(), sink.reference_year())) {
    sink.Emit(PiType::kResidentId, c.begin, c.end, 0.4f, 0.85f, "pi.resident_id.legacy15");
  }
}

}  // namespace hegui::scan
