#include "tests/gateway/stage_test_util.h"

namespace hegui::gateway::testing {
namespace {

TEST(AuditStageTest, RecordsTheCallOnComplete) {
  FakeServices services;
  Metrics metrics;
  auto factory = BuildStage("audit", "", nullptr, &services, &metrics);
  ASSERT_TRUE(factory.ok());
  Call call = ChatCall("x");
  auto stage = TestStage(**factory);
  EXPECT_EQ(stage->OnRequest(call), StageVerdict::kContinue);
  EXPECT_TRUE(stage->OnComplete(call).ok());
  EXPECT_EQ(services.Records().size(), 1u);
}

TEST(AuditStageTest, UnwritableLogRefusesBeforeForwarding) {
  FakeServices services;
  services.audit_down = true;
  auto factory = BuildStage("audit", "", nullptr, &services);
  ASSERT_TRUE(factory.ok());
  Call call = ChatCall("x");
  EXPECT_EQ(TestStage(**factory)->OnRequest(call), StageVerdict::kLocalReply);
  EXPECT_EQ(call.reply->http_status, 503);
  EXPECT_EQ(call.reply->code, "audit_log_unavailable");
}

TEST(AuditStageTest, FailedAppendIsReported) {
  FakeServices services;
  auto factory = BuildStage("audit", "", nullptr, &services);
  ASSERT_TRUE(factory.ok());
  Call call = ChatCall("x");
  auto stage = TestStage(**factory);
  EXPECT_EQ(stage->OnRequest(call), StageVerdict::kContinue);
  services.audit_down = true;
  EXPECT_FALSE(stage->OnComplete(call).ok());
}

TEST(MetricsStageTest, CountsOutcomesAndFindings) {
  Metrics metrics;
  FakeServices services;
  auto factory = BuildStage("metrics", "", nullptr, &services, &metrics);
  ASSERT_TRUE(factory.ok());
  Call call = ChatCall("x");
  call.outcome = "blocked";
  call.reply = ContentPolicyViolation("no");
  call.findings.push_back(CallFinding{"input", "lexicon", "prohibited", "12", "r", 0, 3, "block"});
  call.findings.push_back(CallFinding{"input", "pi", "mobile", "42", "p", 5, 11, "mask"});
  EXPECT_TRUE(TestStage(**factory)->OnComplete(call).ok());
  EXPECT_EQ(metrics.requests.Get({"chat_completions", "blocked", "400"}), 1);
  EXPECT_EQ(metrics.blocks.Get({"input", "prohibited", "12"}), 1);
  EXPECT_EQ(metrics.pi_findings.Get({"input", "mobile"}), 1);
  std::string text = metrics.Render();
  EXPECT_NE(
      text.find("hegui_blocks_total{where=\"input\",category=\"prohibited\",article=\"12\"} 1"),
      std::string::npos)
      << text;
}

}  // namespace
}  // namespace hegui::gateway::testing
