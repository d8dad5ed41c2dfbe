#include "law/chinese_amount.h"

#include <gtest/gtest.h>

#include "law/statute_text.h"

namespace hegui::law {
namespace {

struct NumberVector {
  const char* text;
  int64_t value;
};

TEST(ChineseNumberTest, ParsesStatuteNumerals) {
  const NumberVector vectors[] = {
      {"一", 1},           {"二", 2},
      {"两", 2},           {"五", 5},
      {"十", 10},          {"十五", 15},
      {"二十", 20},        {"二十三", 23},
      {"八十一", 81},      {"一百", 100},
      {"一百零五", 105},   {"一百一十", 110},
      {"一千", 1000},      {"一万", 10000},
      {"二万", 20000},     {"五万", 50000},
      {"十万", 100000},    {"二十万", 200000},
      {"五十万", 500000},  {"一百万", 1000000},
      {"二百万", 2000000}, {"一千万", 10000000},
      {"一亿", 100000000}, {"一亿二千万", 120000000},
      {"2017", 2017},      {"0", 0},
      {"零", 0},
  };
  for (const NumberVector& v : vectors) {
    StatusOr<int64_t> got = ParseChineseNumber(v.text);
    ASSERT_TRUE(got.ok()) << v.text << ": " << got.status().ToString();
    EXPECT_EQ(*got, v.value) << v.text;
  }
}

TEST(ChineseNumberTest, RejectsMalformedNumerals) {
  for (const char* bad : {"", "元", "一二", "十百", "万万", "百", "万", "一x", "五十万元", "一零",
                          "九九九九九九九九九九九九九九九九", "一万亿亿"}) {
    EXPECT_FALSE(ParseChineseNumber(bad).ok()) << bad;
  }
}

TEST(ChineseNumberTest, FormatRoundTripsOneToTenThousand) {
  for (int n = 1; n <= 10000; ++n) {
    std::string text = FormatChineseNumber(n);
    StatusOr<int64_t> back = ParseChineseNumber(text);
    ASSERT_TRUE(back.ok()) << n << " -> " << text;
    EXPECT_EQ(*back, n) << text;
  }
  EXPECT_EQ(FormatChineseNumber(81), "八十一");
  EXPECT_EQ(FormatChineseNumber(15), "十五");
  EXPECT_EQ(FormatChineseNumber(105), "一百零五");
  EXPECT_EQ(ItemMarkerZh(3), "（三）");
}

struct RangeVector {
  const char* text;
  AmountBasis basis;
  std::optional<int64_t> min;
  std::optional<int64_t> max;
};

TEST(AmountRangeTest, ParsesStatutePhrases) {
  const RangeVector vectors[] = {
      {"一万元以上五万元以下", AmountBasis::kYuan, 10000, 50000},
      {"一万元以上十万元以下", AmountBasis::kYuan, 10000, 100000},
      {"五万元以上五十万元以下", AmountBasis::kYuan, 50000, 500000},
      {"五万元以上十万元以下", AmountBasis::kYuan, 50000, 100000},
      {"十万元以上一百万元以下", AmountBasis::kYuan, 100000, 1000000},
      {"五十万元以上二百万元以下", AmountBasis::kYuan, 500000, 2000000},
      {"二百万元以上一千万元以下", AmountBasis::kYuan, 2000000, 10000000},
      {"一百万元以上一千万元以下", AmountBasis::kYuan, 1000000, 10000000},
      {"二十万元以上一百万元以下", AmountBasis::kYuan, 200000, 1000000},
      {"二万元以上十万元以下", AmountBasis::kYuan, 20000, 100000},
      {"五十万元", AmountBasis::kYuan, 500000, 500000},
      {"十万元以上", AmountBasis::kYuan, 100000, std::nullopt},
      {"十万元以下", AmountBasis::kYuan, std::nullopt, 100000},
      {"违法所得一倍以上十倍以下", AmountBasis::kIllegalIncomeMultiple, 1, 10},
      {"违法所得一倍以上五倍以下", AmountBasis::kIllegalIncomeMultiple, 1, 5},
      {"采购金额一倍以上十倍以下", AmountBasis::kPurchaseAmountMultiple, 1, 10},
      {"五日以下", AmountBasis::kDays, std::nullopt, 5},
      {"五日以上十五日以下", AmountBasis::kDays, 5, 15},
      {"五年", AmountBasis::kYears, 5, 5},
      {"　一万元以上五万元以下 ", AmountBasis::kYuan, 10000, 50000},
  };
  for (const RangeVector& v : vectors) {
    StatusOr<AmountRange> got = ParseAmountRange(v.text);
    ASSERT_TRUE(got.ok()) << v.text << ": " << got.status().ToString();
    EXPECT_EQ(got->basis, v.basis) << v.text;
    EXPECT_EQ(got->min, v.min) << v.text;
    EXPECT_EQ(got->max, v.max) << v.text;
  }
}

TEST(AmountRangeTest, RejectsMalformedPhrases) {
  for (const char* bad :
       {"", "一万", "一万元以上五万", "一万元以上五万元", "五万元以上一万元以下",
        "一倍以上五倍以下", "违法所得一万元", "一万元以上五日以下", "一万元以下罚款",
        "一万元以上以下", "以上一万元", "违法所得", "一万元以上五万元以下以下"}) {
    EXPECT_FALSE(ParseAmountRange(bad).ok()) << bad;
  }
}

TEST(AmountRangeTest, ErrorNamesThePhrase) {
  StatusOr<AmountRange> got = ParseAmountRange("五万元以上一万元以下");
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("五万元以上一万元以下"), std::string::npos);
  EXPECT_NE(got.status().message().find("upper bound below lower bound"), std::string::npos);
}

TEST(AmountRangeTest, ToStringIsReadable) {
  EXPECT_EQ(ParseAmountRange("一万元以上五万元以下")->ToString(), "RMB 10,000 to RMB 50,000");
  EXPECT_EQ(ParseAmountRange("五日以下")->ToString(), "up to 5 days");
  EXPECT_EQ(ParseAmountRange("违法所得一倍以上五倍以下")->ToString(),
            "1x illegal income to 5x illegal income");
  EXPECT_EQ(FormatYuan(10000000), "10,000,000");
}

}  // namespace
}  // namespace hegui::law
