#include "core/json_string.h"

#include <cstdint>

#include "core/utf8.h"

namespace hegui {

void AppendJsonString(std::string* out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  out->push_back('"');
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c >= 0x80) {
      uint32_t cp;
      const int len = DecodeUtf8(p + i, n - i, &cp);
      if (len > 0) {
        out->append(text.substr(i, static_cast<size_t>(len)));
        i += static_cast<size_t>(len);
      } else {
        *out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER.
        ++i;
      }
      continue;
    }
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (c < 0x20) {
          *out += "\\u00";
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

}  // namespace hegui
