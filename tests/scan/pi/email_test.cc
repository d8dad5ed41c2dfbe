#include "scan/pi/email.h"

#include <gtest/gtest.h>

#include "pi_test_util.h"

namespace hegui::scan {
namespace {

using testing::Found;
using V = std::vector<std::string>;

TEST(Email, FoundTouchingChineseText) {
  EXPECT_EQ(Found("邮箱zhang.san@example.com。", PiType::kEmail), V{"zhang.san@example.com"});
  EXPECT_EQ(Found("发到abc_1+tag@mail.qq.com谢谢", PiType::kEmail), V{"abc_1+tag@mail.qq.com"});
}

TEST(Email, NumericLocalPartIsOneEmailNotAPhone) {
  const auto found = testing::Detect("QQ邮箱13812345678@qq.com");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, PiType::kEmail);
}

TEST(Email, TrailingDotIsNotPartOfTheDomain) {
  EXPECT_EQ(Found("write to a@b.cn.", PiType::kEmail), V{"a@b.cn"});
}

TEST(Email, MalformedAddressesAreRejected) {
  EXPECT_TRUE(Found("user@localhost", PiType::kEmail).empty());
  EXPECT_TRUE(Found("user@example.c", PiType::kEmail).empty());
  EXPECT_TRUE(Found("user@example.123", PiType::kEmail).empty());
  EXPECT_TRUE(Found("user.@example.com", PiType::kEmail).empty());
  EXPECT_TRUE(Found("us..er@example.com", PiType::kEmail).empty());
  EXPECT_TRUE(Found("@example.com", PiType::kEmail).empty());
  EXPECT_TRUE(Found("user@-example.com", PiType::kEmail).empty());
  EXPECT_TRUE(Found(std::string(65, 'a') + "@example.com", PiType::kEmail).empty());
}

TEST(Email, LongestLocalPartIsAccepted) {
  const std::string address = std::string(64, 'a') + "@example.com";
  EXPECT_EQ(Found(" " + address, PiType::kEmail), V{address});
}

}  // namespace
}  // namespace hegui::scan
