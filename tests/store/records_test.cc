#include "store/records.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hegui::store {
namespace {

TEST(RecordsTest, EnumNamesRoundTrip) {
  for (Role r : {Role::kAdmin, Role::kReviewer, Role::kAuditor, Role::kUser}) {
    EXPECT_EQ(*ParseRole(RoleName(r)), r);
  }
  for (ReviewStatus s :
       {ReviewStatus::kPending, ReviewStatus::kApproved, ReviewStatus::kRejected}) {
    EXPECT_EQ(*ParseReviewStatus(ReviewStatusName(s)), s);
  }
  for (ComplaintStatus s :
       {ComplaintStatus::kOpen, ComplaintStatus::kInProgress, ComplaintStatus::kResolved}) {
    EXPECT_EQ(*ParseComplaintStatus(ComplaintStatusName(s)), s);
  }
  EXPECT_EQ(ComplaintStatusName(ComplaintStatus::kInProgress), "in_progress");
  EXPECT_EQ(*ParseIdentityStatus("verified"), IdentityStatus::kVerified);
}

TEST(RecordsTest, TimeIsFormattedAsRfc3339Utc) {
  EXPECT_EQ(FormatTime(Time(std::chrono::microseconds(0))), "1970-01-01T00:00:00.000000Z");
  // 2026-11-30T03:04:05.000123Z
  EXPECT_EQ(FormatTime(Time(std::chrono::microseconds(1796007845000123))),
            "2026-11-30T03:04:05.000123Z");
}

TEST(RecordsTest, ParseTimeInvertsFormatTime) {
  const Time t(std::chrono::microseconds(1796007845000123));
  EXPECT_EQ(*ParseTime(FormatTime(t)), t);
  EXPECT_EQ(*ParseTime("2026-11-30T03:04:05Z"), Time(std::chrono::microseconds(1796007845000000)));
  EXPECT_EQ(*ParseTime("1970-01-02"), Time(std::chrono::hours(24)));
}

TEST(RecordsTest, ParseTimeRejectsWhatItCannotReadExactly) {
  for (const char* bad :
       {"", "2026", "2026-13-01", "2026-02-30", "2026-11-30T25:00:00Z", "2026-11-30T03:04:05",
        "2026-11-30T03:04:05+08:00", "2026-11-30T03:04:05.12Z", "2026-11-30 03:04:05Z"}) {
    StatusOr<Time> t = ParseTime(bad);
    EXPECT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(RecordsTest, UnknownRoleListsTheAcceptedOnes) {
  StatusOr<Role> r = ParseRole("root");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "unknown role 'root'; expected one of admin, reviewer, auditor, user");
}

}  // namespace
}  // namespace hegui::store
