#include "tests/gateway/stage_test_util.h"

namespace hegui::gateway::testing {
namespace {

StageVerdict RunIdentity(const std::string& yaml, bool deployment_requires,
                         std::optional<Principal> who, Call* call) {
  GatewayConfig config;
  config.deployment.real_identity_required = deployment_requires;
  FakeServices services;
  auto factory = BuildStage("identity", yaml, &config, &services);
  EXPECT_TRUE(factory.ok()) << factory.status().ToString();
  *call = ChatCall("hi");
  call->principal = who;
  return TestStage(**factory)->OnRequest(*call);
}

TEST(IdentityTest, VerifiedUserIsServed) {
  Call call;
  EXPECT_EQ(RunIdentity("", true, Principal{"alice", "k1", true}, &call), StageVerdict::kContinue);
}

TEST(IdentityTest, UnverifiedUserIsRefusedUnderArticle26) {
  Call call;
  EXPECT_EQ(RunIdentity("", true, Principal{"bob", "k2", false}, &call), StageVerdict::kLocalReply);
  EXPECT_EQ(call.reply->http_status, 403);
  EXPECT_EQ(call.reply->code, "identity_not_verified");
  EXPECT_NE(call.reply->message.find("Art. 26"), std::string::npos);
}

TEST(IdentityTest, NotRequiredByDeploymentServesUnverified) {
  Call call;
  EXPECT_EQ(RunIdentity("", false, Principal{"bob", "k2", false}, &call), StageVerdict::kContinue);
}

TEST(IdentityTest, StageSettingOverridesDeployment) {
  Call call;
  EXPECT_EQ(RunIdentity("{required: true}", false, Principal{"bob", "k2", false}, &call),
            StageVerdict::kLocalReply);
}

TEST(IdentityTest, NoPrincipalIsRefused) {
  Call call;
  EXPECT_EQ(RunIdentity("", true, std::nullopt, &call), StageVerdict::kLocalReply);
}

}  // namespace
}  // namespace hegui::gateway::testing
