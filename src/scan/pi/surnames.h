// Chinese surnames: a shipped list of about 400 common single-character
// surnames and the common two-character (compound) surnames, used to accept a
// personal name only when it starts with a real surname. Compound surnames are
// tried first (欧阳娜娜 is 欧阳 + 娜娜, not 欧 + 阳娜娜).
// Thread-safe: constexpr tables; allocation-free.
#ifndef HEGUI_SCAN_PI_SURNAMES_H_
#define HEGUI_SCAN_PI_SURNAMES_H_

#include <cstddef>
#include <string_view>

namespace hegui::scan {

// The byte length of the surname that text[pos..] starts with: 6 for a
// compound surname, 3 for a single one, 0 if it starts with no known surname.
size_t SurnameBytesAt(std::string_view text, size_t pos);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_SURNAMES_H_
