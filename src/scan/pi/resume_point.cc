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

// The wide breaks' three bytes packed into one number each.
constexpr std::array<uint32_t, kWideBreaks.size()> kWidePacked = [] {
  std::array<uint32_t, kWideBreaks.size()> packed{};
  for (size_t i = 0; i < packed.size(); ++i) {
    const std::string_view w = kWideBreaks[i];
    packed[i] = uint32_t{static_cast<uint8_t>(w[0])} << 16 |
                uint32_t{static_cast<uint8_t>(w[1])} << 8 | static_cast<uint8_t>(w[2]);
  }
  return packed;
}();

bool WideBreakEndsAt(std::string_view text, size_t pos) {
  if (pos < 3) return false;
  const uint32_t last3 = uint32_t{static_cast<uint8_t>(text[pos - 3])} << 16 |
                         uint32_t{static_cast<uint8_t>(text[pos - 2])} << 8 |
                         static_cast<uint8_t>(text[pos - 1]);
  for (uint32_t w : kWidePacked) {
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
