// Helpers for the per-stage unit tests: parse a stage's YAML section with
// ConfigFields and build its factory over FakeServices.
#ifndef HEGUI_TESTS_GATEWAY_STAGE_TEST_UTIL_H_
#define HEGUI_TESTS_GATEWAY_STAGE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "gateway/config.h"
#include "gateway/metrics.h"
#include "gateway/request_parser.h"
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

// One stage of `factory` with the arena that holds it, for tests that use a
// stage alone (a pipeline's StageChain holds its stages the same way).
class TestStage {
 public:
  explicit TestStage(const StageFactory& factory)
      : arena_(std::make_unique<StageArena>()), stage_(factory.Create(*arena_)) {}
  Stage* operator->() const { return stage_; }

 private:
  std::unique_ptr<StageArena> arena_;
  Stage* stage_;
};

// A chat call with one user message whose content is `content` (a string,
// or an array of parts), read by the gateway's request parser.
inline Call ChatCall(const nlohmann::json& content, const std::string& model = "mock-1") {
  Call call;
  call.request_id = "req-test";
  nlohmann::json body = {
      {"model", model},
      {"messages", nlohmann::json::array({{{"role", "user"}, {"content", content}}})}};
  auto invalid = ParseModelRequest(body.dump(), Endpoint::kChatCompletions, &call);
  EXPECT_FALSE(invalid) << invalid->message;
  return call;
}

}  // namespace hegui::gateway::testing

#endif  // HEGUI_TESTS_GATEWAY_STAGE_TEST_UTIL_H_
