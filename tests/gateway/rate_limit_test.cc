#include "gateway/stages/rate_limit.h"

#include "tests/gateway/stage_test_util.h"

namespace hegui::gateway::testing {
namespace {

class RateLimitTest : public ::testing::Test {
 protected:
  void Build(const std::string& yaml) {
    YAML::Node node = YAML::Load(yaml);
    ConfigFields fields(node, "pipeline[0].rate_limit", "test.yaml");
    auto config = ParseRateLimitConfig(fields);
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    auto factory = MakeRateLimitFactory(*config, StageServices{}, [this] { return now_; });
    ASSERT_TRUE(factory.ok());
    factory_ = std::move(factory).value();
  }
  StageVerdict Call(const std::string& key) {
    call_ = ChatCall("hi");
    call_.principal = Principal{"u", key, true};
    return TestStage(*factory_)->OnRequest(call_);
  }
  std::chrono::steady_clock::time_point now_{};
  std::unique_ptr<StageFactory> factory_;
  gateway::Call call_;
};

TEST_F(RateLimitTest, BurstIsAllowedThenRefused) {
  Build("{requests_per_minute: 60, burst: 3}");
  EXPECT_EQ(Call("k"), StageVerdict::kContinue);
  EXPECT_EQ(Call("k"), StageVerdict::kContinue);
  EXPECT_EQ(Call("k"), StageVerdict::kContinue);
  EXPECT_EQ(Call("k"), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->http_status, 429);
  EXPECT_EQ(call_.reply->code, "rate_limit_exceeded");
}

TEST_F(RateLimitTest, TokensComeBackWithTime) {
  Build("{requests_per_minute: 60, burst: 1}");
  EXPECT_EQ(Call("k"), StageVerdict::kContinue);
  EXPECT_EQ(Call("k"), StageVerdict::kLocalReply);
  now_ += std::chrono::seconds(1);
  EXPECT_EQ(Call("k"), StageVerdict::kContinue);
}

TEST_F(RateLimitTest, KeysHaveSeparateBuckets) {
  Build("{requests_per_minute: 60, burst: 1}");
  EXPECT_EQ(Call("a"), StageVerdict::kContinue);
  EXPECT_EQ(Call("b"), StageVerdict::kContinue);
  EXPECT_EQ(Call("a"), StageVerdict::kLocalReply);
}

TEST(RateLimitConfigTest, ZeroBurstNamesTheField) {
  YAML::Node node = YAML::Load("{burst: 0}");
  ConfigFields fields(node, "pipeline[2].rate_limit", "gw.yaml");
  auto config = ParseRateLimitConfig(fields);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().message().find("pipeline[2].rate_limit.burst"), std::string::npos);
  EXPECT_NE(config.status().message().find("gw.yaml:1:"), std::string::npos);
}

}  // namespace
}  // namespace hegui::gateway::testing
