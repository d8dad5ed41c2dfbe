#include "law/internal/utf8.h"

#include "core/utf8.h"

namespace hegui::law::internal {

char32_t DecodeAt(std::string_view text, size_t pos, size_t* length) {
  uint32_t cp;
  int len =
      DecodeUtf8(reinterpret_cast<const unsigned char*>(text.data()) + pos, text.size() - pos, &cp);
  if (len <= 0) {
    *length = 1;
    return 0xFFFD;
  }
  *length = static_cast<size_t>(len);
  return static_cast<char32_t>(cp);
}

bool IsHan(char32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); }

std::string_view Trim(std::string_view text) {
  static constexpr std::string_view kIdeographicSpace = "\u3000";
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    if (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
        text.front() == '\n') {
      text.remove_prefix(1);
      changed = true;
    } else if (text.starts_with(kIdeographicSpace)) {
      text.remove_prefix(kIdeographicSpace.size());
      changed = true;
    }
    if (text.empty()) break;
    if (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n') {
      text.remove_suffix(1);
      changed = true;
    } else if (text.ends_with(kIdeographicSpace)) {
      text.remove_suffix(kIdeographicSpace.size());
      changed = true;
    }
  }
  return text;
}

}  // namespace hegui::law::internal
