#include "scan/pi/context_words.h"

#include <algorithm>
#include <array>

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

bool IsAsciiWord(std::string_view word) {
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

constexpr std::array kGluedLabels = {"id"sv,     "idno"sv, "no"sv,   "tel"sv, "phone"sv,
                                     "mobile"sv, "cell"sv, "card"sv, "acct"sv};

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

std::span<const std::string_view> ContextWordsFor(PiType type) {
  switch (type) {
    case PiType::kResidentId:
      return kResidentId;
    case PiType::kMobilePhone:
      return kMobile;
    case PiType::kLandline:
      return kLandline;
    case PiType::kBankCard:
      return kBankCard;
    case PiType::kPassport:
      return kPassport;
    case PiType::kIpv4:
    case PiType::kIpv6:
      return kIp;
    case PiType::kLicensePlate:
      return kPlate;
    case PiType::kUnifiedSocialCreditCode:
      return kUscc;
    case PiType::kEmail:
    case PiType::kPersonName:
    case PiType::kAddress:
      break;
  }
  return {};
}

bool HasContextBefore(std::string_view text, size_t begin, PiType type) {
  const std::span<const std::string_view> words = ContextWordsFor(type);
  if (words.empty() || begin == 0) return false;
  begin = std::min(begin, text.size());
  const size_t start = begin > kContextWindowBytes ? begin - kContextWindowBytes : 0;
  char window[kContextWindowBytes];
  const size_t length = begin - start;
  for (size_t i = 0; i < length; ++i) {
    const char c = text[start + i];
    window[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view view(window, length);
  for (std::string_view word : words) {
    const bool ascii = IsAsciiWord(word);
    for (size_t at = view.find(word); at != std::string_view::npos; at = view.find(word, at + 1)) {
      if (!ascii) return true;
      const size_t after = at + word.size();
      // Whole Latin word: no letter directly before or after. The byte just
      // before the window is looked at in the original text.
      const char before = at > 0 ? view[at - 1] : pi_text::At(text, start - 1);
      const bool letter_before = (at > 0 || start > 0) && pi_text::IsAlpha(before);
      const bool letter_after = after < view.size() && pi_text::IsAlpha(view[after]);
      if (!letter_before && !letter_after) return true;
    }
  }
  return false;
}

}  // namespace hegui::scan
