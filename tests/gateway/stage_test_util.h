// Helpers for the per-stage unit tests: parse a stage's YAML section with
// ConfigFields and build its factory over FakeServices.
#ifndef HEGUI_TESTS_GATEWAY_STAGE_TEST_UTIL_H_
#define HEGUI_TESTS_GATEWAY_STAGE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "gateway/config.h"
#include "gateway/metrics.h"
#include "gateway/stage_registry.h"
#include "tests/gateway/fake_services.h"

namespace hegui::gateway::testing {

inline StatusOr<std::unique_ptr<StageFactory>> BuildStage(const std::string& name,
                                                          const std::string& yaml,
                                                          const GatewayConfig* config,
                                                          GatewayServices* services,
                                                          Metrics* metrics = nullptr) {
  YAML::Node node = YAML::Load(yaml);
  ConfigFields fields(node, "pipeline[0]." + name, "test.yaml");
  auto parsed = ParseStageConfig(name, fields);
  if (!parsed.ok()) return parsed.status();
  return MakeStageFactory(StageSpec{name, *parsed}, StageServices{config, metrics, services});
}

inline Call ChatCall(const std::string& content, const std::string& model = "mock-1") {
  Call call;
  call.request_id = "req-test";
  call.endpoint = Endpoint::kChatCompletions;
  call.model = model;
  call.request = {{"model", model},
                  {"messages", nlohmann::json::array({{{"role", "user"}, {"content", content}}})}};
  return call;
}

}  // namespace hegui::gateway::testing

#endif  // HEGUI_TESTS_GATEWAY_STAGE_TEST_UTIL_H_
