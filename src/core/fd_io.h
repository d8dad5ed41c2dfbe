// Small POSIX file-descriptor helpers shared by every module that writes files
// itself (the evidence log, the subject-key store, whole-file writes).
//
// Errors are Unavailable (the storage failed, the input was fine) and name the
// path, what was being done and the operating system's reason, so a message
// such as "audit/seg-000001.log: write failed: No space left on device" reaches
// the operator unchanged. The helpers read errno; call them right after the
// failing system call.
#ifndef HEGUI_CORE_FD_IO_H_
#define HEGUI_CORE_FD_IO_H_

#include <string_view>

#include "core/status.h"

namespace hegui {

// Unavailable "<path>: <what>: <strerror(errno)>".
Status OsError(std::string_view path, std::string_view what);

// Writes all of `bytes` to `fd`, retrying short writes and EINTR. On failure
// some prefix of `bytes` may have been written; the error names `path`.
Status WriteFully(int fd, std::string_view bytes, std::string_view path);

}  // namespace hegui

#endif  // HEGUI_CORE_FD_IO_H_
