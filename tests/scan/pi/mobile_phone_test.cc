#include "scan/pi/mobile_phone.h"

#include <gtest/gtest.h>

#include "pi_test_util.h"

namespace hegui::scan {
namespace {

using testing::Found;
using V = std::vector<std::string>;

TEST(MobilePhone, AllocatedPrefixesAreAccepted) {
  for (std::string_view n :
       {"13812345678", "14512345678", "14912345678", "15012345678", "15912345678", "16212345678",
        "16612345678", "17012345678", "17312345678", "17400512345", "17812345678", "18012345678",
        "19012345678", "19912345678"}) {
    EXPECT_TRUE(IsCnMobileNumber(n)) << n;
  }
}

TEST(MobilePhone, UnallocatedPrefixesAreRejected) {
  for (std::string_view n :
       {"10012345678", "11012345678", "12012345678", "14012345678", "14412345678", "15412345678",
        "16012345678", "16412345678", "16812345678", "17412345678", "17406123456", "17912345678",
        "19412345678", "23812345678", "1381234567", "138123456789"}) {
    EXPECT_FALSE(IsCnMobileNumber(n)) << n;
  }
}

TEST(MobilePhone, FoundWithoutWordBoundaryInChinese) {
  EXPECT_EQ(Found("手机13812345678联系我", PiType::kMobilePhone), V{"13812345678"});
  EXPECT_EQ(Found("请拨打15912345678。", PiType::kMobilePhone), V{"15912345678"});
}

TEST(MobilePhone, FoundWithSeparators) {
  EXPECT_EQ(Found("call 138 1234 5678 now", PiType::kMobilePhone), V{"138 1234 5678"});
  EXPECT_EQ(Found("tel:138-1234-5678", PiType::kMobilePhone), V{"138-1234-5678"});
  EXPECT_EQ(Found("电话\xE3\x80\x80"
                  "138\xE3\x80\x80"
                  "1234\xE3\x80\x80"
                  "5678",
                  PiType::kMobilePhone),
            V{"138\xE3\x80\x80"
              "1234\xE3\x80\x80"
              "5678"});
}

TEST(MobilePhone, FoundWithCountryPrefix) {
  EXPECT_EQ(Found("+86 138 1234 5678", PiType::kMobilePhone), V{"+86 138 1234 5678"});
  EXPECT_EQ(Found("+8613812345678", PiType::kMobilePhone), V{"+8613812345678"});
  EXPECT_EQ(Found("0086-138-1234-5678", PiType::kMobilePhone), V{"0086-138-1234-5678"});
  EXPECT_EQ(Found("86 13812345678", PiType::kMobilePhone), V{"86 13812345678"});
}

TEST(MobilePhone, SliceOfLongerDigitRunIsNotReported) {
  EXPECT_TRUE(Found("12345138123456781234", PiType::kMobilePhone).empty());
  EXPECT_TRUE(Found("订单号138123456789", PiType::kMobilePhone).empty());
  EXPECT_TRUE(Found("x13812345678", PiType::kMobilePhone).empty());
  EXPECT_TRUE(Found("13812345678abc", PiType::kMobilePhone).empty());
}

TEST(MobilePhone, GluedLatinLabelIsNotPartOfTheNumber) {
  EXPECT_EQ(Found("tel13812345678", PiType::kMobilePhone), V{"13812345678"});
  EXPECT_EQ(Found("Phone13812345678", PiType::kMobilePhone), V{"13812345678"});
  EXPECT_TRUE(Found("abc13812345678", PiType::kMobilePhone).empty());
  EXPECT_TRUE(Found("hotel13812345678", PiType::kMobilePhone).empty());
  const auto found = testing::Detect("tel13812345678");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FLOAT_EQ(found[0].confidence, 0.97f);  // the label is context too
}

TEST(MobilePhone, DecimalsAreNotPhones) {
  EXPECT_TRUE(Found("3.13812345678", PiType::kMobilePhone).empty());
  EXPECT_TRUE(Found("13812345678.5", PiType::kMobilePhone).empty());
  EXPECT_EQ(Found("号码是13812345678.", PiType::kMobilePhone), V{"13812345678"});
}

TEST(MobilePhone, TwoNumbersSeparatedByCommaAreBothFound) {
  EXPECT_EQ(Found("13812345678,15912345678", PiType::kMobilePhone),
            (V{"13812345678", "15912345678"}));
}

TEST(MobilePhone, NumberAfterAnUnrelatedGroupIsFound) {
  EXPECT_EQ(Found("2024 13812345678", PiType::kMobilePhone), V{"13812345678"});
}

TEST(MobilePhone, ContextRaisesConfidence) {
  const auto plain = testing::Detect("x 13812345678");
  const auto context = testing::Detect("手机 13812345678");
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(context.size(), 1u);
  EXPECT_FLOAT_EQ(plain[0].confidence, 0.8f);
  EXPECT_FLOAT_EQ(context[0].confidence, 0.97f);
}

}  // namespace
}  // namespace hegui::scan
