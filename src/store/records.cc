#include "store/records.h"

#include <array>
#include <cstdio>
#include <utility>

namespace hegui::store {
namespace {

template <typename E, size_t N>
StatusOr<E> ParseName(const std::array<std::pair<E, std::string_view>, N>& names,
                      std::string_view what, std::string_view name) {
  std::string accepted;
  for (const auto& [value, value_name] : names) {
    if (value_name == name) return value;
    if (!accepted.empty()) accepted += ", ";
    accepted += value_name;
  }
  return InvalidArgumentError("unknown " + std::string(what) + " '" + std::string(name) +
                              "'; expected one of " + accepted);
}

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "unknown";
}

constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles = {{
    {Role::kAdmin, "admin"},
    {Role::kReviewer, "reviewer"},
    {Role::kAuditor, "auditor"},
    {Role::kUser, "user"},
}};
constexpr std::array<std::pair<IdentityStatus, std::string_view>, 2> kIdentityStatuses = {{
    {IdentityStatus::kUnverified, "unverified"},
    {IdentityStatus::kVerified, "verified"},
}};
constexpr std::array<std::pair<ReviewStatus, std::string_view>, 3> kReviewStatuses = {{
    {ReviewStatus::kPending, "pending"},
    {ReviewStatus::kApproved, "approved"},
    {ReviewStatus::kRejected, "rejected"},
}};
constexpr std::array<std::pair<ComplaintStatus, std::string_view>, 3> kComplaintStatuses = {{
    {ComplaintStatus::kOpen, "open"},
    {ComplaintStatus::kInProgress, "in_progress"},
    {ComplaintStatus::kResolved, "resolved"},
}};

}  // namespace

std::string FormatTime(Time t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd(days);
  const std::chrono::hh_mm_ss<std::chrono::microseconds> hms(t - days);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%06lldZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                static_cast<long long>(hms.subseconds().count()));
  return buf;
}

std::string_view RoleName(Role role) { return NameOf(kRoles, role); }
std::string_view IdentityStatusName(IdentityStatus status) {
  return NameOf(kIdentityStatuses, status);
}
std::string_view ReviewStatusName(ReviewStatus status) { return NameOf(kReviewStatuses, status); }
std::string_view ComplaintStatusName(ComplaintStatus status) {
  return NameOf(kComplaintStatuses, status);
}

StatusOr<Role> ParseRole(std::string_view name) { return ParseName(kRoles, "role", name); }
StatusOr<IdentityStatus> ParseIdentityStatus(std::string_view name) {
  return ParseName(kIdentityStatuses, "identity status", name);
}
StatusOr<ReviewStatus> ParseReviewStatus(std::string_view name) {
  return ParseName(kReviewStatuses, "review status", name);
}
StatusOr<ComplaintStatus> ParseComplaintStatus(std::string_view name) {
  return ParseName(kComplaintStatuses, "complaint status", name);
}

}  // namespace hegui::store
