// Parsing of Chinese numerals and of the amount phrases the statute uses for
// fines, detention and thresholds: 一万元以上五万元以下, 五十万元, 十万元以上,
// 五日以下, 违法所得一倍以上五倍以下, 采购金额一倍以上十倍以下.
//
// Use these to read amounts from the official text itself (law check compares
// the penalty data against them), never to guess amounts.
//
// Input: UTF-8. The whole input must be one phrase; surrounding text is the
// caller's job (see stated_sanctions.h). Pure functions, thread-safe.
//
// Example:
//   StatusOr<AmountRange> r = ParseAmountRange("一万元以上十万元以下");
//   // r->basis == AmountBasis::kYuan, *r->min == 10000, *r->max == 100000
#ifndef HEGUI_LAW_CHINESE_AMOUNT_H_
#define HEGUI_LAW_CHINESE_AMOUNT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status_or.h"

namespace hegui::law {

// Parses a Chinese numeral (一, 十五, 二百, 五十万, 一千万, 一百零五, 两) or plain ASCII
// digits ("2017"). Rejects empty input, stray characters, two digits in a row,
// units out of order (十百) and values of 10^15 or more. Cost: O(length).
[[nodiscard]] StatusOr<int64_t> ParseChineseNumber(std::string_view text);

// What an amount counts.
enum class AmountBasis {
  kYuan,                    // 元: RMB yuan.
  kIllegalIncomeMultiple,   // 违法所得N倍: multiples of the illegal income.
  kPurchaseAmountMultiple,  // 采购金额N倍: multiples of the purchase amount.
  kDays,                    // 日: days (detention).
  kYears,                   // 年: years (bans).
};

// Stable lower-case name: "yuan", "illegal_income_multiple", ...
std::string_view AmountBasisName(AmountBasis basis);

// A closed range [min, max]; a missing bound is open (以上 alone has no max,
// 以下 alone has no min). An exact amount (五十万元) has min == max.
struct AmountRange {
  AmountBasis basis = AmountBasis::kYuan;
  std::optional<int64_t> min;
  std::optional<int64_t> max;

  friend bool operator==(const AmountRange&, const AmountRange&) = default;

  // Human-readable: "RMB 10,000 - 50,000", "1x - 5x illegal income", "up to 5 days".
  std::string ToString() const;
};

// Parses one amount phrase: [违法所得|采购金额] N unit [以上 [M unit 以下]] |
// N unit 以下 | N unit, where unit is 元, 倍, 日 or 年 and both bounds use the
// same unit. Errors name the phrase and what was expected.
[[nodiscard]] StatusOr<AmountRange> ParseAmountRange(std::string_view text);

// Formats a yuan amount with thousands separators: 1000000 -> "1,000,000".
std::string FormatYuan(int64_t yuan);

}  // namespace hegui::law

#endif  // HEGUI_LAW_CHINESE_AMOUNT_H_
