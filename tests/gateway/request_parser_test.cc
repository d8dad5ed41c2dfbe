#include "gateway/request_parser.h"

#include <gtest/gtest.h>

namespace hegui::gateway {
namespace {

std::optional<LocalReply> Parse(const std::string& body, Endpoint e = Endpoint::kChatCompletions) {
  Call call;
  return ParseModelRequest(body, e, &call);
}

TEST(RequestParserTest, ValidChatRequestFillsTheCall) {
  Call call;
  auto error = ParseModelRequest(
      R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]})",
      Endpoint::kChatCompletions, &call);
  EXPECT_FALSE(error);
  EXPECT_EQ(call.model, "m");
  EXPECT_TRUE(call.stream);
}

TEST(RequestParserTest, InvalidJsonIs400) {
  auto e = Parse("{not json");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->http_status, 400);
  EXPECT_EQ(e->type, "invalid_request_error");
}

TEST(RequestParserTest, DeeplyNestedBodyIs400BeforeParsing) {
  std::string deep = R"({"model":"m","messages":[{"role":"user","content":"hi"}],"x":)" +
                     std::string(20000, '[') + std::string(20000, ']') + "}";
  auto e = Parse(deep);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->http_status, 400);
  EXPECT_NE(e->message.find("deeper than 128"), std::string::npos) << e->message;
  std::string fine = R"({"model":"m","messages":[{"role":"user","content":"hi"}],"x":)" +
                     std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_FALSE(Parse(fine));
}

TEST(RequestParserTest, InvalidUtf8Is400) {
  auto e = Parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"\xC3\x28\"}]}");
  ASSERT_TRUE(e);
  EXPECT_NE(e->message.find("UTF-8"), std::string::npos);
}

TEST(RequestParserTest, WrongTypesNameTheField) {
  EXPECT_EQ(Parse(R"({"model":5,"messages":[]})")->param, "model");
  EXPECT_EQ(
      Parse(R"({"model":"m","stream":"yes","messages":[{"role":"user","content":"x"}]})")->param,
      "stream");
  EXPECT_EQ(Parse(R"({"model":"m","messages":"hi"})")->param, "messages");
  EXPECT_EQ(Parse(R"({"model":"m","messages":[{"role":"user","content":5}]})")->param,
            "messages[0].content");
  EXPECT_EQ(Parse(R"({"model":"m","prompt":[1,2]})", Endpoint::kCompletions)->param, "prompt");
  EXPECT_EQ(Parse(R"({"model":"m"})", Endpoint::kEmbeddings)->param, "input");
}

TEST(RequestParserTest, NonTextPartsAreRefusedBecauseTheyCannotBeScanned) {
  auto e = Parse(
      R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]})");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->param, "messages[0].content[0].type");
}

TEST(RequestParserTest, StreamingSeveralChoicesIsRefused) {
  auto e = Parse(R"({"model":"m","stream":true,"n":2,"messages":[{"role":"user","content":"x"}]})");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->param, "n");
}

}  // namespace
}  // namespace hegui::gateway
