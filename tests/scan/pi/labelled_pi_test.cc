#include "scan/pi/labelled_pi.h"

#include <gtest/gtest.h>

#include "pi_test_util.h"
#include "scan/pi/surnames.h"

namespace hegui::scan {
namespace {

using testing::Found;
using V = std::vector<std::string>;

TEST(Surnames, SingleAndCompound) {
  EXPECT_EQ(SurnameBytesAt("张三", 0), 3u);
  EXPECT_EQ(SurnameBytesAt("欧阳娜娜", 0), 6u);
  EXPECT_EQ(SurnameBytesAt("司马光", 0), 6u);
  EXPECT_EQ(SurnameBytesAt("的人", 0), 0u);
  EXPECT_EQ(SurnameBytesAt("abc", 0), 0u);
}

TEST(PersonName, FoundAfterLabels) {
  EXPECT_EQ(Found("姓名：张三，电话13812345678", PiType::kPersonName), V{"张三"});
  EXPECT_EQ(Found("收件人李小龙 13812345678", PiType::kPersonName), V{"李小龙"});
  EXPECT_EQ(Found("联系人: 欧阳娜娜\n", PiType::kPersonName), V{"欧阳娜娜"});
  EXPECT_EQ(Found("姓名王五电话13812345678", PiType::kPersonName), V{"王五"});
  EXPECT_EQ(Found("持卡人为赵六。", PiType::kPersonName), V{"赵六"});
}

TEST(PersonName, ColonRaisesConfidence) {
  const auto colon = testing::Detect("姓名:张三");
  const auto plain = testing::Detect("姓名张三");
  ASSERT_EQ(colon.size(), 1u);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_GT(colon[0].confidence, plain[0].confidence);
}

TEST(PersonName, NotReportedWithoutSurnameOrWithUnknownEnd) {
  EXPECT_TRUE(Found("姓名：的确", PiType::kPersonName).empty());
  EXPECT_TRUE(Found("姓名：张", PiType::kPersonName).empty());
  EXPECT_TRUE(Found("姓名：张三丰富多彩", PiType::kPersonName).empty());
  EXPECT_TRUE(Found("张三来了", PiType::kPersonName).empty());  // no label
}

TEST(Address, FoundAfterLabels) {
  EXPECT_EQ(Found("地址：北京市海淀区中关村大街27号，电话", PiType::kAddress),
            V{"北京市海淀区中关村大街27号"});
  EXPECT_EQ(Found("收货地址广东省深圳市南山区科技园路1号A座3-501室\n", PiType::kAddress),
            V{"广东省深圳市南山区科技园路1号A座3-501室"});
  EXPECT_EQ(Found("住址:上海市浦东新区世纪大道100号手机13812345678", PiType::kAddress),
            V{"上海市浦东新区世纪大道100号"});
}

TEST(Address, NeedsAddressMarkers) {
  EXPECT_TRUE(Found("IP地址：192.168.1.1", PiType::kAddress).empty());
  EXPECT_TRUE(Found("地址：北京市", PiType::kAddress).empty());
  EXPECT_TRUE(Found("邮箱地址是什么", PiType::kAddress).empty());
}

TEST(Address, PhoneInsideAddressTextIsStillFound) {
  const auto found = testing::Detect("地址：北京市海淀区中关村大街27号13812345678");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].type, PiType::kAddress);
  EXPECT_EQ(found[1].type, PiType::kMobilePhone);
}

TEST(Labels, DisabledTypesAreNotLookedFor) {
  PiDetectorOptions options = testing::TestOptions();
  options.Enable(PiType::kPersonName, false).Enable(PiType::kAddress, false);
  EXPECT_TRUE(testing::Detect("姓名：张三 地址：北京市海淀区中关村大街27号", options).empty());
}

}  // namespace
}  // namespace hegui::scan
