#include "tests/gateway/stage_test_util.h"

namespace hegui::gateway::testing {
namespace {

UpstreamConfig Upstream(std::string name, std::string region, std::string model) {
  UpstreamConfig u;
  u.name = std::move(name);
  u.region = std::move(region);
  u.overseas = u.region != "cn";
  u.models = {std::move(model)};
  return u;
}

class RouteTest : public ::testing::Test {
 protected:
  StageVerdict Run(const std::string& model, bool pi) {
    auto factory = BuildStage("route", "", &config_, &services_);
    EXPECT_TRUE(factory.ok()) << factory.status().ToString();
    call_ = ChatCall("x", model);
    call_.carries_personal_information = pi;
    return TestStage(**factory)->OnRequest(call_);
  }
  GatewayConfig config_;
  FakeServices services_;
  Call call_;
};

TEST_F(RouteTest, UnknownModelIs404) {
  config_.upstreams = {Upstream("cn1", "cn", "m")};
  EXPECT_EQ(Run("other", false), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->http_status, 404);
  EXPECT_EQ(call_.reply->code, "model_not_found");
}

TEST_F(RouteTest, DomesticUpstreamIsPreferred) {
  config_.upstreams = {Upstream("us1", "us", "m"), Upstream("cn1", "cn", "m")};
  EXPECT_EQ(Run("m", false), StageVerdict::kContinue);
  EXPECT_EQ(call_.upstream->name, "cn1");
}

TEST_F(RouteTest, OverseasWithoutPersonalInformationIsAllowed) {
  config_.upstreams = {Upstream("us1", "us", "m")};
  EXPECT_EQ(Run("m", false), StageVerdict::kContinue);
  EXPECT_EQ(call_.upstream->name, "us1");
}

TEST_F(RouteTest, PersonalInformationNeverGoesOverseasUnderLocalisation) {
  config_.upstreams = {Upstream("us1", "us", "m")};
  EXPECT_EQ(Run("m", true), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->http_status, 403);
  EXPECT_EQ(call_.reply->code, "region_not_permitted");
  EXPECT_NE(call_.reply->message.find("Art. 39"), std::string::npos);
}

TEST_F(RouteTest, PersonalInformationTakesTheDomesticUpstream) {
  config_.upstreams = {Upstream("us1", "us", "m"), Upstream("cn1", "cn", "m")};
  EXPECT_EQ(Run("m", true), StageVerdict::kContinue);
  EXPECT_EQ(call_.upstream->name, "cn1");
}

TEST_F(RouteTest, RecordedAssessmentPermitsTransfer) {
  config_.upstreams = {Upstream("us1", "us", "m")};
  services_.assessments.insert("us1/personal_information");
  EXPECT_EQ(Run("m", true), StageVerdict::kContinue);
  EXPECT_EQ(call_.upstream->name, "us1");
}

TEST_F(RouteTest, NoLocalisationDutyAllowsOverseas) {
  config_.deployment.localisation_required = false;
  config_.deployment.critical_information_infrastructure = false;
  config_.upstreams = {Upstream("us1", "us", "m")};
  EXPECT_EQ(Run("m", true), StageVerdict::kContinue);
}

TEST_F(RouteTest, CriticalInfrastructureAloneRequiresLocalisation) {
  config_.deployment.localisation_required = false;
  config_.deployment.critical_information_infrastructure = true;
  config_.upstreams = {Upstream("us1", "us", "m")};
  EXPECT_EQ(Run("m", true), StageVerdict::kLocalReply);
}

TEST_F(RouteTest, StoreDownFailsClosed) {
  config_.upstreams = {Upstream("us1", "us", "m")};
  services_.store_down = true;
  EXPECT_EQ(Run("m", true), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->code, "store_unavailable");
}

}  // namespace
}  // namespace hegui::gateway::testing
