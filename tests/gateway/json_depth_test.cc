#include "gateway/json_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace hegui::gateway {
namespace {

std::string Nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonDepthTest, NestingUpToTheBoundIsAccepted) {
  EXPECT_TRUE(JsonDepthWithin("", 2));
  EXPECT_TRUE(JsonDepthWithin("42", 0));
  EXPECT_TRUE(JsonDepthWithin(Nested(3), 3));
  EXPECT_TRUE(JsonDepthWithin(R"({"a":[1,{"b":2}],"c":[]})", 3));
}

TEST(JsonDepthTest, OneLevelTooDeepIsRefused) {
  EXPECT_FALSE(JsonDepthWithin(Nested(4), 3));
  EXPECT_FALSE(JsonDepthWithin(R"({"a":[1,{"b":[2]}]})", 3));
  EXPECT_FALSE(JsonDepthWithin(Nested(100000)));
}

TEST(JsonDepthTest, SiblingsDoNotAddUp) {
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "[[]],";
  EXPECT_TRUE(JsonDepthWithin("[" + many + "1]", 3));
}

TEST(JsonDepthTest, BracketsInsideStringsDoNotCount) {
  EXPECT_TRUE(JsonDepthWithin(R"(["[[[[{{{{"])", 1));
  EXPECT_TRUE(JsonDepthWithin(R"(["a\"[[[[", "\\"])", 1));
  // After an escaped backslash the quote closes the string: the '[' counts.
  EXPECT_FALSE(JsonDepthWithin(R"(["\\", [[1]]])", 2));
}

TEST(JsonDepthTest, DefaultBoundIs128) {
  EXPECT_TRUE(JsonDepthWithin(Nested(kMaxJsonDepth)));
  EXPECT_FALSE(JsonDepthWithin(Nested(kMaxJsonDepth + 1)));
}

}  // namespace
}  // namespace hegui::gateway
