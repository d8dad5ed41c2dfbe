// Reads what a penalty paragraph of the official Chinese text states: its
// clauses, and in each clause the fines (on the offender or on the directly
// responsible persons), detention, illegal-income thresholds and bans, parsed
// with chinese_amount.h. law check compares penalties.yaml against this, so a
// mistyped amount cannot survive.
//
// Clauses: the paragraph split at "；" and "。", numbered from 1, empty ones
// dropped. Within a clause:
//   fine        处<amount>罚款 (also 并处, 可以处, 可以并处); on the persons if
//               "对直接负责的主管人员" occurs between the previous amount and it
//   detention   处<amount in 日>拘留
//   threshold   违法所得不足<N>元 (below) / 违法所得<N>元以上 (at least)
//   ban         <N>年内不得 (years) / 终身不得 (lifetime)
// Input UTF-8; pure functions, thread-safe.
#ifndef HEGUI_LAW_STATED_SANCTIONS_H_
#define HEGUI_LAW_STATED_SANCTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "law/chinese_amount.h"

namespace hegui::law {

struct StatedAmount {
  enum class Kind { kFine, kDetention, kIllegalIncomeBelow, kIllegalIncomeAtLeast, kBanYears };
  Kind kind = Kind::kFine;
  AmountRange range;
  bool on_persons = false;              // Fine on 直接负责的主管人员 (and perhaps others).
  bool persons_include_others = false;  // ...和其他直接责任人员.
  bool discretionary = false;           // 可以处 / 可以并处: the authority may impose it.
  std::string phrase;                   // The amount phrase as written.
};

struct StatedClause {
  int number = 0;  // 1-based.
  std::string text;
  std::vector<StatedAmount> amounts;  // In text order.
  bool lifetime_ban = false;          // 终身不得.
};

// Splits `paragraph` (one paragraph's text; items may be appended after "\n")
// into clauses and reads their amounts. Phrases that do not parse are skipped
// (they cannot match any data, so law check reports the data as wrong).
std::vector<StatedClause> ExtractStatedClauses(std::string_view paragraph);

}  // namespace hegui::law

#endif  // HEGUI_LAW_STATED_SANCTIONS_H_
