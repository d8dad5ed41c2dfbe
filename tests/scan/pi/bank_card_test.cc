#include "scan/pi/bank_card.h"

#include <gtest/gtest.h>

#include "pi_test_util.h"

namespace hegui::scan {
namespace {

using testing::Found;
using testing::WithLuhn;
using V = std::vector<std::string>;

TEST(BankCard, LuhnKnownVectors) {
  EXPECT_TRUE(PassesLuhn("4111111111111111"));
  EXPECT_TRUE(PassesLuhn("5555555555554444"));
  EXPECT_TRUE(PassesLuhn("79927398713"));
  EXPECT_FALSE(PassesLuhn("79927398710"));
  EXPECT_FALSE(PassesLuhn("4111111111111112"));
  EXPECT_EQ(WithLuhn("411111111111111"), "4111111111111111");
}

TEST(BankCard, EveryFlippedDigitFailsLuhn) {
  const std::string card = WithLuhn("622202123456789012");
  ASSERT_TRUE(PassesLuhn(card));
  for (size_t i = 0; i < card.size(); ++i) EXPECT_FALSE(PassesLuhn(testing::FlipDigit(card, i)));
}

TEST(BankCard, NetworksByBin) {
  EXPECT_EQ(CardNetworkOf("6222021234567890"), CardNetwork::kUnionPay);
  EXPECT_EQ(CardNetworkOf("6222021234567890123"), CardNetwork::kUnionPay);
  EXPECT_EQ(CardNetworkOf("4111111111111111"), CardNetwork::kVisa);
  EXPECT_EQ(CardNetworkOf("5555555555554444"), CardNetwork::kMastercard);
  EXPECT_EQ(CardNetworkOf("2221000000000009"), CardNetwork::kMastercard);
  EXPECT_EQ(CardNetworkOf("2720990000000000"), CardNetwork::kMastercard);
  EXPECT_EQ(CardNetworkOf("3530111333300000"), CardNetwork::kJcb);
  EXPECT_EQ(CardNetworkOf("6011111111111117"), CardNetwork::kDiscover);
  EXPECT_EQ(CardNetworkOf("2720990000000000000"), CardNetwork::kNone);  // MC is 16 digits
  EXPECT_EQ(CardNetworkOf("1234567812345678"), CardNetwork::kNone);
  EXPECT_EQ(CardNetworkOf("2220990000000000"), CardNetwork::kNone);
  EXPECT_EQ(CardNetworkOf("622202123456789"), CardNetwork::kNone);  // 15 digits
}

TEST(BankCard, FoundAfterCardNumberLabelWithoutSpace) {
  const std::string card = WithLuhn("622202123456789012");
  EXPECT_EQ(Found("卡号" + card + "，请转账", PiType::kBankCard), V{card});
}

TEST(BankCard, FoundGroupedInFours) {
  EXPECT_EQ(Found("card 4111 1111 1111 1111.", PiType::kBankCard), V{"4111 1111 1111 1111"});
  EXPECT_EQ(Found("5555-5555-5555-4444", PiType::kBankCard), V{"5555-5555-5555-4444"});
  const std::string c19 = WithLuhn("622202123456789012");
  const std::string grouped = c19.substr(0, 4) + " " + c19.substr(4, 4) + " " + c19.substr(8, 4) +
                              " " + c19.substr(12, 4) + " " + c19.substr(16);
  EXPECT_EQ(Found("银行卡 " + grouped, PiType::kBankCard), V{grouped});
}

TEST(BankCard, LuhnFailureOfNonUnionPayIsNotReported) {
  EXPECT_TRUE(Found("卡号4111111111111112", PiType::kBankCard).empty());
}

TEST(BankCard, UnionPayFailingLuhnNeedsContext) {
  std::string card = WithLuhn("622202123456789012");
  card = testing::FlipDigit(card, 18);
  EXPECT_TRUE(Found("编号 " + card, PiType::kBankCard).empty());
  const auto found = testing::Detect("银行卡号 " + card);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, PiType::kBankCard);
  EXPECT_EQ(found[0].rule_id, "pi.bank_card.unionpay_context");
  EXPECT_FLOAT_EQ(found[0].confidence, 0.6f);
}

TEST(BankCard, SliceOfLongerNumberIsNotReported) {
  EXPECT_TRUE(Found("9" + WithLuhn("411111111111111") + "9", PiType::kBankCard).empty());
}

}  // namespace
}  // namespace hegui::scan
