// Payment card numbers: 16-19 digits whose leading digits (BIN) belong to a
// card network — UnionPay 62 (and 60 domestic BINs), Visa 4, Mastercard 51-55
// and 2221-2720, JCB 3528-3589, Discover 6011/644-649/65, Diners 30/36/38/39 —
// and whose last digit is the Luhn check digit. Some UnionPay cards do not
// carry a Luhn check digit, so a 62 number failing Luhn is still reported, at
// low confidence, when a context word (卡号, 银行卡, card ...) precedes it.
// Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_BANK_CARD_H_
#define HEGUI_SCAN_PI_BANK_CARD_H_

#include <string_view>

namespace hegui::scan {

struct DigitCandidate;
class MatchSink;

enum class CardNetwork { kNone, kUnionPay, kVisa, kMastercard, kJcb, kDiscover, kDiners };

// The network whose BIN range `digits` (16-19 digits) starts with, kNone if
// no network issues numbers of that prefix and length.
CardNetwork CardNetworkOf(std::string_view digits);

// True if `digits` (ASCII digits only, at least 2) passes the Luhn check.
bool PassesLuhn(std::string_view digits);

// Reports the candidate if it is a card number: Luhn and BIN, plain 0.8,
// grouped in fours 0.9, other groupings 0.75; 0.97 with context. UnionPay
// failing Luhn: only with context, 0.6.
void MatchBankCard(const DigitCandidate& candidate, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_BANK_CARD_H_
