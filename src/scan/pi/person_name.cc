#include "scan/pi/person_name.h"

#include <algorithm>
#include <array>

#include "scan/pi/match_sink.h"
#include "scan/pi/pi_text.h"
#include "scan/pi/surnames.h"

namespace hegui::scan {
namespace {

// Characters that end a name: grammar words, titles, and the first
// characters of the labels that usually follow a name in a form.
constexpr std::u32string_view kStops =
    U"的了和与及或等是在说电手地住身性年联邮先女男同老您你我他她号证籍族收寄姓名话家省市区县路街"
    U"请会要已将也都就还吧呢吗啊，。";

constexpr auto kSortedStops = [] {
  std::array<char32_t, kStops.size()> sorted{};
  std::copy(kStops.begin(), kStops.end(), sorted.begin());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}();

bool IsStop(char32_t cp) {
  return std::binary_search(kSortedStops.begin(), kSortedStops.end(), cp);
}

}  // namespace

size_t MatchPersonNameAt(size_t pos, float confidence, MatchSink& sink) {
  if (!sink.Wants(PiType::kPersonName)) return 0;
  const std::string_view text = sink.text();
  const size_t surname = SurnameBytesAt(text, pos);
  if (surname == 0) return 0;
  size_t end = pos + surname;
  size_t given = 0;
  while (given < 2) {
    const char32_t cp = pi_text::Decode3At(text, end);
    if (!pi_text::IsHan(cp) || IsStop(cp)) break;
    end += 3;
    ++given;
  }
  if (given == 0) return 0;
  const char32_t next = pi_text::Decode3At(text, end);
  if (pi_text::IsHan(next) && !IsStop(next)) return 0;  // the name goes on: end unknown
  return sink.Emit(PiType::kPersonName, pos, end, confidence, confidence, "pi.person_name.labelled")
             ? end
             : 0;
}

}  // namespace hegui::scan
