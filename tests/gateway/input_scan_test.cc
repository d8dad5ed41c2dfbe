#include "tests/gateway/stage_test_util.h"

namespace hegui::gateway::testing {
namespace {

class InputScanTest : public ::testing::Test {
 protected:
  StageVerdict Run(const std::string& yaml, const std::string& prompt) {
    auto factory = BuildStage("input_scan", yaml, nullptr, &services_);
    EXPECT_TRUE(factory.ok()) << factory.status().ToString();
    call_ = ChatCall(prompt);
    call_.principal = Principal{"alice", "k1", true};
    return TestStage(**factory)->OnRequest(call_);
  }
  // The first message's content as it goes upstream.
  std::string Content() {
    return nlohmann::json::parse(ForwardedRequestBody(call_))["messages"][0]["content"];
  }
  FakeServices services_;
  Call call_;
};

TEST_F(InputScanTest, CleanPromptPassesUnchanged) {
  EXPECT_EQ(Run("", "hello there"), StageVerdict::kContinue);
  EXPECT_EQ(Content(), "hello there");
  EXPECT_EQ(call_.input_verdict, "allow");
  EXPECT_FALSE(call_.carries_personal_information);
}

TEST_F(InputScanTest, PersonalInformationIsMaskedByDefault) {
  EXPECT_EQ(Run("", "call me at 13812345678 please"), StageVerdict::kContinue);
  EXPECT_EQ(Content(), "call me at [mobile] please");
  EXPECT_EQ(call_.input_verdict, "mask");
  EXPECT_FALSE(call_.carries_personal_information);
  ASSERT_EQ(call_.findings.size(), 1u);
  EXPECT_EQ(call_.findings[0].type, "mobile");
  EXPECT_EQ(call_.findings[0].offset, 11u);
  EXPECT_EQ(call_.findings[0].action, "mask");
}

TEST_F(InputScanTest, AllowedPersonalInformationIsCarriedForRoute) {
  EXPECT_EQ(Run("{pi: allow}", "13812345678"), StageVerdict::kContinue);
  EXPECT_EQ(Content(), "13812345678");
  EXPECT_TRUE(call_.carries_personal_information);
}

TEST_F(InputScanTest, BlockedPersonalInformationRefuses) {
  EXPECT_EQ(Run("{pi: block}", "13812345678"), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->code, "content_policy_violation");
}

TEST_F(InputScanTest, ProhibitedTermBlocksWithArticle) {
  EXPECT_EQ(Run("", "say forbiddenword now"), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->http_status, 400);
  EXPECT_EQ(call_.reply->code, "content_policy_violation");
  EXPECT_NE(call_.reply->message.find("Art. 12"), std::string::npos);
  EXPECT_EQ(call_.input_verdict, "block");
  EXPECT_NE(call_.withheld_input.find("forbiddenword"), std::string::npos);
}

TEST_F(InputScanTest, ReviewHoldQueuesAndRefuses) {
  EXPECT_EQ(Run("{categories: {borderline: review}}", "please reviewme"),
            StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->code, "held_for_review");
  ASSERT_EQ(services_.reviews.size(), 1u);
  EXPECT_TRUE(services_.reviews[0].held);
  EXPECT_EQ(services_.reviews[0].where, "input");
  EXPECT_EQ(call_.review_id, "rev-1");
}

TEST_F(InputScanTest, ReviewDeliverFlaggedQueuesAndContinues) {
  EXPECT_EQ(Run("{categories: {borderline: review}, review_mode: deliver_flagged}", "reviewme"),
            StageVerdict::kContinue);
  ASSERT_EQ(services_.reviews.size(), 1u);
  EXPECT_FALSE(services_.reviews[0].held);
}

TEST_F(InputScanTest, ImportantDataIsAllowedButCarried) {
  EXPECT_EQ(Run("", "about the secretplan"), StageVerdict::kContinue);
  EXPECT_TRUE(call_.carries_important_data);
}

TEST_F(InputScanTest, ScannerFailureFailsClosed) {
  services_.scanner_.fail = true;
  EXPECT_EQ(Run("", "hello"), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->http_status, 503);
  EXPECT_EQ(call_.reply->code, "scanner_unavailable");
}

TEST_F(InputScanTest, ReviewQueueDownFailsClosed) {
  services_.store_down = true;
  EXPECT_EQ(Run("{prohibited: review}", "forbiddenword"), StageVerdict::kLocalReply);
  EXPECT_EQ(call_.reply->code, "review_queue_unavailable");
}

TEST_F(InputScanTest, TextPartsAreScannedToo) {
  auto factory = BuildStage("input_scan", "", nullptr, &services_);
  ASSERT_TRUE(factory.ok());
  call_ = ChatCall(nlohmann::json::array({{{"type", "text"}, {"text", "a 禁词 b"}}}));
  EXPECT_EQ(TestStage(**factory)->OnRequest(call_), StageVerdict::kLocalReply);
}

TEST_F(InputScanTest, UnknownActionNamesField) {
  auto factory = BuildStage("input_scan", "{pi: shred}", nullptr, &services_);
  ASSERT_FALSE(factory.ok());
  EXPECT_NE(factory.status().message().find("pipeline[0].input_scan.pi"), std::string::npos);
}

}  // namespace
}  // namespace hegui::gateway::testing
