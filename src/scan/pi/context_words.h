// Context words: the words (身份证, 手机, 卡号, ID, phone ...) that, written
// shortly before a candidate, make it much more likely to be that type of
// personal information, and so raise its confidence.
//
// A word counts when it lies wholly inside the kContextWindowBytes bytes
// before the candidate's begin. Latin words match case-insensitively and only
// as whole words (ID counts in "ID:" and "身份ID", not in "valid").
// Thread-safe: constant tables only; allocation-free.
#ifndef HEGUI_SCAN_PI_CONTEXT_WORDS_H_
#define HEGUI_SCAN_PI_CONTEXT_WORDS_H_

#include <cstddef>
#include <span>
#include <string_view>

#include "scan/pi/pi_type.h"

namespace hegui::scan {

inline constexpr size_t kContextWindowBytes = 32;

// The context words of `type` (empty for types that need none, e.g. e-mail).
std::span<const std::string_view> ContextWordsFor(PiType type);

// True if one of the context words of `type` ends within kContextWindowBytes
// before `begin` in `text`.
bool HasContextBefore(std::string_view text, size_t begin, PiType type);

// True if `letters` (ASCII, any case) is a label that people glue to the number
// it announces, as in "tel13812345678" or "ID11010519491231002X": id, idno,
// no, tel, phone, mobile, cell, card, acct. Such a prefix does not make the
// number a slice of a longer word.
bool IsGluedLabel(std::string_view letters);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_CONTEXT_WORDS_H_
