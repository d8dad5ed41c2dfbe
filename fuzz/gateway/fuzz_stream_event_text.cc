// Fuzzes ReadStreamEventText (gateway/stream_event_text.h) against the full
// parse it stands in for (stream_event_text_reference.h). The first byte
// picks chat or legacy completions; the rest is the event. Checks: whenever
// the reader returns a text, nlohmann::json accepts the event, the relay's
// rules take it as a plain text event with the same text, and the recorded
// literal range holds a JSON string literal that decodes to that text.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "fuzz/gateway/stream_event_text_reference.h"
#include "gateway/stream_event_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool chat = (data[0] & 1) == 0;
  std::string_view event(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto fast = hegui::gateway::ReadStreamEventText(event, chat);
  if (!fast) return 0;
  auto reference = hegui::gateway::ReferenceStreamEventText(event, chat);
  if (!reference || *reference != fast->text) abort();
  if (fast->literal_begin >= fast->literal_end || fast->literal_end > event.size()) abort();
  auto literal = nlohmann::json::parse(
      event.substr(fast->literal_begin, fast->literal_end - fast->literal_begin), nullptr, false);
  if (!literal.is_string() || literal.get<std::string>() != fast->text) abort();
  return 0;
}
