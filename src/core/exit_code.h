// Process exit codes shared by every `hegui` subcommand (docs/exit-codes.md).
//
// Invariant: a subcommand exits with exactly one of these; the mapping from a
// Status is ExitCodeFor(), so the same failure gives the same code everywhere.
#ifndef HEGUI_CORE_EXIT_CODE_H_
#define HEGUI_CORE_EXIT_CODE_H_

#include "core/status.h"

namespace hegui {

enum class ExitCode : int {
  kOk = 0,                  // Success; for checks: nothing found.
  kFindings = 1,            // The command worked and found something (gaps, findings).
  kInvalidInput = 2,        // Bad usage, bad input file, bad configuration.
  kRuntimeError = 3,        // The environment failed: I/O, network, a dependency down.
  kVerificationFailed = 4,  // Stored evidence failed verification (tampering, corruption).
};

// Maps a non-OK status to the exit code a script should see; OK maps to kOk.
ExitCode ExitCodeFor(const Status& status);

inline int ToInt(ExitCode code) { return static_cast<int>(code); }

}  // namespace hegui

#endif  // HEGUI_CORE_EXIT_CODE_H_
