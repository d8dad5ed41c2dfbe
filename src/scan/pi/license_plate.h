// PRC vehicle licence plates (GA 36): a province abbreviation (京 津 沪 渝 冀
// 豫 云 辽 黑 湘 皖 鲁 新 苏 浙 赣 鄂 桂 甘 晋 蒙 陕 吉 闽 贵 粤 青 藏 川 宁 琼),
// an issuing-authority letter (A-Z without I and O), optionally '·', ' ' or
// '-', then
//   - 5 characters from 0-9 and A-Z without I and O, at least 3 of them digits
//     (京A12345, 沪B·A1234); or 4 such characters and 学/警/港/澳/挂/领;
//   - new-energy plates, 6 characters: D or F and 5 more, the last 4 digits
//     (small cars, 京AD12345) or 5 digits then D or F (large vehicles, 京A12345D).
// Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_LICENSE_PLATE_H_
#define HEGUI_SCAN_PI_LICENSE_PLATE_H_

#include <cstddef>

namespace hegui::scan {

class MatchSink;

// True if `cp` is a province abbreviation used on plates.
bool IsPlateProvince(char32_t cp);

// Looks for a plate whose letter is at `letter` (an ASCII upper-case letter
// directly after a province abbreviation) and reports it (0.85, 0.95 with
// context). Returns the end of the plate, or 0 if there is none.
size_t ScanLicensePlateAt(size_t letter, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_LICENSE_PLATE_H_
