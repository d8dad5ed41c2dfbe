#include "gateway/answer_parser.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/json_string.h"
#include "gateway/json_depth.h"
#include "gateway/json_reader.h"

namespace hegui::gateway {

namespace {

// ---- The fast way. Every function returns false for anything it does not
// accept (invalid or merely unusual JSON, a member read twice); ParseAnswer
// then asks nlohmann::json. `depth` is that of the value being read.

// A value that counts if it is a string: recorded in *slot; other values are
// skipped.
bool ReadTextOrSkip(JsonReader& r, size_t depth, std::optional<BodyText>* slot) {
  if (r.PeekChar() != '"') return r.SkipValue(depth);
  BodyText text;
  text.begin = r.pos();
  if (!r.String(&text.text)) return false;
  text.end = r.pos();
  *slot = std::move(text);
  return true;
}

// An object whose "arguments" string counts (a function call), or any other
// value (skipped).
bool ReadFunction(JsonReader& r, size_t depth, std::optional<BodyText>* arguments) {
  if (r.PeekChar() != '{') return r.SkipValue(depth);
  r.Consume('{');
  if (r.Consume('}')) return true;
  bool seen = false;
  std::string scratch;
  do {
    std::string_view key;
    if (!r.Key(&key, &scratch)) return false;
    if (key == "arguments") {
      if (seen || !ReadTextOrSkip(r, depth + 1, arguments)) return false;
      seen = true;
    } else if (!r.SkipValue(depth + 1)) {
      return false;
    }
  } while (r.Consume(','));
  return r.Consume('}');
}

// The texts of one choice, in the order output_scan scans them.
struct ChoiceTexts {
  std::optional<BodyText> text, content, refusal, function_arguments;
  std::vector<BodyText> tool_arguments;
};

// [{"function":{"arguments":"..."}}, ...], or any other value (skipped).
bool ReadToolCalls(JsonReader& r, size_t depth, ChoiceTexts* texts) {
  if (r.PeekChar() != '[') return r.SkipValue(depth);
  r.Consume('[');
  if (r.Consume(']')) return true;
  std::string scratch;
  do {
    if (r.PeekChar() != '{') {
      if (!r.SkipValue(depth + 1)) return false;
      continue;
    }
    r.Consume('{');
    if (r.Consume('}')) continue;
    bool seen = false;
    do {
      std::string_view key;
      if (!r.Key(&key, &scratch)) return false;
      if (key == "function") {
        std::optional<BodyText> arguments;
        if (seen || !ReadFunction(r, depth + 2, &arguments)) return false;
        if (arguments) texts->tool_arguments.push_back(std::move(*arguments));
        seen = true;
      } else if (!r.SkipValue(depth + 2)) {
        return false;
      }
    } while (r.Consume(','));
    if (!r.Consume('}')) return false;
  } while (r.Consume(','));
  return r.Consume(']');
}

// A choice's "message" object, or any other value (skipped).
bool ReadMessage(JsonReader& r, size_t depth, ChoiceTexts* texts) {
  if (r.PeekChar() != '{') return r.SkipValue(depth);
  r.Consume('{');
  if (r.Consume('}')) return true;
  unsigned seen = 0;
  std::string scratch;
  do {
    std::string_view key;
    if (!r.Key(&key, &scratch)) return false;
    unsigned bit = key == "content"         ? 1u
                   : key == "refusal"       ? 2u
                   : key == "function_call" ? 4u
                   : key == "tool_calls"    ? 8u
                                            : 0u;
    if (bit & seen) return false;
    seen |= bit;
    bool ok = bit == 1u   ? ReadTextOrSkip(r, depth + 1, &texts->content)
              : bit == 2u ? ReadTextOrSkip(r, depth + 1, &texts->refusal)
              : bit == 4u ? ReadFunction(r, depth + 1, &texts->function_arguments)
              : bit == 8u ? ReadToolCalls(r, depth + 1, texts)
                          : r.SkipValue(depth + 1);
    if (!ok) return false;
  } while (r.Consume(','));
  return r.Consume('}');
}

// One element of "choices"; its texts are appended to *out.
bool ReadChoice(JsonReader& r, size_t depth, std::vector<BodyText>* out) {
  if (r.PeekChar() != '{') return r.SkipValue(depth);
  r.Consume('{');
  if (r.Consume('}')) return true;
  ChoiceTexts texts;
  bool seen_text = false, seen_message = false;
  std::string scratch;
  do {
    std::string_view key;
    if (!r.Key(&key, &scratch)) return false;
    if (key == "text") {
      if (seen_text || !ReadTextOrSkip(r, depth + 1, &texts.text)) return false;
      seen_text = true;
    } else if (key == "message") {
      if (seen_message || !ReadMessage(r, depth + 1, &texts)) return false;
      seen_message = true;
    } else if (!r.SkipValue(depth + 1)) {
      return false;
    }
  } while (r.Consume(','));
  if (!r.Consume('}')) return false;
  for (std::optional<BodyText>* slot :
       {&texts.text, &texts.content, &texts.refusal, &texts.function_arguments}) {
    if (*slot) out->push_back(std::move(**slot));
  }
  for (BodyText& t : texts.tool_arguments) out->push_back(std::move(t));
  return true;
}

// "usage": the token counts when they are plain non-negative integers; other
// non-integer values are ignored (as before), negative ones go the slow way.
bool ReadUsage(JsonReader& r, Answer* answer) {
  if (r.PeekChar() != '{') return r.SkipValue(1);
  r.Consume('{');
  if (r.Consume('}')) return true;
  bool seen_prompt = false, seen_completion = false;
  std::string scratch;
  do {
    std::string_view key;
    if (!r.Key(&key, &scratch)) return false;
    std::optional<int>* slot = nullptr;
    if (key == "prompt_tokens") {
      if (seen_prompt) return false;
      seen_prompt = true;
      slot = &answer->prompt_tokens;
    } else if (key == "completion_tokens") {
      if (seen_completion) return false;
      seen_completion = true;
      slot = &answer->completion_tokens;
    }
    const char c = r.PeekChar();
    if (slot && c >= '0' && c <= '9') {
      uint64_t value;
      if (!r.Integer(&value)) return false;
      *slot = static_cast<int>(value);  // As nlohmann's get<int>().
    } else if ((slot && c == '-') || !r.SkipValue(2)) {
      return false;
    }
  } while (r.Consume(','));
  return r.Consume('}');
}

bool ReadAnswer(std::string_view body, Answer* answer) {
  JsonReader r(body);
  if (!r.Consume('{')) return false;
  bool seen_choices = false, seen_usage = false, seen_hegui = false;
  if (!r.Peek('}')) {
    std::string scratch;
    do {
      std::string_view key;
      if (!r.Key(&key, &scratch)) return false;
      if (key == "choices") {
        if (seen_choices) return false;
        seen_choices = true;
        if (r.PeekChar() != '[') {
          if (!r.SkipValue(1)) return false;
          continue;
        }
        answer->has_choices = true;
        r.Consume('[');
        if (r.Consume(']')) continue;
        do {
          if (!ReadChoice(r, 2, &answer->texts)) return false;
        } while (r.Consume(','));
        if (!r.Consume(']')) return false;
      } else if (key == "usage") {
        if (seen_usage || !ReadUsage(r, answer)) return false;
        seen_usage = true;
      } else if (key == "hegui") {
        if (seen_hegui) return false;
        seen_hegui = true;
        r.PeekChar();
        answer->hegui_begin = r.pos();
        if (!r.SkipValue(1)) return false;
        answer->hegui_end = r.pos();
      } else if (!r.SkipValue(1)) {
        return false;
      }
    } while (r.Consume(','));
  }
  if (!r.Peek('}')) return false;
  answer->close = r.pos();
  r.Consume('}');
  return r.AtEnd();
}

// Reads `body` (taken only on success) into a fresh *answer.
bool ReadInto(std::string& body, Answer* answer) {
  Answer read;
  if (!ReadAnswer(body, &read)) return false;
  read.body = std::move(body);
  *answer = std::move(read);
  return true;
}

}  // namespace

Status ParseAnswerViaDom(std::string body, Answer* answer) {
  if (!JsonDepthWithin(body)) {
    return InvalidArgumentError("upstream answer nests deeper than " +
                                std::to_string(kMaxJsonDepth) + " levels");
  }
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return InvalidArgumentError("upstream answer is not a JSON object");
  }
  std::string canonical = parsed.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (!ReadInto(canonical, answer)) {
    // Not expected (tests/gateway compares both ways): refuse rather than
    // send what was not read.
    return InvalidArgumentError("upstream answer could not be read for scanning");
  }
  return OkStatus();
}

