// The reference for ReadStreamEventText (gateway/stream_event_text.h): what
// the stream relay's full parse (nlohmann::json, StreamRelay::Handle in
// model_call.cc) takes as the text of a plain text event, or std::nullopt
// when it would treat the event otherwise (or refuse it). Shared by the unit
// test and the fuzzer, which check that whenever the reader answers, this
// gives the same text. Header-only, test code.
#ifndef HEGUI_FUZZ_GATEWAY_STREAM_EVENT_TEXT_REFERENCE_H_
#define HEGUI_FUZZ_GATEWAY_STREAM_EVENT_TEXT_REFERENCE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "gateway/json_depth.h"

namespace hegui::gateway {

inline std::optional<std::string> ReferenceStreamEventText(std::string_view event, bool chat) {
  using nlohmann::json;
  if (!JsonDepthWithin(event)) return std::nullopt;
  json parsed = json::parse(event, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  if (parsed.contains("error") || parsed.contains("usage")) return std::nullopt;
  if (!parsed.contains("choices") || !parsed["choices"].is_array() ||
      parsed["choices"].size() != 1 || !parsed["choices"][0].is_object()) {
    return std::nullopt;
  }
  const json& choice = parsed["choices"][0];
  if (choice.contains("finish_reason") && !choice["finish_reason"].is_null()) return std::nullopt;
  std::string text;
  if (chat) {
    if (!choice.contains("delta") || !choice["delta"].is_object()) return std::nullopt;
    const json& delta = choice["delta"];
    if (delta.size() != 1 || !delta.contains("content") || !delta["content"].is_string()) {
      return std::nullopt;
    }
    text = delta["content"].get<std::string>();
  } else {
    if (!choice.contains("text") || !choice["text"].is_string()) return std::nullopt;
    text = choice["text"].get<std::string>();
  }
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace hegui::gateway

#endif  // HEGUI_FUZZ_GATEWAY_STREAM_EVENT_TEXT_REFERENCE_H_
