#include "scan/pi/address.h"

#include <array>
#include <string_view>

#include "scan/pi/match_sink.h"
#include "scan/pi/pi_text.h"

namespace hegui::scan {
namespace {

using namespace std::string_view_literals;
using pi_text::At;

constexpr std::u32string_view kAdministrative = U"省市区县镇乡村州旗盟";
constexpr std::u32string_view kStreet = U"路街道巷弄号栋幢楼室座苑院厦";

// Labels that end an address when they follow it.
constexpr std::array kFollowingLabels = {"电话"sv, "手机"sv, "姓名"sv, "联系"sv,   "邮编"sv,
                                         "邮箱"sv, "身份"sv, "收件"sv, "收货人"sv, "备注"sv};

constexpr std::array<uint32_t, kFollowingLabels.size()> kFollowingHeads = [] {
  std::array<uint32_t, kFollowingLabels.size()> heads{};
  for (size_t i = 0; i < heads.size(); ++i) heads[i] = pi_text::Head3(kFollowingLabels[i]);
  return heads;
}();

bool StartsFollowingLabel(std::string_view text, size_t pos) {
  const uint32_t head = pi_text::Load3(text, pos);
  for (size_t i = 0; i < kFollowingLabels.size(); ++i) {
    if (kFollowingHeads[i] == head && pi_text::StartsWithAt(text, pos, kFollowingLabels[i])) {
      return true;
    }
  }
  return false;
}

// The number of consecutive ASCII digits at pos.
size_t DigitRunAt(std::string_view text, size_t pos) {
  size_t n = 0;
  while (pi_text::IsDigit(At(text, pos + n))) ++n;
  return n;
}

}  // namespace

bool IsAdministrativeMarker(char32_t cp) {
  return kAdministrative.find(cp) != std::u32string_view::npos;
}
bool IsStreetMarker(char32_t cp) { return kStreet.find(cp) != std::u32string_view::npos; }

size_t MatchAddressAt(size_t pos, MatchSink& sink) {
  if (!sink.Wants(PiType::kAddress)) return 0;
  const std::string_view text = sink.text();
  size_t p = pos;
  size_t end = pos;  // end of the last non-space character taken
  int administrative = 0;
  int street = 0;
  while (p < text.size()) {
    const char c = text[p];
    size_t width = 0;
    if (pi_text::IsDigit(c)) {
      const size_t digits = DigitRunAt(text, p);
      if (digits >= 7) break;
      width = digits;
    } else if (pi_text::IsAlpha(c) || c == '-' || c == '#') {
      width = 1;
    } else if (c == ' ') {
      if (At(text, p + 1) == ' ' || p == pos) break;
      width = 1;
    } else {
      const char32_t cp = pi_text::Decode3At(text, p);
      if (!pi_text::IsHan(cp) || StartsFollowingLabel(text, p)) break;
      if (IsAdministrativeMarker(cp)) ++administrative;
      if (IsStreetMarker(cp)) ++street;
      width = 3;
    }
    if (p + width - pos > kMaxAddressBytes) break;
    p += width;
    if (c != ' ') end = p;
  }
  if (street == 0 || (administrative == 0 && street < 2)) return 0;
  const float confidence = administrative > 0 ? 0.85f : 0.7f;
  return sink.Emit(PiType::kAddress, pos, end, confidence, confidence, "pi.address.labelled") ? end
                                                                                              : 0;
}

}  // namespace hegui::scan
