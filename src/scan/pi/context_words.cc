#include "scan/pi/context_words.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

#include "scan/pi/pi_text.h"

namespace hegui::scan {
namespace {

using namespace std::string_view_literals;

// Latin words are lower case here; the window is lower-cased before search.
constexpr std::array kResidentId = {"身份证"sv,   "身份号"sv, "证件号"sv, "身分证"sv,
                                    "公民身份"sv, "id"sv,     "id no"sv,  "identity"sv};
constexpr std::array kMobile = {"手机"sv, "电话"sv, "联系方式"sv, "号码"sv,  "致电"sv,
                                "拨打"sv, "微信"sv, "tel"sv,      "phone"sv, "mobile"sv,
                                "cell"sv, "call"sv, "whatsapp"sv};
constexpr std::array kLandline = {"电话"sv, "座机"sv, "固话"sv,  "传真"sv, "号码"sv,
                                  "分机"sv, "tel"sv,  "phone"sv, "fax"sv};
constexpr std::array kBankCard = {"卡号"sv,    "银行卡"sv, "信用卡"sv,     "借记卡"sv,  "储蓄卡"sv,
                                  "账号"sv,    "帐号"sv,   "账户"sv,       "银行"sv,    "card"sv,
                                  "account"sv, "visa"sv,   "mastercard"sv, "unionpay"sv};
constexpr std::array kPassport = {"护照"sv, "证件号"sv, "passport"sv};
constexpr std::array kIp = {"ip"sv,   "ipv4"sv, "ipv6"sv,   "服务器"sv,
                            "主机"sv, "host"sv, "server"sv, "address"sv};
constexpr std::array kPlate = {"车牌"sv, "牌照"sv, "车辆"sv, "号牌"sv, "plate"sv};
constexpr std::array kUscc = {"统一社会信用代码"sv, "信用代码"sv, "营业执照"sv, "税号"sv,
                              "纳税人识别号"sv,     "uscc"sv};

constexpr bool IsAsciiWord(std::string_view word) {
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

constexpr char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// True if the bytes at p, lower-cased, are `word` (lower case).
inline bool EqualsLowered(const char* p, std::string_view word) {
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(p[i]) != word[i]) return false;
  }
  return true;
}

// One type's context words indexed by first byte: the words that can start
// at a byte of the (lower-cased) text with one lookup.
struct ContextIndex {
  std::span<const std::string_view> words;
  std::array<uint16_t, 256> by_first{};  // bit k: words[k] starts with this byte (any case)
  uint16_t ascii = 0;                    // bit k: words[k] is a Latin word
};

template <size_t N>
constexpr ContextIndex MakeIndex(const std::array<std::string_view, N>& words) {
  static_assert(N <= 16);
  ContextIndex index;
  index.words = words;
  for (size_t k = 0; k < N; ++k) {
    // Latin words start with a lower-case letter; the text's capital finds
    // them too.
    const auto first = static_cast<uint8_t>(words[k][0]);
    index.by_first[first] |= static_cast<uint16_t>(1u << k);
    if (first >= 'a' && first <= 'z')
      index.by_first[first - 'a' + 'A'] |= static_cast<uint16_t>(1u << k);
    if (IsAsciiWord(words[k])) index.ascii |= static_cast<uint16_t>(1u << k);
  }
  return index;
}

constexpr std::array kGluedLabels = {"id"sv,     "idno"sv, "no"sv,   "tel"sv, "phone"sv,
                                     "mobile"sv, "cell"sv, "card"sv, "acct"sv};

constexpr ContextIndex kResidentIdIndex = MakeIndex(kResidentId);
constexpr ContextIndex kMobileIndex = MakeIndex(kMobile);
constexpr ContextIndex kLandlineIndex = MakeIndex(kLandline);
constexpr ContextIndex kBankCardIndex = MakeIndex(kBankCard);
constexpr ContextIndex kPassportIndex = MakeIndex(kPassport);
constexpr ContextIndex kIpIndex = MakeIndex(kIp);
constexpr ContextIndex kPlateIndex = MakeIndex(kPlate);
constexpr ContextIndex kUsccIndex = MakeIndex(kUscc);
constexpr ContextIndex kNoIndex{};

const ContextIndex& IndexFor(PiType type) {
  switch (type) {
    case PiType::kResidentId:
      return kResidentIdIndex;
    case PiType::kMobilePhone:
      return kMobileIndex;
    case PiType::kLandline:
      return kLandlineIndex;
    case PiType::kBankCard:
      return kBankCardIndex;
    case PiType::kPassport:
      return kPassportIndex;
    case PiType::kIpv4:
    case PiType::kIpv6:
      return kIpIndex;
    case PiType::kLicensePlate:
      return kPlateIndex;
    case PiType::kUnifiedSocialCreditCode:
      return kUsccIndex;
    case PiType::kEmail:
    case PiType::kPersonName:
    case PiType::kAddress:
      break;
  }
  return kNoIndex;
}

}  // namespace

bool IsGluedLabel(std::string_view letters) {
  if (letters.size() > 6) return false;
  char lower[6];
  for (size_t i = 0; i < letters.size(); ++i) {
    const char c = letters[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view word(lower, letters.size());
  return std::find(kGluedLabels.begin(), kGluedLabels.end(), word) != kGluedLabels.end();
}

std::span<const std::string_view> ContextWordsFor(PiType type) { return IndexFor(type).words; }

bool HasContextBefore(std::string_view text, size_t begin, PiType type) {
  const ContextIndex& index = IndexFor(type);
  if (index.words.empty() || begin == 0) return false;
  begin = std::min(begin, text.size());
  const size_t start = begin > kContextWindowBytes ? begin - kContextWindowBytes : 0;
  // From the end of the window backwards: context words are usually written
  // right before the number.
  for (size_t j = begin; j-- > start;) {
    for (uint16_t m = index.by_first[static_cast<uint8_t>(text[j])]; m != 0; m &= m - 1) {
      const unsigned k = static_cast<unsigned>(std::countr_zero(m));
      const std::string_view word = index.words[k];
      const size_t after = j + word.size();
      if (after > begin || !EqualsLowered(text.data() + j, word)) continue;
      if (!((index.ascii >> k) & 1)) return true;
      // Whole Latin word: no letter directly before it (in the text, even
      // before the window) or after it (inside the window).
      if (j > 0 && pi_text::IsAlpha(text[j - 1])) continue;
      if (after < begin && pi_text::IsAlpha(text[after])) continue;
      return true;
    }
  }
  return false;
}

}  // namespace hegui::scan
