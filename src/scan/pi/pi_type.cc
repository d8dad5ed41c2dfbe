#include "scan/pi/pi_type.h"

#include <array>

namespace hegui::scan {
namespace {

constexpr std::array<std::string_view, kPiTypeCount> kNames = {
    "resident_id", "mobile_phone", "landline", "bank_card",     "email",
    "passport",    "ipv4",         "ipv6",     "license_plate", "unified_social_credit_code",
    "person_name", "address",
};

}  // namespace

std::string_view PiTypeName(PiType type) {
  const size_t index = static_cast<size_t>(type);
  return index < kNames.size() ? kNames[index] : std::string_view("unknown");
}

std::optional<PiType> ParsePiType(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<PiType>(i);
  }
  return std::nullopt;
}

}  // namespace hegui::scan
