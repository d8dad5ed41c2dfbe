#include "scan/pi/address.h"

#include <array>
#include <cstdint>
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

// What a Han character is to an address, found with one hash probe or two
// (the loop below looks up every character of the address).
enum CharRole : uint8_t {
  kAdministrativeRole = 1,
  kStreetRole = 2,
  kFollowingHeadRole = 4,  // the first character of a following label
};

struct RoleSlot {
  char32_t cp;  // 0: empty
  uint8_t roles;
};
constexpr size_t kRoleSlots = 128;

constexpr size_t RoleHash(char32_t cp) { return (uint32_t{cp} * 2654435761u) >> 25; }

constexpr std::array<RoleSlot, kRoleSlots> kRoles = [] {
  std::array<RoleSlot, kRoleSlots> table{};
  auto add = [&table](char32_t cp, uint8_t role) {
    size_t i = RoleHash(cp);
    while (table[i].cp != 0 && table[i].cp != cp) i = (i + 1) % kRoleSlots;
    table[i].cp = cp;
    table[i].roles |= role;
  };
  for (char32_t cp : kAdministrative) add(cp, kAdministrativeRole);
  for (char32_t cp : kStreet) add(cp, kStreetRole);
  for (std::string_view label : kFollowingLabels) {
    const char32_t cp = (char32_t{static_cast<uint8_t>(label[0])} & 0x0F) << 12 |
                        (char32_t{static_cast<uint8_t>(label[1])} & 0x3F) << 6 |
                        (static_cast<uint8_t>(label[2]) & 0x3F);
    add(cp, kFollowingHeadRole);
  }
  return table;
}();

uint8_t RolesOf(char32_t cp) {
  for (size_t i = RoleHash(cp);; i = (i + 1) % kRoleSlots) {
    if (kRoles[i].cp == cp) return kRoles[i].roles;
    if (kRoles[i].cp == 0) return 0;
  }
}

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

bool IsAdministrativeMarker(char32_t cp) { return cp != 0 && (RolesOf(cp) & kAdministrativeRole); }
bool IsStreetMarker(char32_t cp) { return cp != 0 && (RolesOf(cp) & kStreetRole); }

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
      if (!pi_text::IsHan(cp)) break;
      const uint8_t roles = RolesOf(cp);
      if ((roles & kFollowingHeadRole) && StartsFollowingLabel(text, p)) break;
      if (roles & kAdministrativeRole) ++administrative;
      if (roles & kStreetRole) ++street;
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
