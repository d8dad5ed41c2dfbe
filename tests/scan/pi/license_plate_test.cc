#include "scan/pi/license_plate.h"

#include <gtest/gtest.h>

#include "pi_test_util.h"

namespace hegui::scan {
namespace {

using testing::Found;
using V = std::vector<std::string>;

TEST(LicensePlate, Provinces) {
  EXPECT_TRUE(IsPlateProvince(U'京'));
  EXPECT_TRUE(IsPlateProvince(U'粤'));
  EXPECT_TRUE(IsPlateProvince(U'琼'));
  EXPECT_FALSE(IsPlateProvince(U'北'));
  EXPECT_FALSE(IsPlateProvince(U'A'));
}

TEST(LicensePlate, OrdinaryPlates) {
  EXPECT_EQ(Found("车牌京A12345，", PiType::kLicensePlate), V{"京A12345"});
  EXPECT_EQ(Found("沪B·A1234", PiType::kLicensePlate), V{"沪B·A1234"});
  EXPECT_EQ(Found("粤B 88888的车", PiType::kLicensePlate), V{"粤B 88888"});
  EXPECT_EQ(Found("粤B1234学", PiType::kLicensePlate), V{"粤B1234学"});
}

TEST(LicensePlate, NewEnergyPlates) {
  EXPECT_EQ(Found("京AD12345", PiType::kLicensePlate), V{"京AD12345"});
  EXPECT_EQ(Found("京AF12345", PiType::kLicensePlate), V{"京AF12345"});
  EXPECT_EQ(Found("京A12345D", PiType::kLicensePlate), V{"京A12345D"});
}

TEST(LicensePlate, InvalidPlatesAreRejected) {
  EXPECT_TRUE(Found("京I12345", PiType::kLicensePlate).empty());    // no I
  EXPECT_TRUE(Found("京AO1234", PiType::kLicensePlate).empty());    // no O
  EXPECT_TRUE(Found("京ABCDE1", PiType::kLicensePlate).empty());    // too few digits
  EXPECT_TRUE(Found("京A1234567", PiType::kLicensePlate).empty());  // too long
  EXPECT_TRUE(Found("京AX12345", PiType::kLicensePlate).empty());   // 6 chars not D/F
  EXPECT_TRUE(Found("北A12345", PiType::kLicensePlate).empty());    // not a province
}

}  // namespace
}  // namespace hegui::scan
