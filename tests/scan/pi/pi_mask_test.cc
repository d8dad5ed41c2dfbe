#include "scan/pi/pi_mask.h"

#include <gtest/gtest.h>

namespace hegui::scan {
namespace {

TEST(MaskPi, ResidentIdKeepsRegionAndLastFour) {
  EXPECT_EQ(MaskPi(PiType::kResidentId, "11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskPi(PiType::kResidentId, "110105 19491231 002X"), "110105 ******** 002X");
}

TEST(MaskPi, MobileKeepsPrefixAndLastFour) {
  EXPECT_EQ(MaskPi(PiType::kMobilePhone, "13812345678"), "138****5678");
  EXPECT_EQ(MaskPi(PiType::kMobilePhone, "138-1234-5678"), "138-****-5678");
  EXPECT_EQ(MaskPi(PiType::kMobilePhone, "+86 138 1234 5678"), "+86 138 **** 5678");
}

TEST(MaskPi, LandlineKeepsAreaCodeAndLastFour) {
  EXPECT_EQ(MaskPi(PiType::kLandline, "010-62345678"), "010-****5678");
  EXPECT_EQ(MaskPi(PiType::kLandline, "(0755)8634567"), "(0755)***4567");
  EXPECT_EQ(MaskPi(PiType::kLandline, "02112345678"), "021****5678");
}

TEST(MaskPi, BankCardKeepsBinAndLastFour) {
  EXPECT_EQ(MaskPi(PiType::kBankCard, "6222021234567890123"), "622202*********0123");
  EXPECT_EQ(MaskPi(PiType::kBankCard, "4111 1111 1111 1111"), "4111 11** **** 1111");
}

TEST(MaskPi, TagsAndPartialMasks) {
  EXPECT_EQ(MaskPi(PiType::kEmail, "a@b.cn"), "[EMAIL]");
  EXPECT_EQ(MaskPi(PiType::kIpv6, "fe80::1"), "[IPV6]");
  EXPECT_EQ(MaskPi(PiType::kIpv4, "192.168.10.254"), "192.168.*.*");
  EXPECT_EQ(MaskPi(PiType::kPassport, "E12345678"), "E******78");
  EXPECT_EQ(MaskPi(PiType::kLicensePlate, "京A12345"), "京A***45");
  EXPECT_EQ(MaskPi(PiType::kLicensePlate, "沪B·A1234"), "沪B·***34");
  EXPECT_EQ(MaskPi(PiType::kUnifiedSocialCreditCode, "91350100M000100Y43"), "91350100********43");
}

TEST(MaskPi, NameKeepsSurname) {
  EXPECT_EQ(MaskPi(PiType::kPersonName, "张三"), "张*");
  EXPECT_EQ(MaskPi(PiType::kPersonName, "李小龙"), "李**");
  EXPECT_EQ(MaskPi(PiType::kPersonName, "欧阳娜娜"), "欧阳**");
}

TEST(MaskPi, AddressKeepsLeadingDivisions) {
  EXPECT_EQ(MaskPi(PiType::kAddress, "北京市海淀区中关村大街27号"), "北京市海淀区***");
  EXPECT_EQ(MaskPi(PiType::kAddress, "中关村大街27号"), "[ADDRESS]");
}

TEST(MaskPi, ShortOrOddSpansAreStillMasked) {
  EXPECT_EQ(MaskPi(PiType::kResidentId, "123"), "1*3");
  EXPECT_EQ(MaskPi(PiType::kMobilePhone, "\xFF\xFE"), "**");
  EXPECT_EQ(MaskPi(PiType::kBankCard, ""), "");
}

}  // namespace
}  // namespace hegui::scan
