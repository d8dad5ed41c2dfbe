// PiType: the kinds of personal information the PI detectors report, with
// stable snake_case names used in findings, JSON output and configuration.
//
// Invariant: the numeric values are dense 0..kPiTypeCount-1 (they index bit
// sets), and PiTypeName / ParsePiType are exact inverses. Names never change
// once shipped; new types are appended.
//
// Thread-safe: pure functions over constant tables.
#ifndef HEGUI_SCAN_PI_PI_TYPE_H_
#define HEGUI_SCAN_PI_PI_TYPE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hegui::scan {

enum class PiType : uint8_t {
  kResidentId,               // resident identity card number (GB 11643)
  kMobilePhone,              // mainland mobile number
  kLandline,                 // mainland fixed-line number with area code
  kBankCard,                 // payment card number (Luhn, BIN ranges)
  kEmail,                    // e-mail address
  kPassport,                 // PRC passport number
  kIpv4,                     // IPv4 address
  kIpv6,                     // IPv6 address
  kLicensePlate,             // PRC vehicle licence plate
  kUnifiedSocialCreditCode,  // 统一社会信用代码 (GB 32100)
  kPersonName,               // a Chinese personal name after a label (姓名, 联系人 ...)
  kAddress,                  // a street address after a label (地址, 住址 ...)
};

inline constexpr size_t kPiTypeCount = 12;

// "resident_id", "mobile_phone", "landline", "bank_card", "email", "passport",
// "ipv4", "ipv6", "license_plate", "unified_social_credit_code", "person_name",
// "address".
std::string_view PiTypeName(PiType type);

// The inverse of PiTypeName; nullopt for an unknown name.
std::optional<PiType> ParsePiType(std::string_view name);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_PI_TYPE_H_
