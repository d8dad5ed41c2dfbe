#include "scan/pi/resume_point.h"

#include <array>
#include <cstdint>

namespace hegui::scan {
namespace {

using namespace std::string_view_literals;

constexpr std::string_view kAsciiBreaks = "\n\r\t!?;\"<>[]{}|"sv;
// 。、“”《》「」【】 (none changes under NFKC, so they survive into the PI view).
constexpr std::array kWideBreaks = {"\u3002"sv, "\u3001"sv, "\u201C"sv, "\u201D"sv, "\u300A"sv,
                                    "\u300B"sv, "\u300C"sv, "\u300D"sv, "\u3010"sv, "\u3011"sv};

// Per byte: 1 if it is an ASCII break, 2 if it is the last byte of a wide one.
constexpr std::array<uint8_t, 256> kBreakEnd = [] {
  std::array<uint8_t, 256> t{};
  for (char c : kAsciiBreaks) t[static_cast<uint8_t>(c)] = 1;
  for (std::string_view w : kWideBreaks) t[static_cast<uint8_t>(w.back())] = 2;
  return t;
}();

bool WideBreakEndsAt(std::string_view text, size_t pos) {
  if (pos < 3) return false;
  const std::string_view last3 = text.substr(pos - 3, 3);
  for (std::string_view w : kWideBreaks) {
    if (last3 == w) return true;
  }
  return false;
}

}  // namespace

bool IsResumePoint(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return false;
  const uint8_t kind = kBreakEnd[static_cast<uint8_t>(text[pos - 1])];
  return kind == 1 || (kind == 2 && WideBreakEndsAt(text, pos));
}

size_t LastResumePoint(std::string_view text, size_t floor) {
  for (size_t p = text.size(); p > floor; --p) {
    const uint8_t kind = kBreakEnd[static_cast<uint8_t>(text[p - 1])];
    if (kind == 1 || (kind == 2 && WideBreakEndsAt(text, p))) return p;
  }
  return kNoResumePoint;
}

}  // namespace hegui::scan
