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

TEST(RecordsTest, UnknownRoleListsTheAcceptedOnes) {
  StatusOr<Role> r = ParseRole("root");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "unknown role 'root'; expected one of admin, reviewer, auditor, user");
}

}  // namespace
}  // namespace hegui::store
