#include "core/exit_code.h"

namespace hegui {

ExitCode ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return ExitCode::kOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
    case StatusCode::kPermissionDenied:
    case StatusCode::kUnauthenticated:
      return ExitCode::kInvalidInput;
    case StatusCode::kDataLoss:
      return ExitCode::kVerificationFailed;
    case StatusCode::kResourceExhausted:
    case StatusCode::kUnavailable:
    case StatusCode::kInternal:
      return ExitCode::kRuntimeError;
  }
  return ExitCode::kRuntimeError;
}

}  // namespace hegui
