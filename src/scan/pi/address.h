// Street addresses written after a label (地址, 住址, 居住地 ... see
// labelled_pi.h): Han characters, ASCII letters and digits, '-', '#' and single
// spaces, up to kMaxAddressBytes, ending at punctuation, a line end, a
// following label (电话, 手机, 姓名, 联系, 邮编 ...) or a run of 7+ digits (a
// phone number). It is reported only if it reads like an address: at least one
// street-level marker (路 街 道 巷 弄 号 栋 幢 楼 室 座 苑 院 厦) and either an
// administrative marker (省 市 区 县 镇 乡 村 州 旗 盟) or a second street marker.
// Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_ADDRESS_H_
#define HEGUI_SCAN_PI_ADDRESS_H_

#include <cstddef>

namespace hegui::scan {

class MatchSink;

inline constexpr size_t kMaxAddressBytes = 150;

// Reports the address starting at `pos` (just after the label and its
// separator): 0.85 with administrative and street markers, else 0.7.
// Returns its end, or 0 if there is none.
size_t MatchAddressAt(size_t pos, MatchSink& sink);

// True if `cp` is an administrative-division marker (省 市 区 县 ...).
bool IsAdministrativeMarker(char32_t cp);
// True if `cp` is a street-level marker (路 街 号 ...).
bool IsStreetMarker(char32_t cp);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_ADDRESS_H_
