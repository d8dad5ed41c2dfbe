#include "scan/pi/bank_card.h"

#include "scan/pi/digit_run.h"
#include "scan/pi/match_sink.h"
#include "scan/pi/pi_text.h"

namespace hegui::scan {
namespace {

int Prefix(std::string_view d, size_t n) {
  int value = 0;
  for (size_t i = 0; i < n; ++i) value = value * 10 + (d[i] - '0');
  return value;
}

// Groups of four with a shorter (1-4 digit) last group: 6222 0212 3456 7890 123.
bool GroupedInFours(const DigitCandidate& c) {
  if (c.group_count < 4 || !c.UniformJoins()) return false;
  for (size_t i = 0; i + 1 < c.group_count; ++i) {
    if (c.group_size[i] != 4) return false;
  }
  return c.group_size[c.group_count - 1] <= 4;
}

}  // namespace

CardNetwork CardNetworkOf(std::string_view d) {
  if (d.size() < 16 || d.size() > 19) return CardNetwork::kNone;
  for (char c : d) {
    if (!pi_text::IsDigit(c)) return CardNetwork::kNone;
  }
  const int p2 = Prefix(d, 2);
  const int p3 = Prefix(d, 3);
  const int p4 = Prefix(d, 4);
  if (p2 == 62) return CardNetwork::kUnionPay;
  if (d[0] == '4') return CardNetwork::kVisa;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
    return d.size() == 16 ? CardNetwork::kMastercard : CardNetwork::kNone;
  }
  if (p4 >= 3528 && p4 <= 3589) return CardNetwork::kJcb;
  if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) return CardNetwork::kDiscover;
  if (p2 == 60) return CardNetwork::kUnionPay;  // domestic BINs such as 601382
  if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) return CardNetwork::kDiners;
  return CardNetwork::kNone;
}

bool PassesLuhn(std::string_view d) {
  if (d.size() < 2) return false;
  int sum = 0;
  bool twice = false;
  for (size_t i = d.size(); i-- > 0;) {
    if (!pi_text::IsDigit(d[i])) return false;
    int v = d[i] - '0';
    if (twice) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    twice = !twice;
  }
  return sum % 10 == 0;
}

void MatchBankCard(const DigitCandidate& c, MatchSink& sink) {
  if (c.paren_area || c.ends_with_x || c.plus_before || !sink.Wants(PiType::kBankCard)) return;
  const std::string_view d = c.Digits();
  const CardNetwork network = CardNetworkOf(d);
  if (network == CardNetwork::kNone) return;
  if (PassesLuhn(d)) {
    float base = 0.75f;
    if (c.group_count == 1) {
      base = 0.8f;
    } else if (GroupedInFours(c)) {
      base = 0.9f;
    }
    sink.Emit(PiType::kBankCard, c.begin, c.end, base, 0.97f, "pi.bank_card.luhn");
  } else if (network == CardNetwork::kUnionPay && d.starts_with("62")) {
    sink.Emit(PiType::kBankCard, c.begin, c.end, 0.0f, 0.6f, "pi.bank_card.unionpay_context");
  }
}

}  // namespace hegui::scan
