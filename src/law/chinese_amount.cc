#include "law/chinese_amount.h"

#include <string>
#include <vector>

#include "law/internal/utf8.h"

namespace hegui::law {
namespace {

using internal::DecodeAt;

constexpr int64_t kMaxValue = 1'000'000'000'000'000;  // 10^15, exclusive.

int DigitValue(char32_t cp) {
  switch (cp) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int64_t SmallUnit(char32_t cp) {
  switch (cp) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    default:
      return 0;
  }
}

int64_t BigUnit(char32_t cp) {
  switch (cp) {
    case U'万':
      return 10'000;
    case U'亿':
      return 100'000'000;
    default:
      return 0;
  }
}

Status NumberError(std::string_view text, std::string_view why) {
  return InvalidArgumentError("not a number: '" + std::string(text) + "': " + std::string(why));
}

std::u32string Decode(std::string_view text) {
  std::u32string out;
  for (size_t pos = 0; pos < text.size();) {
    size_t len = 1;
    out.push_back(DecodeAt(text, pos, &len));
    pos += len;
  }
  return out;
}

}  // namespace

StatusOr<int64_t> ParseChineseNumber(std::string_view text) {
  if (text.empty()) return NumberError(text, "empty");
  bool all_ascii_digits = true;
  for (char c : text) all_ascii_digits = all_ascii_digits && c >= '0' && c <= '9';
  if (all_ascii_digits) {
    if (text.size() > 15) return NumberError(text, "too large");
    int64_t v = 0;
    for (char c : text) v = v * 10 + (c - '0');
    return v;
  }
  std::u32string cps = Decode(text);
  int64_t total = 0;           // Completed 亿/万 groups.
  int64_t section = 0;         // Value below the current 万 group.
  int64_t digit = -1;          // Pending digit, -1 if none.
  int64_t last_small = 10000;  // Last small unit in this section (must decrease).
  int64_t last_big = kMaxValue;
  bool pending_zero = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t cp = cps[i];
    if (int d = DigitValue(cp); d >= 0) {
      if (digit > 0) return NumberError(text, "two digits in a row");
      if (d == 0) {
        pending_zero = true;
        digit = -1;
        continue;
      }
      digit = d;
      continue;
    }
    if (int64_t u = SmallUnit(cp); u != 0) {
      if (u >= last_small) return NumberError(text, "units out of order");
      int64_t d = digit;
      if (d < 0) {
        // 十五 = 15: a bare 十 at the start of a section means one ten.
        if (u != 10 || section != 0 || pending_zero)
          return NumberError(text, "unit without a digit");
        d = 1;
      }
      section += d * u;
      last_small = u;
      digit = -1;
      pending_zero = false;
      continue;
    }
    if (int64_t u = BigUnit(cp); u != 0) {
      if (u >= last_big) return NumberError(text, "units out of order");
      int64_t group = section + (digit > 0 ? digit : 0);
      if (group == 0) return NumberError(text, "unit without a digit");
      if (u == 100'000'000) {
        total = (total + group) * u;
      } else {
        total += group * u;
      }
      if (total >= kMaxValue) return NumberError(text, "too large");
      last_big = u;
      section = 0;
      digit = -1;
      last_small = 10000;
      pending_zero = false;
      continue;
    }
    return NumberError(text, "unexpected character");
  }
  if (pending_zero && digit < 0) {
    if (cps.size() == 1) return int64_t{0};  // 零 alone.
    return NumberError(text, "ends in zero");
  }
  int64_t value = total + section + (digit > 0 ? digit : 0);
  if (value >= kMaxValue) return NumberError(text, "too large");
  return value;
}

std::string_view AmountBasisName(AmountBasis basis) {
  switch (basis) {
    case AmountBasis::kYuan:
      return "yuan";
    case AmountBasis::kIllegalIncomeMultiple:
      return "illegal_income_multiple";
    case AmountBasis::kPurchaseAmountMultiple:
      return "purchase_amount_multiple";
    case AmountBasis::kDays:
      return "days";
    case AmountBasis::kYears:
      return "years";
  }
  return "unknown";
}

std::string FormatYuan(int64_t yuan) {
  std::string digits = std::to_string(yuan < 0 ? -yuan : yuan);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return yuan < 0 ? "-" + out : out;
}

