#include "scan/pi/pi_mask.h"

#include "scan/pi/address.h"
#include "scan/pi/pi_text.h"
#include "scan/pi/surnames.h"

namespace hegui::scan {
namespace {

// One character of the span: [begin, begin + size), its code point (0 if the
// bytes are not valid UTF-8, then size is 1).
struct Char {
  size_t begin;
  size_t size;
  char32_t cp;
};

Char CharAt(std::string_view s, size_t pos) {
  const auto b0 = static_cast<uint8_t>(s[pos]);
  if (b0 < 0x80) return {pos, 1, b0};
  if ((b0 & 0xE0) == 0xC0 && pos + 1 < s.size() &&
      (static_cast<uint8_t>(s[pos + 1]) & 0xC0) == 0x80) {
    return {pos, 2, (char32_t{b0} & 0x1F) << 6 | (static_cast<uint8_t>(s[pos + 1]) & 0x3F)};
  }
  if (const char32_t cp = pi_text::Decode3At(s, pos); cp != 0) return {pos, 3, cp};
  return {pos, 1, 0};
}

bool IsSeparator(char32_t cp) {
  switch (cp) {
    case ' ':
    case '-':
    case '.':
    case '(':
    case ')':
    case '+':
    case ':':
    case 0x00B7:  // ·
    case 0x2022:  // •
    case 0x3000:  // ideographic space
    case 0x30FB:  // ・
      return true;
    default:
      return false;
  }
}

size_t CountSignificant(std::string_view s) {
  size_t count = 0;
  for (size_t p = 0; p < s.size();) {
    const Char c = CharAt(s, p);
    if (!IsSeparator(c.cp)) ++count;
    p += c.size;
  }
  return count;
}

// Keeps the first `keep_first` and last `keep_last` significant characters and
// the separators; every other character becomes '*'. When the span is too
// short to keep that much, keeps less so that something is always masked.
std::string MaskKeeping(std::string_view s, size_t keep_first, size_t keep_last) {
  const size_t total = CountSignificant(s);
  if (keep_first + keep_last >= total) {
    keep_first = total / 3;
    keep_last = total / 3;
  }
  std::string out;
  out.reserve(s.size());
  size_t index = 0;
  for (size_t p = 0; p < s.size();) {
    const Char c = CharAt(s, p);
    if (IsSeparator(c.cp)) {
      out.append(s.substr(c.begin, c.size));
    } else {
      if (index < keep_first || index >= total - keep_last) {
        out.append(s.substr(c.begin, c.size));
      } else {
        out.push_back('*');
      }
      ++index;
    }
    p += c.size;
  }
  return out;
}

std::string MaskIpv4(std::string_view s) {
  std::string out;
  int dots = 0;
  bool starred = false;
  for (char c : s) {
    if (c == '.') {
      ++dots;
      starred = false;
      out.push_back(c);
    } else if (dots < 2) {
      out.push_back(c);
    } else if (!starred) {
      out.push_back('*');
      starred = true;
    }
  }
  return out;
}

std::string MaskLandline(std::string_view s) {
  // The area code: the first significant digits up to the first separator, if
  // any, else 3 for 01x/02x and 4 for the others.
  size_t digits = 0;
  size_t first_group = 0;
  bool in_first = true;
  for (char c : s) {
    if (pi_text::IsDigit(c)) {
      ++digits;
      if (in_first) ++first_group;
    } else if (digits > 0) {
      in_first = false;
    }
  }
  size_t area = (first_group >= 3 && first_group <= 4) ? first_group : 0;
  if (area == 0) {
    const size_t zero = s.find('0');
    area = (zero != std::string_view::npos && zero + 1 < s.size() &&
            (s[zero + 1] == '1' || s[zero + 1] == '2'))
               ? 3
               : 4;
  }
  return MaskKeeping(s, area, 4);
}

std::string MaskPersonName(std::string_view s) {
  const size_t surname = SurnameBytesAt(s, 0);
  const size_t keep = surname != 0 ? surname / 3 : 1;
  std::string out;
  size_t index = 0;
  for (size_t p = 0; p < s.size();) {
    const Char c = CharAt(s, p);
    if (index < keep) {
      out.append(s.substr(c.begin, c.size));
    } else {
      out.push_back('*');
    }
    ++index;
    p += c.size;
  }
  return out;
}

// County level and above (省 市 区 县 州 旗 盟): kept by the address mask;
// towns and villages (镇 乡 村) are masked like streets.
bool IsMaskedDivisionEnd(char32_t cp) {
  return std::u32string_view(U"省市区县州旗盟").find(cp) != std::u32string_view::npos;
}

std::string MaskAddress(std::string_view s) {
  // Keep the leading divisions: everything up to the last 省/市/区/县/...
  // that comes before the first street-level marker or digit.
  size_t keep = 0;
  for (size_t p = 0; p < s.size();) {
    const Char c = CharAt(s, p);
    if (IsStreetMarker(c.cp) || (c.cp >= U'0' && c.cp <= U'9')) break;
    p += c.size;
    if (IsMaskedDivisionEnd(c.cp)) keep = p;
  }
  if (keep == 0) return "[ADDRESS]";
  std::string out(s.substr(0, keep));
  out += "***";
  return out;
}

}  // namespace

std::string MaskPi(PiType type, std::string_view s) {
  switch (type) {
    case PiType::kResidentId:
      return MaskKeeping(s, 6, 4);
    case PiType::kMobilePhone: {
      const size_t total = CountSignificant(s);
      return MaskKeeping(s, total > 11 ? total - 8 : 3, 4);
    }
    case PiType::kLandline:
      return MaskLandline(s);
    case PiType::kBankCard:
      return MaskKeeping(s, 6, 4);
    case PiType::kEmail:
      return "[EMAIL]";
    case PiType::kPassport:
      return MaskKeeping(s, 1, 2);
    case PiType::kIpv4:
      return MaskIpv4(s);
    case PiType::kIpv6:
      return "[IPV6]";
    case PiType::kLicensePlate:
      return MaskKeeping(s, 2, 2);
    case PiType::kUnifiedSocialCreditCode:
      return MaskKeeping(s, 8, 2);
    case PiType::kPersonName:
      return MaskPersonName(s);
    case PiType::kAddress:
      return MaskAddress(s);
  }
  return std::string(s.size(), '*');
}

}  // namespace hegui::scan
