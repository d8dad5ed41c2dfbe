// ReadStreamEventText: the text of a streamed completion event of the common
// shape, read straight from the event's bytes without building a JSON tree.
//
// An OpenAI stream is mostly events like
//   {"id":"..","object":"chat.completion.chunk","created":1,"model":"m",
//    "choices":[{"index":0,"delta":{"content":"Hel"},"logprobs":null,"finish_reason":null}]}
// (chat) or with "choices":[{"text":"Hel",...}] (legacy completions). For such
// an event the relay needs only the text and where its string literal sits
// (to send released text framed like the event: prefix + new literal +
// suffix). This reader answers for exactly those events and for nothing else:
// it returns the text only when the whole event is valid JSON (RFC 8259:
// strings with valid escapes, surrogate pairs and strict UTF-8, finite
// numbers, nothing after the object) that nlohmann::json also accepts, with
//   - one object at the top, with no "error" and no "usage" member and one
//     "choices" member: an array of exactly one object;
//   - in that choice no "finish_reason" other than null, and (chat) a "delta"
//     object whose only member is "content", a non-empty string, or
//     (completions) a non-empty "text" string;
//   - none of these members twice, and no escape in any member name.
// Anything else (tool calls, role announcements, the finishing event, usage,
// errors, malformed or unusual JSON) gives std::nullopt, and the caller parses
// the event fully; the decoded text is then the same as nlohmann::json's.
// Nesting deeper than kMaxJsonDepth also gives std::nullopt.
//
// Pure function, thread-safe; cost one pass over the event, one allocation
// (the text).
#ifndef HEGUI_GATEWAY_STREAM_EVENT_TEXT_H_
#define HEGUI_GATEWAY_STREAM_EVENT_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hegui::gateway {

struct StreamEventText {
  std::string text;      // Decoded (escapes resolved), valid UTF-8, not empty.
  size_t literal_begin;  // The string literal in the event: [begin, end),
  size_t literal_end;    // quotes included.
};

// `chat`: the event is a chat.completion.chunk (delta.content) rather than a
// legacy completion (text).
std::optional<StreamEventText> ReadStreamEventText(std::string_view event, bool chat);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STREAM_EVENT_TEXT_H_
