// MaskPi: replaces one piece of personal information by a mask that keeps its
// type's shape, so that masked text still reads naturally and a reader can
// tell what was removed (e.g. 138****5678), while the identifying part is gone.
//
//   resident_id                 110105********002X   first 6, last 4 kept
//   mobile_phone                138****5678          country prefix + first 3, last 4
//   landline                    010-****5678         area code, last 4
//   bank_card                   622202******1234     first 6 (BIN), last 4
//   passport                    E******78            first 1, last 2
//   unified_social_credit_code  91350100********43   first 8, last 2
//   license_plate               京A***45             province + letter, last 2
//   ipv4                        192.168.*.*          first two octets
//   ipv6                        [IPV6]
//   email                       [EMAIL]
//   person_name                 张**                 surname kept, one * per character
//   address                     北京市海淀区***      leading divisions (省/市/区/县) kept
//
// Separators inside the span (space, '-', '.', '·', U+3000, parentheses) stay
// where they were; every other character that is masked becomes one '*'.
// `original_span` is the match's text (any bytes; invalid UTF-8 is masked
// byte by byte). Thread-safe; allocates only the returned string.
#ifndef HEGUI_SCAN_PI_PI_MASK_H_
#define HEGUI_SCAN_PI_PI_MASK_H_

#include <string>
#include <string_view>

#include "scan/pi/pi_type.h"

namespace hegui::scan {

std::string MaskPi(PiType type, std::string_view original_span);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_PI_MASK_H_
