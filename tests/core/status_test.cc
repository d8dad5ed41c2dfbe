#include "core/status.h"

#include <gtest/gtest.h>

#include "core/exit_code.h"
#include "core/status_or.h"

namespace hegui {
namespace {

TEST(StatusTest, DefaultIsOkWithEmptyMessage) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, OkCodeDropsMessage) {
  Status s(StatusCode::kOk, "ignored");
  EXPECT_TRUE(s.message().empty());
}

TEST(StatusTest, ErrorCarriesCodeAndMessage) {
  Status s = InvalidArgumentError("x.yaml:3:1: bad");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "invalid_argument: x.yaml:3:1: bad");
  EXPECT_EQ(s.WithContext("loading").message(), "loading: x.yaml:3:1: bad");
}

TEST(StatusOrTest, HoldsValueOrError) {
  StatusOr<int> v = 7;
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 7);
  StatusOr<int> e = NotFoundError("nope");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kNotFound);
}

TEST(StatusOrTest, OkStatusWithoutValueBecomesInternalError) {
  StatusOr<int> e = OkStatus();
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kInternal);
}

TEST(ExitCodeTest, MapsStatusToDocumentedCodes) {
  EXPECT_EQ(ExitCodeFor(OkStatus()), ExitCode::kOk);
  EXPECT_EQ(ExitCodeFor(InvalidArgumentError("")), ExitCode::kInvalidInput);
  EXPECT_EQ(ExitCodeFor(DataLossError("")), ExitCode::kVerificationFailed);
  EXPECT_EQ(ExitCodeFor(UnavailableError("")), ExitCode::kRuntimeError);
}

}  // namespace
}  // namespace hegui
