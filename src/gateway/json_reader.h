// JsonReader: a validating pull reader over one JSON text, for the gateway's
// fast paths that read a few members straight from the bytes instead of
// building an nlohmann::json tree (stream events: stream_event_text.h; client
// requests: request_parser.h).
//
// Whatever it accepts is valid JSON (RFC 8259: strings with valid escapes,
// surrogate pairs and strict UTF-8, finite numbers) that nlohmann::json also
// accepts, decoded the same way; nesting is bounded by kMaxJsonDepth
// (json_depth.h), exactly as JsonDepthWithin bounds it. Callers treat a false
// return as "not for the fast path" and fall back to nlohmann::json, which
// then judges (and words the error for) the input.
//
// The reader views the text: the text must outlive it. Not thread-safe; cheap
// to create (one per text).
#ifndef HEGUI_GATEWAY_JSON_READER_H_
#define HEGUI_GATEWAY_JSON_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "gateway/json_depth.h"

namespace hegui::gateway {

// A validating reader over one JSON text. Every method returns false on
// anything it does not accept (invalid or merely unusual input); the reader
// is then abandoned.
class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : s_(text) {}

  size_t pos() const { return i_; }
  // The next character after white space (0 at the end), not consumed.
  char PeekChar() {
    SkipSpace();
    return i_ < s_.size() ? s_[i_] : '\0';
  }
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
  bool Key(std::string_view* key);

  // A member name, escapes decoded into `scratch` when it has any (then
  // `*key` views `scratch`).
  bool Key(std::string_view* key, std::string* scratch);

  // A plain non-negative integer literal (no sign, fraction or exponent) of
  // at most 18 digits.
  bool Integer(uint64_t* value);

  // A string literal; decoded into `out` unless null.
  bool String(std::string* out, bool* escaped = nullptr);

  // Any value, checked and skipped.
  bool SkipValue(size_t depth);

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
  bool Number();

  bool Hex4(uint32_t* cp);

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_JSON_READER_H_