Status ParseAnswer(std::string body, Answer* answer) {
  if (ReadInto(body, answer)) return OkStatus();
  return ParseAnswerViaDom(std::move(body), answer);
}

std::string ForwardedAnswerBody(const Answer& answer) {
  struct Edit {
    size_t begin, end;
    std::string text;  // JSON text put in place of [begin, end).
  };
  std::vector<Edit> edits;
  for (const BodyText& t : answer.texts) {
    if (!t.rewritten) continue;
    Edit edit{t.begin, t.end, {}};
    AppendJsonString(&edit.text, t.text);
    edits.push_back(std::move(edit));
  }
  if (!answer.review_id.empty()) {
    std::string flag = "{\"flagged\":true,\"review_id\":";
    AppendJsonString(&flag, answer.review_id);
    flag += '}';
    if (answer.hegui_begin != std::string::npos) {
      edits.push_back({answer.hegui_begin, answer.hegui_end, std::move(flag)});
    } else {
      const bool empty =
          answer.body.find_first_not_of(" \t\r\n", answer.body.find('{') + 1) == answer.close;
      edits.push_back(
          {answer.close, answer.close, (empty ? "" : ",") + std::string("\"hegui\":") + flag});
    }
  }
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(answer.body.size() + 64);
  size_t copied = 0;
  for (const Edit& edit : edits) {
    out.append(answer.body, copied, edit.begin - copied);
    out += edit.text;
    copied = edit.end;
  }
  out.append(answer.body, copied, std::string::npos);
  return out;
}

}  // namespace hegui::gateway
