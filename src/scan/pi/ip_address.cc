#include "scan/pi/ip_address.h"

#include "scan/pi/match_sink.h"
#include "scan/pi/pi_text.h"

namespace hegui::scan {
namespace {

using pi_text::At;
using pi_text::IsDigit;

constexpr size_t kMaxIpv6Chars = 39;  // 8 * 4 hex digits + 7 colons

bool IsHexOrColon(char c) { return c == ':' || pi_text::IsHex(c); }

}  // namespace

size_t Ipv4EndAt(std::string_view text, size_t pos) {
  size_t p = pos;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (At(text, p) != '.') return 0;
      ++p;
    }
    const size_t start = p;
    int value = 0;
    while (p < text.size() && IsDigit(text[p]) && p - start < 4)
      value = value * 10 + (text[p++] - '0');
    const size_t length = p - start;
    if (length == 0 || length > 3 || value > 255) return 0;
    if (length > 1 && text[start] == '0') return 0;
  }
  // Not followed by more of a dotted number or a word.
  if (pi_text::IsAlnum(At(text, p))) return 0;
  if (At(text, p) == '.' && IsDigit(At(text, p + 1))) return 0;
  return p;
}

bool IsIpv6Address(std::string_view s) {
  if (s.size() < 2 || s.size() > kMaxIpv6Chars) return false;
  size_t groups = 0;
  bool compressed = false;
  size_t i = 0;
  if (s.starts_with("::")) {
    compressed = true;
    i = 2;
  } else if (s[0] == ':') {
    return false;
  }
  while (i < s.size()) {
    size_t digits = 0;
    while (i < s.size() && pi_text::IsHex(s[i])) {
      ++i;
      ++digits;
    }
    if (digits == 0 || digits > 4) return false;
    ++groups;
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    ++i;
    if (i < s.size() && s[i] == ':') {
      if (compressed) return false;
      compressed = true;
      ++i;
      if (i == s.size()) break;
    } else if (i == s.size()) {
      return false;  // a single trailing ':'
    }
  }
  if (groups < 2) return false;
  return compressed ? groups <= 7 : groups == 8;
}

void EmitIpv4(size_t begin, size_t end, MatchSink& sink) {
  sink.Emit(PiType::kIpv4, begin, end, 0.7f, 0.95f, "pi.ipv4");
}

size_t ScanIpv6AtColon(size_t colon, MatchSink& sink) {
  const std::string_view text = sink.text();
  size_t begin = colon;
  while (begin > 0 && IsHexOrColon(text[begin - 1]) && colon - begin < kMaxIpv6Chars) --begin;
  size_t end = colon + 1;
  while (end < text.size() && IsHexOrColon(text[end]) && end - begin < kMaxIpv6Chars + 1) ++end;
  if (!sink.Wants(PiType::kIpv6)) return colon + 1;
  // Stopped by the length limit inside a longer hex/colon run: not an address.
  const bool too_long = begin > 0 && IsHexOrColon(text[begin - 1]);
  // A lone ':' before the address belongs to the text ("IP:fe80::1").
  if (text[begin] == ':' && At(text, begin + 1) != ':') ++begin;
  const bool clean_start =
      !too_long && (begin == 0 || !(pi_text::IsAlnum(text[begin - 1]) || text[begin - 1] == '.'));
  const bool clean_end = !IsHexOrColon(At(text, end)) && !pi_text::IsAlnum(At(text, end)) &&
                         !(At(text, end) == '.' && IsDigit(At(text, end + 1)));
  if (!clean_start || !clean_end) return colon + 1;
  const std::string_view candidate = text.substr(begin, end - begin);
  if (!IsIpv6Address(candidate)) return colon + 1;
  const bool full = candidate.find("::") == std::string_view::npos;
  sink.Emit(PiType::kIpv6, begin, end, full ? 0.85f : 0.75f, 0.95f, "pi.ipv6");
  return end;
}

}  // namespace hegui::scan
