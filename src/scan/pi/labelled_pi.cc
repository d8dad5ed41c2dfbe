#include "scan/pi/labelled_pi.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "scan/pi/match_sink.h"
#include "scan/pi/pi_text.h"

namespace hegui::scan {
namespace {

using namespace std::string_view_literals;
using pi_text::At;

struct Label {
  std::string_view text;  // UTF-8
  PiType type;
  float confidence;  // with a ':' after the label; 0.1 less without
};

constexpr std::array kLabels = {
    Label{"姓名"sv, PiType::kPersonName, 0.85f},
    Label{"联系人"sv, PiType::kPersonName, 0.85f},
    Label{"收件人"sv, PiType::kPersonName, 0.85f},
    Label{"收货人"sv, PiType::kPersonName, 0.85f},
    Label{"寄件人"sv, PiType::kPersonName, 0.85f},
    Label{"发件人"sv, PiType::kPersonName, 0.85f},
    Label{"户名"sv, PiType::kPersonName, 0.85f},
    Label{"持卡人"sv, PiType::kPersonName, 0.85f},
    Label{"开户名"sv, PiType::kPersonName, 0.85f},
    Label{"患者"sv, PiType::kPersonName, 0.8f},
    Label{"申请人"sv, PiType::kPersonName, 0.85f},
    Label{"法定代表人"sv, PiType::kPersonName, 0.85f},
    Label{"法人代表"sv, PiType::kPersonName, 0.85f},
    Label{"负责人"sv, PiType::kPersonName, 0.8f},
    Label{"经办人"sv, PiType::kPersonName, 0.85f},
    Label{"投保人"sv, PiType::kPersonName, 0.85f},
    Label{"被保险人"sv, PiType::kPersonName, 0.85f},
    Label{"乘车人"sv, PiType::kPersonName, 0.85f},
    Label{"入住人"sv, PiType::kPersonName, 0.85f},
    Label{"就诊人"sv, PiType::kPersonName, 0.85f},
    Label{"名字"sv, PiType::kPersonName, 0.8f},
    Label{"名叫"sv, PiType::kPersonName, 0.75f},
    Label{"地址"sv, PiType::kAddress, 0.85f},
    Label{"住址"sv, PiType::kAddress, 0.85f},
    Label{"居住地"sv, PiType::kAddress, 0.85f},
    Label{"户籍地"sv, PiType::kAddress, 0.85f},
    Label{"住在"sv, PiType::kAddress, 0.75f},
};

constexpr char32_t FirstCodePoint(std::string_view s) {
  // Every label starts with a 3-byte (BMP Han) character.
  return (char32_t(static_cast<unsigned char>(s[0])) & 0x0F) << 12 |
         (char32_t(static_cast<unsigned char>(s[1])) & 0x3F) << 6 |
         (char32_t(static_cast<unsigned char>(s[2])) & 0x3F);
}

constexpr auto kStarts = [] {
  std::array<char32_t, kLabels.size()> starts{};
  for (size_t i = 0; i < kLabels.size(); ++i) starts[i] = FirstCodePoint(kLabels[i].text);
  std::sort(starts.begin(), starts.end());
  return starts;
}();

// One bit per (cp mod 64) of the label starts: rejects most characters with
// one test before the binary search.
constexpr uint64_t kStartBits = [] {
  uint64_t bits = 0;
  for (char32_t cp : kStarts) bits |= uint64_t{1} << (cp & 63);
  return bits;
}();

// Skips the separator between a label and its value; sets *colon if a ':'
// was seen. Returns the value's start.
size_t SkipSeparator(std::string_view text, size_t p, bool* colon) {
  *colon = false;
  size_t spaces = 0;
  while (At(text, p) == ' ' && spaces < 2) ++p, ++spaces;
  const bool full_width = pi_text::Decode3At(text, p) == 0xFF1A;  // '：' if not folded
  if (At(text, p) == ':' || full_width) {
    *colon = true;
    p += full_width ? 3 : 1;
    spaces = 0;
    while (At(text, p) == ' ' && spaces < 2) ++p, ++spaces;
    return p;
  }
  const char32_t cp = pi_text::Decode3At(text, p);
  if (cp == U'是' || cp == U'为' || cp == U'叫' || cp == U'在') p += 3;
  return p;
}

}  // namespace

bool IsLabelStart(char32_t cp) {
  if (!((kStartBits >> (cp & 63)) & 1)) return false;
  return std::binary_search(kStarts.begin(), kStarts.end(), cp);
}

size_t ScanLabelAt(size_t pos, MatchSink& sink) {
  const std::string_view text = sink.text();
  for (const Label& label : kLabels) {
    if (!pi_text::StartsWithAt(text, pos, label.text) || !sink.Wants(label.type)) continue;
    const size_t label_end = pos + label.text.size();
    bool colon = false;
    const size_t value = SkipSeparator(text, label_end, &colon);
    const float confidence = colon ? label.confidence : label.confidence - 0.1f;
    if (label.type == PiType::kPersonName) {
      MatchPersonNameAt(value, confidence, sink);
    } else {
      MatchAddressAt(value, sink);
    }
    return label_end;
  }
  return pos + 3;
}

}  // namespace hegui::scan
