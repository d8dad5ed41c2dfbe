#include "scan/pi/license_plate.h"

#include <algorithm>
#include <array>

#include "scan/pi/match_sink.h"
#include "scan/pi/pi_text.h"

namespace hegui::scan {
namespace {

using pi_text::At;

// Sorted for binary search.
constexpr std::array<char32_t, 31> kProvinces = [] {
  std::array<char32_t, 31> p = {U'京', U'津', U'沪', U'渝', U'冀', U'豫', U'云', U'辽',
                                U'黑', U'湘', U'皖', U'鲁', U'新', U'苏', U'浙', U'赣',
                                U'鄂', U'桂', U'甘', U'晋', U'蒙', U'陕', U'吉', U'闽',
                                U'贵', U'粤', U'青', U'藏', U'川', U'宁', U'琼'};
  std::sort(p.begin(), p.end());
  return p;
}();

constexpr std::array<char32_t, 6> kSpecialSuffixes = {U'学', U'警', U'港', U'澳', U'挂', U'领'};

bool IsPlateChar(char c) {
  return pi_text::IsDigit(c) || (pi_text::IsUpper(c) && c != 'I' && c != 'O');
}

bool IsNewEnergyMark(char c) { return c == 'D' || c == 'F'; }

// Bytes of a separator between the letter and the rest: '·' (U+00B7),
// '・' (U+30FB), '•' (U+2022), ' ' or '-'.
size_t PlateSeparatorAt(std::string_view text, size_t pos) {
  const char c = At(text, pos);
  if (c == ' ' || c == '-') return 1;
  if (c == '\xC2' && At(text, pos + 1) == '\xB7') return 2;
  const char32_t cp = pi_text::Decode3At(text, pos);
  return (cp == 0x30FB || cp == 0x2022) ? 3 : 0;
}

}  // namespace

bool IsPlateProvince(char32_t cp) {
  return std::binary_search(kProvinces.begin(), kProvinces.end(), cp);
}

size_t ScanLicensePlateAt(size_t letter, MatchSink& sink) {
  const std::string_view text = sink.text();
  if (!sink.Wants(PiType::kLicensePlate) || letter < 3) return 0;
  if (!IsPlateChar(At(text, letter)) || pi_text::IsDigit(text[letter])) return 0;
  if (!IsPlateProvince(pi_text::Decode3Before(text, letter))) return 0;
  size_t p = letter + 1;
  p += PlateSeparatorAt(text, p);
  const size_t tail = p;
  while (p < text.size() && pi_text::IsAlnum(text[p]) && p - tail < 7) ++p;
  if (pi_text::IsAlnum(At(text, p))) return 0;
  const std::string_view t = text.substr(tail, p - tail);
  if (!std::all_of(t.begin(), t.end(), IsPlateChar)) return 0;
  const auto digits = std::count_if(t.begin(), t.end(), pi_text::IsDigit);
  const char* rule = nullptr;
  size_t end = p;
  if (t.size() == 5 && digits >= 3) {
    rule = "pi.license_plate.cn";
  } else if (t.size() == 6 && IsNewEnergyMark(t[0]) && IsPlateChar(t[1]) &&
             std::all_of(t.begin() + 2, t.end(), pi_text::IsDigit)) {
    rule = "pi.license_plate.new_energy";
  } else if (t.size() == 6 && IsNewEnergyMark(t[5]) &&
             std::all_of(t.begin(), t.begin() + 5, pi_text::IsDigit)) {
    rule = "pi.license_plate.new_energy";
  } else if (t.size() == 4 && digits >= 3) {
    const char32_t suffix = pi_text::Decode3At(text, p);
    if (std::find(kSpecialSuffixes.begin(), kSpecialSuffixes.end(), suffix) ==
        kSpecialSuffixes.end()) {
      return 0;
    }
    rule = "pi.license_plate.special";
    end = p + 3;
  } else {
    return 0;
  }
  const size_t begin = letter - 3;
  return sink.Emit(PiType::kLicensePlate, begin, end, 0.85f, 0.95f, rule) ? end : 0;
}

}  // namespace hegui::scan
