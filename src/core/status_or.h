// StatusOr<T>: either a value of type T or a non-OK Status explaining why
// there is none.
//
// Invariant: exactly one of the two is present; a StatusOr is never built from
// an OK Status (that would be a value-less success, which is a bug: it becomes
// an kInternal error instead).
//
// Example:
//   hegui::StatusOr<Profile> p = LoadProfile(path);
//   if (!p.ok()) return p.status();
//   Use(*p);
#ifndef HEGUI_CORE_STATUS_OR_H_
#define HEGUI_CORE_STATUS_OR_H_

#include <cassert>
#include <optional>
#include <utility>

#include "core/status.h"

namespace hegui {

template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status)  // NOLINT(google-explicit-constructor): mirrors absl::StatusOr.
      : status_(status.ok() ? InternalError("StatusOr built from an OK status without a value")
                            : std::move(status)) {}
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // Precondition: ok().
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;  // OK when value_ is present.
  std::optional<T> value_;
};

}  // namespace hegui

// Assigns the value of a StatusOr expression to `lhs`, or returns its status.
#define HEGUI_ASSIGN_OR_RETURN(lhs, expr) \
  HEGUI_ASSIGN_OR_RETURN_IMPL_(HEGUI_CONCAT_(hegui_status_or_, __LINE__), lhs, expr)
#define HEGUI_CONCAT_INNER_(a, b) a##b
#define HEGUI_CONCAT_(a, b) HEGUI_CONCAT_INNER_(a, b)
#define HEGUI_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  lhs = std::move(tmp).value()

#endif  // HEGUI_CORE_STATUS_OR_H_
