#include "scan/pi/landline.h"

#include <gtest/gtest.h>

#include "pi_test_util.h"

namespace hegui::scan {
namespace {

using testing::Found;
using V = std::vector<std::string>;

TEST(Landline, AreaCodeLengths) {
  EXPECT_EQ(CnLandlineAreaCodeLength("01062345678"), 3u);
  EXPECT_EQ(CnLandlineAreaCodeLength("02187654321"), 3u);
  EXPECT_EQ(CnLandlineAreaCodeLength("075586345678"), 4u);
  EXPECT_EQ(CnLandlineAreaCodeLength("07558634567"), 4u);
}

TEST(Landline, InvalidNumbersAreRejected) {
  EXPECT_EQ(CnLandlineAreaCodeLength("0101234567"), 0u);   // 010 needs 8 local digits
  EXPECT_EQ(CnLandlineAreaCodeLength("01112345678"), 0u);  // 011 is no area code
  EXPECT_EQ(CnLandlineAreaCodeLength("01002345678"), 0u);  // local number starts with 0
  EXPECT_EQ(CnLandlineAreaCodeLength("00012345678"), 0u);
  EXPECT_EQ(CnLandlineAreaCodeLength("13812345678"), 0u);
  EXPECT_EQ(CnLandlineAreaCodeLength("0755863456789"), 0u);
}

TEST(Landline, FoundInCommonWritings) {
  EXPECT_EQ(Found("电话010-62345678", PiType::kLandline), V{"010-62345678"});
  EXPECT_EQ(Found("座机(0755)8634567转", PiType::kLandline), V{"(0755)8634567"});
  EXPECT_EQ(Found("tel (021) 87654321", PiType::kLandline), V{"(021) 87654321"});
  EXPECT_EQ(Found("总机 021 6234 5678", PiType::kLandline), V{"021 6234 5678"});
  EXPECT_EQ(Found("电话01062345678", PiType::kLandline), V{"01062345678"});
}

TEST(Landline, ExtensionIsPartOfTheNumber) {
  EXPECT_EQ(Found("电话：021-62345678-123", PiType::kLandline), V{"021-62345678-123"});
}

TEST(Landline, PlainDigitsWithoutContextAreBelowDefaultThreshold) {
  // 0.55: reported with the default minimum 0.5, but less sure than with a separator.
  const auto plain = testing::Detect("x 01062345678");
  const auto grouped = testing::Detect("x 010-62345678");
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(grouped.size(), 1u);
  EXPECT_LT(plain[0].confidence, grouped[0].confidence);
}

TEST(Landline, SliceOfLongerNumberIsNotReported) {
  EXPECT_TRUE(Found("9901062345678", PiType::kLandline).empty());
}

}  // namespace
}  // namespace hegui::scan
