#include "scan/pi/uscc.h"

#include <array>

#include "scan/pi/digit_run.h"
#include "scan/pi/match_sink.h"
#include "scan/pi/resident_id.h"

namespace hegui::scan {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static_assert(kAlphabet.size() == 31);

constexpr std::array<int, 17> kWeights = [] {
  std::array<int, 17> w{};
  int v = 1;
  for (int& x : w) {
    x = v;
    v = v * 3 % 31;
  }
  return w;
}();
static_assert(kWeights[3] == 27 && kWeights[16] == 28);

constexpr std::array<int8_t, 256> kValue = [] {
  std::array<int8_t, 256> t{};
  for (auto& x : t) x = -1;
  for (size_t i = 0; i < kAlphabet.size(); ++i)
    t[static_cast<uint8_t>(kAlphabet[i])] = static_cast<int8_t>(i);
  return t;
}();

}  // namespace

int UsccValue(char c) { return kValue[static_cast<uint8_t>(c)]; }

char UsccCheckChar(std::string_view code17) {
  if (code17.size() < 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    const int v = UsccValue(code17[i]);
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return kAlphabet[check];
}

bool IsValidUscc(std::string_view code) {
  if (code.size() != 18) return false;
  const char authority = code[0];
  if (!((authority >= '1' && authority <= '9') || authority == 'A' || authority == 'N' ||
        authority == 'Y')) {
    return false;
  }
  if (code[1] < '1' || code[1] > '9') return false;
  for (size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  if (!IsProvinceCode((code[2] - '0') * 10 + (code[3] - '0'))) return false;
  const char check = UsccCheckChar(code);
  return check != '\0' && check == code[17];
}

void MatchUsccToken(size_t begin, MatchSink& sink) {
  if (!sink.Wants(PiType::kUnifiedSocialCreditCode)) return;
  if (!IsValidUscc(sink.text().substr(begin, 18))) return;
  sink.Emit(PiType::kUnifiedSocialCreditCode, begin, begin + 18, 0.9f, 0.98f, "pi.uscc.gb32100");
}

void MatchUsccCandidate(const DigitCandidate& c, MatchSink& sink) {
  if (c.group_count != 1 || c.size != 18 || c.ends_with_x || c.plus_before) return;
  // All-digit codes exist (organisation codes without letters) but collide
  // with other 18-digit numbers more often: a little less confident.
  if (!sink.Wants(PiType::kUnifiedSocialCreditCode) || !IsValidUscc(c.Digits())) return;
  sink.Emit(PiType::kUnifiedSocialCreditCode, c.begin, c.end, 0.7f, 0.98f, "pi.uscc.gb32100");
}

}  // namespace hegui::scan
