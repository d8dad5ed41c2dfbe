#include "gateway/sse.h"

#include <gtest/gtest.h>

namespace hegui::gateway {
namespace {

std::vector<SseEvent> FeedAll(SseParser& p, std::vector<std::string> pieces) {
  std::vector<SseEvent> out;
  for (const auto& piece : pieces) EXPECT_TRUE(p.Feed(piece, &out).ok());
  return out;
}

TEST(SseParserTest, EventSplitAcrossPiecesIsReturnedOnceWhole) {
  SseParser p;
  auto events = FeedAll(p, {"da", "ta: {\"a\"", ":1}\n", "\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "{\"a\":1}");
}

TEST(SseParserTest, CrLfAndCrLineEndsAreAccepted) {
  SseParser p;
  auto events = FeedAll(p, {"data: one\r\n\r\ndata: two\r\r"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].data, "one");
  EXPECT_EQ(events[1].data, "two");
}

TEST(SseParserTest, CrLfSplitBetweenPiecesIsOneLineEnd) {
  SseParser p;
  auto events = FeedAll(p, {"data: x\r", "\n\r", "\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "x");
}

TEST(SseParserTest, MultipleDataLinesAreJoinedWithNewline) {
  SseParser p;
  auto events = FeedAll(p, {"event: e\ndata: a\ndata: b\n\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, "e");
  EXPECT_EQ(events[0].data, "a\nb");
}

TEST(SseParserTest, CommentsAndUnknownFieldsAreIgnored) {
  SseParser p;
  auto events = FeedAll(p, {": keep-alive\n\nid: 3\nretry: 5\ndata:x\n\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "x");
}

TEST(SseParserTest, UnfinishedEventIsReported) {
  SseParser p;
  auto events = FeedAll(p, {"data: {\"partial"});
  EXPECT_TRUE(events.empty());
  EXPECT_TRUE(p.has_partial_event());
}

TEST(SseParserTest, OversizedEventFails) {
  SseParser p(16);
  std::vector<SseEvent> out;
  EXPECT_FALSE(p.Feed("data: " + std::string(64, 'x'), &out).ok());
}

TEST(SseFormatTest, RoundTripsMultilinePayload) {
  SseParser p;
  std::vector<SseEvent> out;
  ASSERT_TRUE(p.Feed(FormatSseData("line1\nline2"), &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].data, "line1\nline2");
  EXPECT_EQ(FormatSseData("[DONE]"), "data: [DONE]\n\n");
}

}  // namespace
}  // namespace hegui::gateway
