#include "scan/pi/resident_id.h"

#include <gtest/gtest.h>

#include "pi_test_util.h"

namespace hegui::scan {
namespace {

using testing::Found;
using testing::kReferenceYear;
using testing::WithIdCheck;
using V = std::vector<std::string>;

TEST(ResidentId, PublishedExampleIsValid) {
  EXPECT_EQ(WithIdCheck("11010519491231002"), "11010519491231002X");
  EXPECT_EQ(ResidentIdCheckChar("11010519491231002"), 'X');
  EXPECT_TRUE(IsValidResidentId18("11010519491231002X", kReferenceYear));
  EXPECT_TRUE(IsValidResidentId18("11010519491231002x", kReferenceYear));
}

TEST(ResidentId, CheckCharacterMatchesIndependentComputation) {
  for (std::string body : {"44030419900307123", "51010720000229456", "65010219851130789",
                           "81000019701010000", "32058319991231001"}) {
    const std::string id = WithIdCheck(body);
    EXPECT_EQ(ResidentIdCheckChar(body), id[17]) << body;
    EXPECT_TRUE(IsValidResidentId18(id, kReferenceYear)) << id;
  }
}

TEST(ResidentId, EveryFlippedDigitFailsTheCheck) {
  const std::string id = "11010519491231002X";
  for (size_t i = 0; i < 17; ++i) {
    EXPECT_FALSE(IsValidResidentId18(testing::FlipDigit(id, i), kReferenceYear)) << i;
  }
  EXPECT_FALSE(IsValidResidentId18("110105194912310021", kReferenceYear));
}

TEST(ResidentId, BirthDateMustBeReal) {
  EXPECT_TRUE(IsBirthDate(2000, 2, 29, kReferenceYear));   // leap (div by 400)
  EXPECT_FALSE(IsBirthDate(1900, 2, 29, kReferenceYear));  // not leap (div by 100)
  EXPECT_TRUE(IsBirthDate(1996, 2, 29, kReferenceYear));
  EXPECT_FALSE(IsBirthDate(1997, 2, 29, kReferenceYear));
  EXPECT_FALSE(IsBirthDate(1990, 4, 31, kReferenceYear));
  EXPECT_FALSE(IsBirthDate(1990, 13, 1, kReferenceYear));
  EXPECT_FALSE(IsBirthDate(1990, 0, 1, kReferenceYear));
  EXPECT_FALSE(IsBirthDate(kReferenceYear + 1, 1, 1, kReferenceYear));
  EXPECT_FALSE(IsBirthDate(1899, 12, 31, kReferenceYear));
  // A valid checksum does not rescue a bad date.
  EXPECT_FALSE(IsValidResidentId18(WithIdCheck("11010519970229002"), kReferenceYear));
  EXPECT_FALSE(IsValidResidentId18(WithIdCheck("11010520990101002"), kReferenceYear));
}

TEST(ResidentId, ProvinceCodeMustExist) {
  for (int code : {11, 15, 21, 23, 31, 37, 41, 46, 50, 54, 61, 65, 71, 81, 82, 91}) {
    EXPECT_TRUE(IsProvinceCode(code)) << code;
  }
  for (int code : {10, 16, 20, 24, 30, 38, 40, 47, 49, 55, 60, 66, 70, 72, 80, 83, 90, 92, 99}) {
    EXPECT_FALSE(IsProvinceCode(code)) << code;
  }
  EXPECT_FALSE(IsValidResidentId18(WithIdCheck("19010519491231002"), kReferenceYear));
}

TEST(ResidentId, LegacyFifteenDigitForm) {
  EXPECT_TRUE(IsValidResidentId15("110105491231002", kReferenceYear));
  EXPECT_FALSE(IsValidResidentId15("110105490231002", kReferenceYear));  // month 02, day 31
  EXPECT_FALSE(IsValidResidentId15("190105491231002", kReferenceYear));  // province 19
}

TEST(ResidentId, FoundWrittenDirectlyAfterChinese) {
  EXPECT_EQ(Found("身份证号11010519491231002X，请核对", PiType::kResidentId),
            V{"11010519491231002X"});
  EXPECT_EQ(Found("ID: 11010519491231002x", PiType::kResidentId), V{"11010519491231002x"});
}

TEST(ResidentId, FoundWithGroupSeparators) {
  EXPECT_EQ(Found("证件 110105 19491231 002X", PiType::kResidentId), V{"110105 19491231 002X"});
}

TEST(ResidentId, InvalidChecksumIsNotReported) {
  EXPECT_TRUE(Found("身份证号110105194912310021", PiType::kResidentId).empty());
}

TEST(ResidentId, SliceOfLongerNumberIsNotReported) {
  EXPECT_TRUE(Found("911010519491231002X", PiType::kResidentId).empty());
  EXPECT_TRUE(Found("11010519491231002X7", PiType::kResidentId).empty());
  EXPECT_TRUE(Found("A11010519491231002X", PiType::kResidentId).empty());
  EXPECT_EQ(Found("ID11010519491231002X", PiType::kResidentId), V{"11010519491231002X"});
}

TEST(ResidentId, LegacyFormNeedsContext) {
  EXPECT_TRUE(Found("编号 110105491231002", PiType::kResidentId).empty());
  EXPECT_EQ(Found("身份证 110105491231002", PiType::kResidentId), V{"110105491231002"});
}

TEST(ResidentId, ContextRaisesConfidence) {
  const auto plain = testing::Detect("号 11010519491231002X");
  const auto context = testing::Detect("身份证 11010519491231002X");
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(context.size(), 1u);
  EXPECT_LT(plain[0].confidence, context[0].confidence);
  EXPECT_EQ(context[0].rule_id, "pi.resident_id.gb11643");
}

}  // namespace
}  // namespace hegui::scan
