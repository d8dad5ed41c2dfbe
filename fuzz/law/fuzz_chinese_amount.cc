// Fuzzes the Chinese numeral and amount parsers and the clause reader built on
// them: no crash, no hang, and parsed ranges keep min <= max.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "law/chinese_amount.h"
#include "law/stated_sanctions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)hegui::law::ParseChineseNumber(text);
  hegui::StatusOr<hegui::law::AmountRange> range = hegui::law::ParseAmountRange(text);
  if (range.ok() && range->min && range->max && *range->min > *range->max) std::abort();
  for (const hegui::law::StatedClause& c : hegui::law::ExtractStatedClauses(text)) {
    for (const hegui::law::StatedAmount& a : c.amounts) {
      if (a.range.min && a.range.max && *a.range.min > *a.range.max) std::abort();
    }
  }
  return 0;
}
