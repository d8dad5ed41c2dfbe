#include "gateway/config.h"

#include <gtest/gtest.h>

#include "core/file.h"

namespace hegui::gateway {
namespace {

std::string ErrorOf(const std::string& yaml) {
  auto c = ParseGatewayConfig(yaml, "gw.yaml");
  return c.ok() ? "" : c.status().message();
}

TEST(GatewayConfigTest, EmptyFileGivesTheFullDefaultPipeline) {
  auto c = ParseGatewayConfig("", "gw.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ((*c)->listen_port, 8080);
  ASSERT_EQ((*c)->pipeline.size(), 8u);
  EXPECT_EQ((*c)->pipeline.front().name, "authenticate");
  EXPECT_EQ((*c)->pipeline.back().name, "metrics");
  EXPECT_TRUE((*c)->upstreams.empty());
  EXPECT_TRUE((*c)->mock_when_no_upstream);
  EXPECT_EQ((*c)->store_path, "hegui-data/hegui.db");
}

TEST(GatewayConfigTest, AuditDurabilityIsSyncUnlessWritten) {
  auto c = ParseGatewayConfig("", "gw.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ((*c)->audit_durability, "sync");
  c = ParseGatewayConfig("audit:\n  durability: written\n", "gw.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ((*c)->audit_durability, "written");
  std::string e = ErrorOf("audit:\n  durability: relaxed\n");
  EXPECT_NE(e.find("gw.yaml:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("audit.durability"), std::string::npos) << e;
  EXPECT_NE(e.find("'relaxed' is not one of: sync, written"), std::string::npos) << e;
}

TEST(GatewayConfigTest, ShippedExampleIsValid) {
  auto c = LoadGatewayConfig(std::string(HEGUI_SOURCE_DIR) + "/examples/gateway/gateway.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
}

TEST(GatewayConfigTest, UpstreamsAreParsed) {
  auto c = ParseGatewayConfig(R"(
upstreams:
  - name: local
    url: http://127.0.0.1:9000/api
    region: cn
    models: [a, b]
  - name: abroad
    url: https://api.example.com
    region: us
    models: ["*"]
)",
                              "gw.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ((*c)->upstreams.size(), 2u);
  EXPECT_FALSE((*c)->upstreams[0].overseas);
  EXPECT_EQ((*c)->upstreams[0].parsed_url.base_path, "/api");
  EXPECT_TRUE((*c)->upstreams[1].overseas);
  EXPECT_TRUE((*c)->upstreams[1].parsed_url.tls);
  EXPECT_EQ((*c)->upstreams[1].parsed_url.port, "443");
  EXPECT_TRUE((*c)->upstreams[1].Serves("anything"));
}

TEST(GatewayConfigTest, ErrorsNameFileLineAndField) {
  std::string e = ErrorOf("limits:\n  max_body_bytes: lots\n");
  EXPECT_NE(e.find("gw.yaml:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("limits.max_body_bytes"), std::string::npos) << e;
}

TEST(GatewayConfigTest, UnknownFieldIsAnError) {
  std::string e = ErrorOf("deployment:\n  cii: true\n");
  EXPECT_NE(e.find("deployment.cii"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown field"), std::string::npos) << e;
}

TEST(GatewayConfigTest, UpstreamNeedsARegion) {
  std::string e = ErrorOf("upstreams:\n  - {name: a, url: 'http://x', models: [m]}\n");
  EXPECT_NE(e.find("upstreams[0].region"), std::string::npos) << e;
}

TEST(GatewayConfigTest, UpstreamUrlMustBeHttp) {
  std::string e = ErrorOf("upstreams:\n  - {name: a, url: 'ftp://x', region: cn, models: [m]}\n");
  EXPECT_NE(e.find("upstreams[0].url"), std::string::npos) << e;
}

TEST(GatewayConfigTest, UnsetApiKeyVariableIsAnError) {
  std::string e = ErrorOf(
      "upstreams:\n  - {name: a, url: 'http://x', region: cn, models: [m], api_key_env: "
      "HEGUI_TEST_SURELY_UNSET}\n");
  EXPECT_NE(e.find("HEGUI_TEST_SURELY_UNSET"), std::string::npos) << e;
}

TEST(GatewayConfigTest, UnknownStageIsNamed) {
  std::string e = ErrorOf("pipeline: [authenticate, route, teleport, audit]\n");
  EXPECT_NE(e.find("pipeline[2]"), std::string::npos) << e;
  EXPECT_NE(e.find("teleport"), std::string::npos) << e;
}

TEST(GatewayConfigTest, StagesCannotBeReordered) {
  std::string e = ErrorOf("pipeline: [route, authenticate, audit]\n");
  EXPECT_NE(e.find("out of order"), std::string::npos) << e;
}

TEST(GatewayConfigTest, AuditCannotBeLeftOut) {
  std::string e = ErrorOf("pipeline: [authenticate, route]\n");
  EXPECT_NE(e.find("'audit' is required"), std::string::npos) << e;
}

TEST(GatewayConfigTest, StageSettingsAreValidatedAtLoad) {
  std::string e = ErrorOf(
      "pipeline:\n  - authenticate\n  - rate_limit: {requests_per_minute: -1}\n  - route\n  - "
      "audit\n");
  EXPECT_NE(e.find("pipeline[1].rate_limit.requests_per_minute"), std::string::npos) << e;
}

TEST(GatewayConfigTest, InvalidYamlReportsPosition) {
  std::string e = ErrorOf("listen: [\n");
  EXPECT_NE(e.find("gw.yaml:"), std::string::npos) << e;
  EXPECT_NE(e.find("invalid YAML"), std::string::npos) << e;
}

TEST(GatewayConfigTest, ListenNeedsAPort) {
  std::string e = ErrorOf("listen: localhost\n");
  EXPECT_NE(e.find("field 'listen'"), std::string::npos) << e;
}

}  // namespace
}  // namespace hegui::gateway
