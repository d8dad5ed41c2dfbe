#include "tests/gateway/stage_test_util.h"

namespace hegui::gateway::testing {
namespace {

class AuthenticateTest : public ::testing::Test {
 protected:
  StageVerdict Run(const std::string& header) {
    auto factory = BuildStage("authenticate", "", nullptr, &services_);
    EXPECT_TRUE(factory.ok()) << factory.status().ToString();
    call_ = ChatCall("hi");
    call_.authorization = header;
    return TestStage(**factory)->OnRequest(call_);
  }
  FakeServices services_;
  Call call_;
};

TEST_F(AuthenticateTest, KnownKeySetsPrincipal) {
  EXPECT_EQ(Run("Bearer sk-verified"), StageVerdict::kContinue);
  ASSERT_TRUE(call_.principal);
  EXPECT_EQ(call_.principal->user_id, "alice");
  EXPECT_EQ(call_.principal->key_id, "key-1");
}

TEST_F(AuthenticateTest, MissingKeyIsRefusedWithInvalidApiKey) {
  EXPECT_EQ(Run(""), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->http_status, 401);
  EXPECT_EQ(call_.reply->code, "invalid_api_key");
}

TEST_F(AuthenticateTest, UnknownKeyIsRefused) {
  EXPECT_EQ(Run("Bearer sk-nope"), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->code, "invalid_api_key");
}

TEST_F(AuthenticateTest, StoreDownFailsClosed) {
  services_.store_down = true;
  EXPECT_EQ(Run("Bearer sk-verified"), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->http_status, 503);
  EXPECT_EQ(call_.reply->code, "store_unavailable");
  EXPECT_FALSE(call_.principal);
}

TEST_F(AuthenticateTest, UnknownSettingIsAConfigError) {
  auto factory = BuildStage("authenticate", "{header: x}", nullptr, &services_);
  ASSERT_FALSE(factory.ok());
  EXPECT_NE(factory.status().message().find("pipeline[0].authenticate.header"), std::string::npos)
      << factory.status().ToString();
}

}  // namespace
}  // namespace hegui::gateway::testing