std::string AmountRange::ToString() const {
  auto one = [&](int64_t v) {
    switch (basis) {
      case AmountBasis::kYuan:
        return "RMB " + FormatYuan(v);
      case AmountBasis::kIllegalIncomeMultiple:
        return std::to_string(v) + "x illegal income";
      case AmountBasis::kPurchaseAmountMultiple:
        return std::to_string(v) + "x purchase amount";
      case AmountBasis::kDays:
        return std::to_string(v) + (v == 1 ? " day" : " days");
      case AmountBasis::kYears:
        return std::to_string(v) + (v == 1 ? " year" : " years");
    }
    return std::to_string(v);
  };
  if (min && max) {
    if (*min == *max) return one(*min);
    std::string lo = one(*min);
    std::string hi = one(*max);
    return lo + " to " + hi;
  }
  if (min) return "at least " + one(*min);
  if (max) return "up to " + one(*max);
  return "unspecified";
}

namespace {

struct Bound {
  int64_t value = 0;
  char32_t unit = 0;
};

constexpr std::string_view kAbove = "以上";
constexpr std::string_view kBelow = "以下";

bool IsUnitChar(char32_t cp) { return cp == U'元' || cp == U'倍' || cp == U'日' || cp == U'年'; }

// Reads "<numeral><unit>" from the front of `*rest`.
StatusOr<Bound> ReadBound(std::string_view whole, std::string_view* rest) {
  size_t pos = 0;
  while (pos < rest->size()) {
    size_t len = 1;
    char32_t cp = DecodeAt(*rest, pos, &len);
    if (IsUnitChar(cp)) {
      HEGUI_ASSIGN_OR_RETURN(int64_t value, ParseChineseNumber(rest->substr(0, pos)));
      rest->remove_prefix(pos + len);
      return Bound{value, cp};
    }
    pos += len;
  }
  return InvalidArgumentError("not an amount: '" + std::string(whole) +
                              "': expected a number followed by 元, 倍, 日 or 年");
}

AmountBasis BasisFor(char32_t unit, AmountBasis multiple_basis) {
  switch (unit) {
    case U'元':
      return AmountBasis::kYuan;
    case U'日':
      return AmountBasis::kDays;
    case U'年':
      return AmountBasis::kYears;
    default:
      return multiple_basis;
  }
}

}  // namespace

StatusOr<AmountRange> ParseAmountRange(std::string_view text) {
  std::string_view rest = internal::Trim(text);
  std::optional<AmountBasis> multiple;
  if (rest.starts_with("违法所得")) {
    multiple = AmountBasis::kIllegalIncomeMultiple;
    rest.remove_prefix(std::string_view("违法所得").size());
  } else if (rest.starts_with("采购金额")) {
    multiple = AmountBasis::kPurchaseAmountMultiple;
    rest.remove_prefix(std::string_view("采购金额").size());
  }
  auto error = [&](std::string_view why) {
    return InvalidArgumentError("not an amount: '" + std::string(text) + "': " + std::string(why));
  };
  HEGUI_ASSIGN_OR_RETURN(Bound first, ReadBound(text, &rest));
  if ((first.unit == U'倍') != multiple.has_value()) {
    return error(multiple ? "a multiple of 违法所得/采购金额 must be counted in 倍"
                          : "倍 needs a base (违法所得 or 采购金额)");
  }
  AmountRange range;
  range.basis = BasisFor(first.unit, multiple.value_or(AmountBasis::kYuan));
  if (rest.empty()) {
    range.min = first.value;
    range.max = first.value;
    return range;
  }
  if (rest.starts_with(kBelow)) {
    rest.remove_prefix(kBelow.size());
    if (!rest.empty()) return error("text after 以下");
    range.max = first.value;
    return range;
  }
  if (!rest.starts_with(kAbove)) return error("expected 以上 or 以下 after the amount");
  rest.remove_prefix(kAbove.size());
  range.min = first.value;
  if (rest.empty()) return range;
  HEGUI_ASSIGN_OR_RETURN(Bound second, ReadBound(text, &rest));
  if (second.unit != first.unit) return error("the two bounds use different units");
  if (!rest.starts_with(kBelow)) return error("expected 以下 after the upper bound");
  rest.remove_prefix(kBelow.size());
  if (!rest.empty()) return error("text after 以下");
  if (second.value < first.value) return error("upper bound below lower bound");
  range.max = second.value;
  return range;
}

}  // namespace hegui::law
