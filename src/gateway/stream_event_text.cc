#include "gateway/stream_event_text.h"

#include <charconv>
#include <cstdint>

#include "core/utf8.h"
#include "gateway/json_depth.h"

namespace hegui::gateway {

namespace {

// A validating reader over one JSON text. Every method returns false on
// anything it does not accept (invalid or merely unusual input); the reader
// is then abandoned.
class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  size_t pos() const { return i_; }
  bool AtEnd() {
    SkipSpace();
    return i_ == s_.size();
  }
  bool Consume(char c) {
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool Peek(char c) {
    SkipSpace();
    return i_ < s_.size() && s_[i_] == c;
  }

  // A member name without escapes (a name with one is refused: the caller
  // could not compare it without decoding).
  bool Key(std::string_view* key) {
    SkipSpace();
    size_t begin = i_;
    bool escaped = false;
    if (!String(nullptr, &escaped) || escaped) return false;
    *key = s_.substr(begin + 1, i_ - begin - 2);
    return Consume(':');
  }

  // A string literal; decoded into `out` unless null.
  bool String(std::string* out, bool* escaped = nullptr) {
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

  // Any value, checked and skipped.
  bool SkipValue(size_t depth) {
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

  bool Literal(std::string_view word) {
    SkipSpace();
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

 private:
  void SkipSpace() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) {
      ++i_;
    }
  }

  bool Digits() {
    size_t begin = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > begin;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? whose value is finite
  // (nlohmann::json refuses a float that overflows).
  bool Number() {
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

  bool Hex4(uint32_t* cp) {
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

  std::string_view s_;
  size_t i_ = 0;
};

// The text member of one choice, read by ReadStreamEventText.
struct Found {
  std::string text;
  size_t begin = 0, end = 0;
  bool present = false;
};

// Reads a string member value into `found`; false if it is not a string.
bool ReadText(Reader& r, Found* found) {
  if (found->present || !r.Peek('"')) return false;
  found->begin = r.pos();
  if (!r.String(&found->text)) return false;
  found->end = r.pos();
  found->present = true;
  return true;
}

// {"content":"..."} and nothing else.
bool ReadDelta(Reader& r, Found* found) {
  if (!r.Consume('{') || r.Consume('}')) return false;
  do {
    std::string_view key;
    if (!r.Key(&key) || key != "content" || !ReadText(r, found)) return false;
  } while (r.Consume(','));
  return r.Consume('}');
}

bool ReadChoice(Reader& r, bool chat, Found* found) {
  if (!r.Consume('{')) return false;
  if (r.Consume('}')) return false;
  bool seen_finish = false, seen_delta = false;
  do {
    std::string_view key;
    if (!r.Key(&key)) return false;
    if (key == "finish_reason") {
      if (seen_finish || !r.Literal("null")) return false;
      seen_finish = true;
    } else if (chat && key == "delta") {
      if (seen_delta || !ReadDelta(r, found)) return false;
      seen_delta = true;
    } else if (!chat && key == "text") {
      if (!ReadText(r, found)) return false;
    } else if (!r.SkipValue(3)) {
      return false;
    }
  } while (r.Consume(','));
  return r.Consume('}');
}

}  // namespace

std::optional<StreamEventText> ReadStreamEventText(std::string_view event, bool chat) {
  Reader r(event);
  if (!r.Consume('{')) return std::nullopt;
  Found found;
  bool seen_choices = false;
  do {
    std::string_view key;
    if (!r.Key(&key)) return std::nullopt;
    if (key == "error" || key == "usage") return std::nullopt;
    if (key == "choices") {
      if (seen_choices || !r.Consume('[') || !ReadChoice(r, chat, &found) || !r.Consume(']')) {
        return std::nullopt;
      }
      seen_choices = true;
    } else if (!r.SkipValue(1)) {
      return std::nullopt;
    }
  } while (r.Consume(','));
  if (!r.Consume('}') || !r.AtEnd()) return std::nullopt;
  if (!found.present || found.text.empty()) return std::nullopt;
  return StreamEventText{std::move(found.text), found.begin, found.end};
}

}  // namespace hegui::gateway
