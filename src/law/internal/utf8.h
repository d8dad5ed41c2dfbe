// Minimal UTF-8 helpers used by the law module's parsers (internal).
//
// Input is treated as UTF-8 bytes; malformed sequences (as core/utf8.h
// defines them: overlong, surrogate, truncated ...) decode to U+FFFD and
// advance by one byte, so every loop over a string terminates. Offsets are byte
// offsets into the original string. Stateless and thread-safe.
#ifndef HEGUI_LAW_INTERNAL_UTF8_H_
#define HEGUI_LAW_INTERNAL_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace hegui::law::internal {

// Decodes the code point at `text[pos]` with core/utf8.h's strict decoder;
// sets `*length` to its byte length (>= 1).
char32_t DecodeAt(std::string_view text, size_t pos, size_t* length);

// True for CJK unified ideographs (the basic block and extension A).
bool IsHan(char32_t cp);

// Removes leading and trailing ASCII whitespace and U+3000 (ideographic space).
std::string_view Trim(std::string_view text);

}  // namespace hegui::law::internal

#endif  // HEGUI_LAW_INTERNAL_UTF8_H_
