// Whole-file helpers for configuration and data files (not for hot paths).
//
// Errors name the path and the operating-system reason. WriteFileAtomically
// never leaves a half-written file at `path`: it writes a sibling temporary,
// fsyncs it and renames it over the target.
#ifndef HEGUI_CORE_FILE_H_
#define HEGUI_CORE_FILE_H_

#include <string>

#include "core/status.h"
#include "core/status_or.h"

namespace hegui {

// Reads the whole file. NotFound if it does not exist; InvalidArgument if it is
// larger than `max_bytes`.
StatusOr<std::string> ReadFileToString(const std::string& path, size_t max_bytes = size_t{1} << 30);

// Replaces `path` with `contents` atomically, creating it with `mode` if new.
Status WriteFileAtomically(const std::string& path, const std::string& contents,
                           unsigned mode = 0644);

}  // namespace hegui

#endif  // HEGUI_CORE_FILE_H_
