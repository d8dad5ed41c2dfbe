// Standard base64 (RFC 4648 section 4, with '=' padding), as used by C2SP
// signed notes, checkpoints and the sealed fields of audit records.
// Decode rejects anything that is not canonical padded base64.
// Thread-safe: pure functions.
#ifndef HEGUI_AUDIT_BASE64_H_
#define HEGUI_AUDIT_BASE64_H_

#include <string>
#include <string_view>

#include "core/status_or.h"

namespace hegui::audit {

std::string Base64Encode(std::string_view raw);
StatusOr<std::string> Base64Decode(std::string_view text);

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_BASE64_H_
