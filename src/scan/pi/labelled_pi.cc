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

// The labels' first characters (packed by Head3) with the label's index,
// sorted: a character that starts no label costs one binary search.
// Every label has at least two characters: the second (packed the same way)
// rejects most texts that share only the first character before the whole
// label is compared.
struct LabelHead {
  uint32_t head;
  uint32_t second;
  uint8_t label;
};
constexpr std::array<LabelHead, kLabels.size()> kLabelHeads = [] {
  std::array<LabelHead, kLabels.size()> heads{};
  for (size_t i = 0; i < kLabels.size(); ++i) {
    heads[i] = {pi_text::Head3(kLabels[i].text), pi_text::Head3(kLabels[i].text.substr(3)),
                static_cast<uint8_t>(i)};
  }
  std::sort(heads.begin(), heads.end(), [](const LabelHead& a, const LabelHead& b) {
    return a.head != b.head ? a.head < b.head : a.label < b.label;
  });
  return heads;
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

constexpr LabelStartTable kLabelStarts = [] {
  LabelStartTable table{};
  for (const Label& label : kLabels) {
    const auto b0 = static_cast<uint8_t>(label.text[0]);
    const auto b1 = static_cast<uint8_t>(label.text[1]);
    const auto b2 = static_cast<uint8_t>(label.text[2]);
    table.bits[(b0 & 0x0F) << 6 | (b1 & 0x3F)] |= uint64_t{1} << (b2 & 0x3F);
  }
  return table;
}();

std::vector<std::string_view> LabelTexts() {
  std::vector<std::string_view> texts;
  for (const Label& label : kLabels) texts.push_back(label.text);
  return texts;
}

size_t ScanLabelAt(size_t pos, MatchSink& sink) {
  const std::string_view text = sink.text();
  const uint32_t head = pi_text::Load3(text, pos);
  auto it = std::lower_bound(kLabelHeads.begin(), kLabelHeads.end(), head,
                             [](const LabelHead& h, uint32_t value) { return h.head < value; });
  const uint32_t second = pi_text::Load3(text, pos + 3);
  for (; it != kLabelHeads.end() && it->head == head; ++it) {
    if (it->second != second) continue;
    const Label& label = kLabels[it->label];
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
  return pos + 1;
}

}  // namespace hegui::scan
