// Writing a JSON string literal without a JSON library: for code that builds
// JSON text byte by byte (the evidence log's canonical record encoding, the
// gateway's model_call bodies) and must not pay for a DOM.
//
// Invariant: the output for a given input never changes. Records already in
// an evidence log were hashed over these bytes, so the escaping below is part
// of docs/audit-format.md and must stay as it is.
#ifndef HEGUI_CORE_JSON_STRING_H_
#define HEGUI_CORE_JSON_STRING_H_

#include <string>
#include <string_view>

namespace hegui {

// Appends `text` as a JSON string literal (RFC 8259), quotes included.
// '"' and '\' are escaped, \n \r \t use their short forms, other control
// characters below U+0020 become \u00XX, every other valid UTF-8 sequence is
// copied unchanged, and each byte that does not start a valid UTF-8 sequence
// becomes U+FFFD, so the result is always valid UTF-8 JSON.
void AppendJsonString(std::string* out, std::string_view text);

}  // namespace hegui

#endif  // HEGUI_CORE_JSON_STRING_H_
