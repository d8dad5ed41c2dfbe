// Personal names written after a label (姓名, 联系人, 收件人 ... see
// labelled_pi.h): a known surname (surnames.h) followed by one or two given-name
// characters, 2-4 Han characters in all. The name must end where the Han text
// ends or at a word that cannot belong to a name (的, 先生, 电话, 男 ...);
// otherwise its end is unknown and nothing is reported.
// Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_PERSON_NAME_H_
#define HEGUI_SCAN_PI_PERSON_NAME_H_

#include <cstddef>

namespace hegui::scan {

class MatchSink;

inline constexpr size_t kMaxPersonNameBytes = 12;  // 4 Han characters

// Reports the name starting at `pos` (just after the label and its
// separator) with `confidence`. Returns its end, or 0 if there is none.
size_t MatchPersonNameAt(size_t pos, float confidence, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_PERSON_NAME_H_
