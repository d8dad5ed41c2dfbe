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

StatusOr<Time> ParseTime(std::string_view text) {
  const auto bad = [&] {
    return InvalidArgumentError("time '" + std::string(text.substr(0, 40)) +
                                "' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.ffffff]Z (UTC)");
  };
  auto digits = [&](size_t pos, size_t n, int* out) {
    if (pos + n > text.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!digits(0, 4, &y) || text.size() < 10 || text[4] != '-' || !digits(5, 2, &mo) ||
      text[7] != '-' || !digits(8, 2, &d)) {
    return bad();
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(mo),
                                        std::chrono::day(d)};
  if (!ymd.ok()) return bad();
  Time t = Time(std::chrono::sys_days(ymd));
  if (text.size() == 10) return t;
  if (text[10] != 'T' || !digits(11, 2, &h) || text.size() < 20 || text[13] != ':' ||
      !digits(14, 2, &mi) || text[16] != ':' || !digits(17, 2, &sec) || h > 23 || mi > 59 ||
      sec > 59) {
    return bad();
  }
  t += std::chrono::hours(h) + std::chrono::minutes(mi) + std::chrono::seconds(sec);
  size_t pos = 19;
  if (text[pos] == '.') {
    int us = 0;
    if (!digits(pos + 1, 6, &us)) return bad();
    t += std::chrono::microseconds(us);
    pos += 7;
  }
  if (pos + 1 != text.size() || text[pos] != 'Z') return bad();
  return t;
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
