#include "scan/pi/passport.h"

#include <gtest/gtest.h>

#include "pi_test_util.h"

namespace hegui::scan {
namespace {

using testing::Found;
using V = std::vector<std::string>;

TEST(Passport, Forms) {
  EXPECT_TRUE(IsCnPassportNumber("E12345678"));
  EXPECT_TRUE(IsCnPassportNumber("G12345678"));
  EXPECT_TRUE(IsCnPassportNumber("EA1234567"));
  EXPECT_TRUE(IsCnPassportNumber("EH7654321"));
  EXPECT_FALSE(IsCnPassportNumber("EI1234567"));
  EXPECT_FALSE(IsCnPassportNumber("EO1234567"));
  EXPECT_FALSE(IsCnPassportNumber("GA1234567"));
  EXPECT_FALSE(IsCnPassportNumber("A12345678"));
  EXPECT_FALSE(IsCnPassportNumber("E1234567"));
  EXPECT_FALSE(IsCnPassportNumber("E1234567A"));
}

TEST(Passport, FoundAfterLabelWithoutSpace) {
  EXPECT_EQ(Found("护照号E12345678，有效期", PiType::kPassport), V{"E12345678"});
  EXPECT_EQ(Found("Passport: EA1234567", PiType::kPassport), V{"EA1234567"});
}

TEST(Passport, ContextRaisesConfidence) {
  const auto plain = testing::Detect("编号 G12345678");
  const auto context = testing::Detect("护照 G12345678");
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(context.size(), 1u);
  EXPECT_FLOAT_EQ(plain[0].confidence, 0.6f);
  EXPECT_FLOAT_EQ(context[0].confidence, 0.95f);
}

TEST(Passport, PartOfLongerTokenIsNotReported) {
  EXPECT_TRUE(Found("XE12345678", PiType::kPassport).empty());
  EXPECT_TRUE(Found("E123456789", PiType::kPassport).empty());
}

}  // namespace
}  // namespace hegui::scan
