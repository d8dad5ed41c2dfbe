// Status: the result of an operation that can fail, as a small value type.
//
// A Status is either OK or carries a code and a message. The code says what the
// caller should do next (fix the input, fix the state first, retry later, treat
// the data as damaged); the message says what was wrong and where, e.g.
// "profile.yaml:12:3: field 'deployment.region': expected one of cn, overseas".
//
// Invariant: ok() <=> code() == StatusCode::kOk, and an OK status has an empty
// message. Status is cheap to copy when OK (no allocation).
//
// Example:
//   hegui::Status s = catalogue.Validate();
//   if (!s.ok()) { std::cerr << s.ToString() << "\n"; return ExitCode(s); }
#ifndef HEGUI_CORE_STATUS_H_
#define HEGUI_CORE_STATUS_H_

#include <string>
#include <string_view>

namespace hegui {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // The input is malformed; fix it and call again.
  kNotFound,            // A named thing does not exist.
  kAlreadyExists,       // Creating something that is already there.
  kFailedPrecondition,  // The system is not in a state that allows this; fix the state first.
  kPermissionDenied,    // The caller is known but not allowed (or the law forbids the action).
  kUnauthenticated,     // The caller could not be identified.
  kResourceExhausted,   // A limit was hit (size, rate, quota); retry later or with less.
  kUnavailable,         // A dependency is down; the same call may succeed later.
  kDataLoss,            // Stored data is damaged or was tampered with.
  kInternal,            // A broken invariant inside hegui: a bug.
};

// Returns a stable lower-case name such as "invalid_argument".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK.
  Status(StatusCode code, std::string message);

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK" or "<code name>: <message>".
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>"; OK stays OK.
  Status WithContext(std::string_view context) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status OkStatus() { return Status(); }
Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status AlreadyExistsError(std::string message);
Status FailedPreconditionError(std::string message);
Status PermissionDeniedError(std::string message);
Status UnauthenticatedError(std::string message);
Status ResourceExhaustedError(std::string message);
Status UnavailableError(std::string message);
Status DataLossError(std::string message);
Status InternalError(std::string message);

}  // namespace hegui

// Evaluates an expression returning Status and returns it from the current
// function if it is not OK.
#define HEGUI_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::hegui::Status hegui_status_ = (expr);        \
    if (!hegui_status_.ok()) return hegui_status_; \
  } while (0)

#endif  // HEGUI_CORE_STATUS_H_
