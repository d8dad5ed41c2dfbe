#include <optional>

#include "gateway/answer_parser.h"
#include "tests/gateway/stage_test_util.h"

namespace hegui::gateway::testing {
namespace {

class OutputScanTest : public ::testing::Test {
 protected:
  void SetUp() override { Build(""); }
  void Build(const std::string& yaml) {
    auto factory = BuildStage("output_scan", yaml, nullptr, &services_);
    ASSERT_TRUE(factory.ok()) << factory.status().ToString();
    stage_.emplace(**factory);
    factory_ = std::move(factory).value();
    call_ = ChatCall("q");
  }
  // Feeds the chunks; returns what reached the client and the last verdict.
  std::string Stream(const std::vector<std::string>& chunks, StageVerdict* last) {
    std::string delivered;
    for (const auto& c : chunks) {
      std::string text = c;
      *last = (*stage_)->OnChunk(call_, text);
      if (*last == StageVerdict::kLocalReply) return delivered;
      delivered += text;
    }
    std::string rest;
    *last = (*stage_)->OnStreamEnd(call_, rest);
    if (*last != StageVerdict::kLocalReply) delivered += rest;
    return delivered;
  }
  // The answer as the upstream would send it.
  void SetAnswer(const nlohmann::json& answer) {
    ASSERT_TRUE(ParseAnswer(answer.dump(), &call_.answer).ok());
  }
  // The answer as it goes to the client.
  nlohmann::json Sent() {
    return nlohmann::json::parse(call_.response_rewritten ? ForwardedAnswerBody(call_.answer)
                                                          : call_.answer.body);
  }
  FakeServices services_;
  std::unique_ptr<StageFactory> factory_;
  std::optional<TestStage> stage_;
  Call call_;
};

TEST_F(OutputScanTest, CleanStreamIsDeliveredWhole) {
  StageVerdict v;
  EXPECT_EQ(Stream({"hello ", "wide ", "world"}, &v), "hello wide world");
  EXPECT_EQ(v, StageVerdict::kContinue);
}

TEST_F(OutputScanTest, NothingIsReleasedBeforeItIsScanned) {
  std::string text = "forbidden";
  EXPECT_EQ((*stage_)->OnChunk(call_, text), StageVerdict::kHoldBack);
  EXPECT_EQ(text, "");  // Could be the start of "forbiddenword".
}

TEST_F(OutputScanTest, TermSplitAcrossChunksIsCaughtAndNeverDelivered) {
  StageVerdict v;
  std::string delivered =
      Stream({"The answer is: some long preamble text ", "forbid", "denword and more"}, &v);
  EXPECT_EQ(v, StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->code, "content_policy_violation");
  EXPECT_EQ(delivered.find("forbid"), std::string::npos) << delivered;
  EXPECT_NE(call_.withheld_text.find("forbiddenword"), std::string::npos);
  EXPECT_EQ(call_.outcome, "cut");
}

TEST_F(OutputScanTest, TermInTheLastBytesIsCaughtAtStreamEnd) {
  StageVerdict v;
  std::string delivered = Stream({"ok then 禁", "词"}, &v);
  EXPECT_EQ(v, StageVerdict::kLocalReply);
  EXPECT_EQ(delivered.find("禁"), std::string::npos);
}

TEST_F(OutputScanTest, PersonalInformationInAStreamIsMasked) {
  StageVerdict v;
  EXPECT_EQ(Stream({"reach me on 1381", "2345678 any time"}, &v), "reach me on [mobile] any time");
  EXPECT_EQ(call_.output_verdict, "mask");
}

TEST_F(OutputScanTest, WholeAnswerWithProhibitedTermIsWithheld) {
  SetAnswer(
      {{"choices",
        {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", "x forbiddenword y"}}}}}}});
  EXPECT_EQ((*stage_)->OnResponse(call_), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->code, "content_policy_violation");
  EXPECT_EQ(call_.withheld_text, "x forbiddenword y");
}

TEST_F(OutputScanTest, WholeAnswerPersonalInformationIsMasked) {
  SetAnswer({{"choices", {{{"index", 0}, {"text", "id 13900001111."}}}}});
  EXPECT_EQ((*stage_)->OnResponse(call_), StageVerdict::kContinue);
  EXPECT_EQ(Sent()["choices"][0]["text"], "id [mobile].");
}

nlohmann::json ToolCallAnswer(const std::string& arguments) {
  nlohmann::json call = {{"id", "call_1"},
                         {"type", "function"},
                         {"function", {{"name", "send_sms"}, {"arguments", arguments}}}};
  return {{"choices",
           {{{"index", 0},
             {"message", {{"role", "assistant"}, {"content", nullptr}, {"tool_calls", {call}}}}}}}};
}

TEST_F(OutputScanTest, ToolCallArgumentsWithProhibitedTermAreWithheld) {
  SetAnswer(ToolCallAnswer(R"({"text":"say forbiddenword"})"));
  EXPECT_EQ((*stage_)->OnResponse(call_), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->code, "content_policy_violation");
  EXPECT_NE(call_.withheld_text.find("forbiddenword"), std::string::npos);
}

TEST_F(OutputScanTest, ToolCallArgumentsPersonalInformationIsMasked) {
  SetAnswer(ToolCallAnswer(R"({"to":"13900001111","text":"hi"})"));
  EXPECT_EQ((*stage_)->OnResponse(call_), StageVerdict::kContinue);
  EXPECT_EQ(Sent()["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"],
            R"({"to":"[mobile]","text":"hi"})");
  ASSERT_EQ(call_.findings.size(), 1u);
  EXPECT_EQ(call_.findings[0].type, "mobile");
}

TEST_F(OutputScanTest, LegacyFunctionCallArgumentsAreScanned) {
  SetAnswer(
      {{"choices",
        {{{"index", 0},
          {"message",
           {{"role", "assistant"},
            {"function_call", {{"name", "f"}, {"arguments", R"({"q":"forbiddenword"})"}}}}}}}}});
  EXPECT_EQ((*stage_)->OnResponse(call_), StageVerdict::kLocalReply);
}

TEST_F(OutputScanTest, DeliverFlaggedReviewMarksTheAnswer) {
  Build("{categories: {borderline: review}, review_mode: deliver_flagged}");
  SetAnswer({{"choices", {{{"index", 0}, {"text", "reviewme"}}}}});
  EXPECT_EQ((*stage_)->OnResponse(call_), StageVerdict::kContinue);
  EXPECT_EQ(Sent()["hegui"]["flagged"], true);
  EXPECT_EQ(services_.reviews.size(), 1u);
}

TEST_F(OutputScanTest, HeldReviewCutsTheStream) {
  Build("{categories: {borderline: review}}");
  StageVerdict v;
  std::string delivered = Stream({"well reviewme ok"}, &v);
  EXPECT_EQ(v, StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->code, "held_for_review");
  EXPECT_EQ(delivered.find("reviewme"), std::string::npos);
}

TEST_F(OutputScanTest, ScannerFailureCutsTheStream) {
  services_.scanner_.fail = true;
  StageVerdict v;
  EXPECT_EQ(Stream({"anything"}, &v), "");
  EXPECT_EQ(v, StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->code, "scanner_unavailable");
}

}  // namespace
}  // namespace hegui::gateway::testing
