#include "gateway/json_reader.h"

#include <charconv>
#include <system_error>

#include "core/utf8.h"

namespace hegui::gateway {

bool JsonReader::Key(std::string_view* key) {
  SkipSpace();
  size_t begin = i_;
  bool escaped = false;
  if (!String(nullptr, &escaped) || escaped) return false;
  *key = s_.substr(begin + 1, i_ - begin - 2);
  return Consume(':');
}

bool JsonReader::Key(std::string_view* key, std::string* scratch) {
  SkipSpace();
  size_t begin = i_;
  bool escaped = false;
  if (!String(nullptr, &escaped)) return false;
  if (escaped) {
    scratch->clear();
    i_ = begin;
    if (!String(scratch)) return false;
    *key = *scratch;
  } else {
    *key = s_.substr(begin + 1, i_ - begin - 2);
  }
  return Consume(':');
}

bool JsonReader::Integer(uint64_t* value) {
  SkipSpace();
  const size_t begin = i_;
  if (i_ < s_.size() && s_[i_] == '0') {
    ++i_;
  } else if (!Digits()) {
    return false;
  }
  if (i_ - begin > 18) return false;
  if (i_ < s_.size() && (s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E')) return false;
  uint64_t v = 0;
  for (size_t k = begin; k < i_; ++k) v = v * 10 + static_cast<uint64_t>(s_[k] - '0');
  *value = v;
  return true;
}

bool JsonReader::String(std::string* out, bool* escaped) {
  SkipSpace();
  if (i_ >= s_.size() || s_[i_] != '"') return false;
  ++i_;
  size_t run = i_;  // Start of the bytes not yet copied to `out`.
  while (i_ < s_.size()) {
    const unsigned char c = static_cast<unsigned char>(s_[i_]);
    if (c == '"') {
      if (out) out->append(s_.substr(run, i_ - run));
      ++i_;
      return true;
    }
    if (c < 0x20) return false;
    if (c < 0x80 && c != '\\') {
      ++i_;
      continue;
    }
    if (c >= 0x80) {
      uint32_t cp;
      int len =
          DecodeUtf8(reinterpret_cast<const unsigned char*>(s_.data()) + i_, s_.size() - i_, &cp);
      if (len <= 0) return false;
      i_ += static_cast<size_t>(len);
      continue;
    }
    // A backslash escape.
    if (escaped) *escaped = true;
    if (out) out->append(s_.substr(run, i_ - run));
    if (++i_ >= s_.size()) return false;
    const char e = s_[i_++];
    char plain = 0;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        plain = e;
        break;
      case 'b':
        plain = '\b';
        break;
      case 'f':
        plain = '\f';
        break;
      case 'n':
        plain = '\n';
        break;
      case 'r':
        plain = '\r';
        break;
      case 't':
        plain = '\t';
        break;
      case 'u': {
        uint32_t cp;
        if (!Hex4(&cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // A lone low surrogate.
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low;
          if (i_ + 2 > s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') return false;
          i_ += 2;
          if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (out) AppendUtf8(static_cast<char32_t>(cp), out);
        break;
      }
      default:
        return false;
    }
    if (plain != 0 && out) out->push_back(plain);
    run = i_;
  }
  return false;  // No closing quote.
}

bool JsonReader::SkipValue(size_t depth) {
  SkipSpace();
  if (i_ >= s_.size()) return false;
  switch (s_[i_]) {
    case '{': {
      if (depth >= kMaxJsonDepth) return false;
      ++i_;
      if (Consume('}')) return true;
      do {
        if (!String(nullptr) || !Consume(':') || !SkipValue(depth + 1)) return false;
      } while (Consume(','));
      return Consume('}');
    }
    case '[': {
      if (depth >= kMaxJsonDepth) return false;
      ++i_;
      if (Consume(']')) return true;
      do {
        if (!SkipValue(depth + 1)) return false;
      } while (Consume(','));
      return Consume(']');
    }
    case '"':
      return String(nullptr);
    case 't':
      return Literal("true");
    case 'f':
      return Literal("false");
    case 'n':
      return Literal("null");
    default:
      return Number();
  }
}

bool JsonReader::Number() {
  const size_t begin = i_;
  if (i_ < s_.size() && s_[i_] == '-') ++i_;
  if (i_ < s_.size() && s_[i_] == '0') {
    ++i_;
  } else if (!Digits()) {
    return false;
  }
  bool plain_integer = true;
  if (i_ < s_.size() && s_[i_] == '.') {
    ++i_;
    plain_integer = false;
    if (!Digits()) return false;
  }
  if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
    ++i_;
    plain_integer = false;
    if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
    if (!Digits()) return false;
  }
  if (plain_integer && i_ - begin <= 18) return true;
  // Long integers and floats: refuse what does not convert exactly into a
  // finite double (overflow, and to be safe underflow).
  double value;
  auto [end, ec] = std::from_chars(s_.data() + begin, s_.data() + i_, value);
  return ec == std::errc() && end == s_.data() + i_;
}

bool JsonReader::Hex4(uint32_t* cp) {
  if (i_ + 4 > s_.size()) return false;
  uint32_t v = 0;
  for (int k = 0; k < 4; ++k) {
    const char h = s_[i_++];
    v <<= 4;
    if (h >= '0' && h <= '9') {
      v |= static_cast<uint32_t>(h - '0');
    } else if (h >= 'a' && h <= 'f') {
      v |= static_cast<uint32_t>(h - 'a' + 10);
    } else if (h >= 'A' && h <= 'F') {
      v |= static_cast<uint32_t>(h - 'A' + 10);
    } else {
      return false;
    }
  }
  *cp = v;
  return true;
}

}  // namespace hegui::gateway
