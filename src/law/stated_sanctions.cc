#include "law/stated_sanctions.h"

#include <algorithm>

#include "law/internal/utf8.h"

namespace hegui::law {
namespace {

constexpr std::string_view kChu = "处";
constexpr std::string_view kFine = "罚款";
constexpr std::string_view kDetention = "拘留";
constexpr std::string_view kPersons = "对直接负责的主管人员";
constexpr std::string_view kOthers = "其他直接责任人员";
constexpr std::string_view kIncome = "违法所得";
constexpr std::string_view kBelow = "不足";
constexpr std::string_view kYuan = "元";
constexpr std::string_view kAbove = "以上";
constexpr std::string_view kBan = "年内不得";

std::vector<std::string> SplitClauses(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t len = 1;
    internal::DecodeAt(text, pos, &len);
    std::string_view ch = text.substr(pos, len);
    if (ch == "；" || ch == "。") {
      std::string_view clause = internal::Trim(text.substr(start, pos - start));
      if (!clause.empty()) out.emplace_back(clause);
      start = pos + len;
    }
    pos += len;
  }
  std::string_view tail = internal::Trim(text.substr(start));
  if (!tail.empty()) out.emplace_back(tail);
  return out;
}

bool IsNumeralByte(std::string_view text, size_t pos, size_t* len) {
  char32_t cp = internal::DecodeAt(text, pos, len);
  return std::u32string_view(U"零〇一二两三四五六七八九十百千万亿0123456789").find(cp) !=
         std::u32string_view::npos;
}

// Reads "处<expr><suffix>" amounts for every occurrence of `suffix` in `clause`.
void ReadPunishments(std::string_view clause, std::string_view suffix, StatedAmount::Kind kind,
                     std::vector<std::pair<size_t, StatedAmount>>* out) {
  for (size_t at = clause.find(suffix); at != std::string_view::npos;
       at = clause.find(suffix, at + suffix.size())) {
    size_t chu = clause.rfind(kChu, at);
    if (chu == std::string_view::npos) continue;
    std::string_view phrase = clause.substr(chu + kChu.size(), at - chu - kChu.size());
    StatusOr<AmountRange> range = ParseAmountRange(phrase);
    if (!range.ok()) continue;
    StatedAmount a;
    a.kind = kind;
    a.range = *range;
    a.phrase = std::string(phrase);
    std::string_view before = clause.substr(chu >= 9 ? chu - 9 : 0, chu >= 9 ? 9 : chu);
    a.discretionary = before.find("可以") != std::string_view::npos;
    out->emplace_back(chu, std::move(a));
  }
}

void ReadThresholds(std::string_view clause, std::vector<std::pair<size_t, StatedAmount>>* out) {
  for (size_t at = clause.find(kIncome); at != std::string_view::npos;
       at = clause.find(kIncome, at + kIncome.size())) {
    std::string_view rest = clause.substr(at + kIncome.size());
    bool below = rest.starts_with(kBelow);
    if (below) rest.remove_prefix(kBelow.size());
    size_t yuan = rest.find(kYuan);
    if (yuan == std::string_view::npos || yuan > 24) continue;
    std::string_view number = rest.substr(0, yuan);
    StatusOr<int64_t> value = ParseChineseNumber(number);
    if (!value.ok()) continue;
    bool above = rest.substr(yuan + kYuan.size()).starts_with(kAbove);
    if (!below && !above) continue;
    StatedAmount a;
    a.kind =
        below ? StatedAmount::Kind::kIllegalIncomeBelow : StatedAmount::Kind::kIllegalIncomeAtLeast;
    a.range.basis = AmountBasis::kYuan;
    a.range.min = *value;
    a.range.max = *value;
    a.phrase = std::string(kIncome) + std::string(below ? kBelow : "") + std::string(number) +
               std::string(kYuan) + std::string(above ? kAbove : "");
    out->emplace_back(at, std::move(a));
  }
}

void ReadBans(std::string_view clause, std::vector<std::pair<size_t, StatedAmount>>* out) {
  for (size_t at = clause.find(kBan); at != std::string_view::npos;
       at = clause.find(kBan, at + kBan.size())) {
    // Walk back over the numeral before 年.
    size_t start = at;
    while (start > 0) {
      size_t prev = start - 1;
      while (prev > 0 && (static_cast<unsigned char>(clause[prev]) & 0xC0) == 0x80) --prev;
      size_t len = 1;
      if (!IsNumeralByte(clause, prev, &len)) break;
      start = prev;
    }
    StatusOr<int64_t> years = ParseChineseNumber(clause.substr(start, at - start));
    if (!years.ok()) continue;
    StatedAmount a;
    a.kind = StatedAmount::Kind::kBanYears;
    a.range.basis = AmountBasis::kYears;
    a.range.min = *years;
    a.range.max = *years;
    a.phrase = std::string(clause.substr(start, at + kBan.size() - start));
    out->emplace_back(start, std::move(a));
  }
}

}  // namespace

std::vector<StatedClause> ExtractStatedClauses(std::string_view paragraph) {
  std::vector<StatedClause> out;
  for (std::string& text : SplitClauses(paragraph)) {
    StatedClause clause;
    clause.number = static_cast<int>(out.size()) + 1;
    std::vector<std::pair<size_t, StatedAmount>> found;
    ReadPunishments(text, kFine, StatedAmount::Kind::kFine, &found);
    ReadPunishments(text, kDetention, StatedAmount::Kind::kDetention, &found);
    ReadThresholds(text, &found);
    ReadBans(text, &found);
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    // Attribute fines to the persons when the persons marker precedes them.
    size_t previous_end = 0;
    for (auto& [offset, amount] : found) {
      if (amount.kind == StatedAmount::Kind::kFine) {
        std::string_view between(text.data() + previous_end, offset - previous_end);
        size_t marker = between.find(kPersons);
        if (marker != std::string_view::npos) {
          amount.on_persons = true;
          amount.persons_include_others = between.find(kOthers, marker) != std::string_view::npos;
        }
      }
      previous_end = offset;
      clause.amounts.push_back(std::move(amount));
    }
    clause.lifetime_ban = text.find("终身不得") != std::string::npos;
    clause.text = std::move(text);
    out.push_back(std::move(clause));
  }
  return out;
}

}  // namespace hegui::law
