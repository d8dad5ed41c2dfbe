#include "scan/pi/ip_address.h"

#include <gtest/gtest.h>

#include "pi_test_util.h"

namespace hegui::scan {
namespace {

using testing::Found;
using V = std::vector<std::string>;

TEST(Ipv4, OctetsAreValidated) {
  EXPECT_EQ(Ipv4EndAt("192.168.1.1", 0), 11u);
  EXPECT_EQ(Ipv4EndAt("255.255.255.255", 0), 15u);
  EXPECT_EQ(Ipv4EndAt("0.0.0.0", 0), 7u);
  EXPECT_EQ(Ipv4EndAt("256.1.1.1", 0), 0u);
  EXPECT_EQ(Ipv4EndAt("1.2.3", 0), 0u);
  EXPECT_EQ(Ipv4EndAt("01.2.3.4", 0), 0u);
  EXPECT_EQ(Ipv4EndAt("1.2.3.4.5", 0), 0u);
  EXPECT_EQ(Ipv4EndAt("1.2.3.4a", 0), 0u);
  EXPECT_EQ(Ipv4EndAt("1.2.3.1000", 0), 0u);
}

TEST(Ipv4, FoundInText) {
  EXPECT_EQ(Found("服务器IP是10.0.12.7，端口", PiType::kIpv4), V{"10.0.12.7"});
  EXPECT_EQ(Found("from 8.8.8.8.", PiType::kIpv4), V{"8.8.8.8"});
  EXPECT_TRUE(Found("version 1.2.3.4.5", PiType::kIpv4).empty());
  EXPECT_TRUE(Found("v1.2.3.4", PiType::kIpv4).empty());
  EXPECT_TRUE(Found("3.1.2.3.4", PiType::kIpv4).empty());
}

TEST(Ipv6, Forms) {
  EXPECT_TRUE(IsIpv6Address("2001:0db8:85a3:0000:0000:8a2e:0370:7334"));
  EXPECT_TRUE(IsIpv6Address("2001:db8::8a2e:370:7334"));
  EXPECT_TRUE(IsIpv6Address("fe80::1"));
  EXPECT_TRUE(IsIpv6Address("2001:db8::"));
  EXPECT_FALSE(IsIpv6Address("::1"));
  EXPECT_FALSE(IsIpv6Address("1:2:3:4:5:6:7"));
  EXPECT_FALSE(IsIpv6Address("1:2:3:4:5:6:7:8:9"));
  EXPECT_FALSE(IsIpv6Address("1::2::3"));
  EXPECT_FALSE(IsIpv6Address("12345::1"));
  EXPECT_FALSE(IsIpv6Address("12:30"));
  EXPECT_FALSE(IsIpv6Address("1:2:3:4:5:6:7:8:"));
}

TEST(Ipv6, FoundInText) {
  EXPECT_EQ(Found("地址2001:db8::8a2e:370:7334。", PiType::kIpv6), V{"2001:db8::8a2e:370:7334"});
  EXPECT_EQ(Found("ip fe80::1ff:fe23:4567:890a", PiType::kIpv6), V{"fe80::1ff:fe23:4567:890a"});
  EXPECT_EQ(Found("IP:fe80::1", PiType::kIpv6), V{"fe80::1"});
  EXPECT_TRUE(Found("at 12:30:45 today", PiType::kIpv6).empty());
  EXPECT_TRUE(Found("1:2:3:4:5:6:7:8:9:a:b:c:d:e:f:1:2:3:4:5:6:7:8", PiType::kIpv6).empty());
  EXPECT_TRUE(Found("std::string", PiType::kIpv6).empty());
  EXPECT_TRUE(Found("mac 00:1a:2b:3c:4d:5e", PiType::kIpv6).empty());
}

}  // namespace
}  // namespace hegui::scan
