#include "scan/pi/uscc.h"

#include <gtest/gtest.h>

#include "pi_test_util.h"

namespace hegui::scan {
namespace {

using testing::Found;
using testing::WithUsccCheck;
using V = std::vector<std::string>;

TEST(Uscc, PublishedExampleIsValid) {
  EXPECT_EQ(WithUsccCheck("91350100M000100Y4"), "91350100M000100Y43");
  EXPECT_EQ(UsccCheckChar("91350100M000100Y4"), '3');
  EXPECT_TRUE(IsValidUscc("91350100M000100Y43"));
}

TEST(Uscc, CheckCharacterMatchesIndependentComputation) {
  for (std::string body : {"91110108MA01ABCDE", "12110000400000600", "5144000050000000X",
                           "91440300MA5DXY000", "Y1310115MA1H00000"}) {
    const std::string code = WithUsccCheck(body);
    EXPECT_EQ(UsccCheckChar(body), code[17]) << body;
    EXPECT_TRUE(IsValidUscc(code)) << code;
  }
}

TEST(Uscc, EveryChangedCharacterFailsTheCheck) {
  const std::string code = "91350100M000100Y43";
  for (size_t i = 8; i < 18; ++i) {
    std::string bad = code;
    bad[i] = bad[i] == '1' ? '2' : '1';
    EXPECT_FALSE(IsValidUscc(bad)) << bad;
  }
}

TEST(Uscc, ExcludedLettersAreRejected) {
  EXPECT_EQ(UsccValue('I'), -1);
  EXPECT_EQ(UsccValue('O'), -1);
  EXPECT_EQ(UsccValue('S'), -1);
  EXPECT_EQ(UsccValue('V'), -1);
  EXPECT_EQ(UsccValue('Z'), -1);
  EXPECT_EQ(UsccValue('Y'), 30);
  EXPECT_FALSE(IsValidUscc("91350100M00O100Y43"));
}

TEST(Uscc, StructureIsChecked) {
  EXPECT_FALSE(IsValidUscc(WithUsccCheck("01350100M000100Y4")));  // authority 0
  EXPECT_FALSE(IsValidUscc(WithUsccCheck("90350100M000100Y4")));  // category 0
  EXPECT_FALSE(IsValidUscc(WithUsccCheck("91990100M000100Y4")));  // province 99
  EXPECT_FALSE(IsValidUscc(WithUsccCheck("9135A100M000100Y4")));  // division not digits
}

TEST(Uscc, FoundInText) {
  EXPECT_EQ(Found("统一社会信用代码：91350100M000100Y43。", PiType::kUnifiedSocialCreditCode),
            V{"91350100M000100Y43"});
  EXPECT_EQ(Found("税号91350100M000100Y43", PiType::kUnifiedSocialCreditCode),
            V{"91350100M000100Y43"});
  EXPECT_TRUE(Found("91350100M000100Y44", PiType::kUnifiedSocialCreditCode).empty());
  EXPECT_TRUE(Found("X91350100M000100Y43", PiType::kUnifiedSocialCreditCode).empty());
}

TEST(Uscc, AllDigitCodeIsFound) {
  const std::string code = WithUsccCheck("12110000400000600");
  ASSERT_TRUE(code.back() >= '0' && code.back() <= '9') << code;
  EXPECT_EQ(Found("信用代码 " + code, PiType::kUnifiedSocialCreditCode), V{code});
}

}  // namespace
}  // namespace hegui::scan
