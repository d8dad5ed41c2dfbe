// Server-sent events (text/event-stream) as OpenAI streams use them.
//
// SseParser takes the body of an event stream in arbitrary pieces (as they come
// off the socket) and yields complete events; an event split across pieces is
// returned once whole. It accepts LF, CRLF and CR line ends, joins multi-line
// `data:` fields with "\n", ignores comments (lines starting with ':') and the
// fields it does not use. It bounds memory: an event longer than
// `max_event_bytes` makes Feed() fail (a malformed or hostile upstream), and the
// parser must then be discarded. One parser per stream; not thread-safe.
//
// FormatSseData() writes one `data:` event; a payload with newlines is split
// into several data lines so the receiver reassembles it exactly.
//
// Example:
//   SseParser parser;
//   std::vector<SseEvent> events;
//   HEGUI_RETURN_IF_ERROR(parser.Feed(piece, &events));
//   for (const SseEvent& e : events) if (e.data == "[DONE]") ...
#ifndef HEGUI_GATEWAY_SSE_H_
#define HEGUI_GATEWAY_SSE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace hegui::gateway {

struct SseEvent {
  std::string event;  // The `event:` field, empty for the default "message".
  std::string data;   // The `data:` lines joined with "\n".
};

class SseParser {
 public:
  explicit SseParser(size_t max_event_bytes = 1 << 20) : max_event_bytes_(max_event_bytes) {}

  // Appends every event completed by `piece` to `*events`. InvalidArgument when
  // one event exceeds the bound; the parser is then unusable.
  Status Feed(std::string_view piece, std::vector<SseEvent>* events);

  // True when bytes of an unfinished event are buffered (a stream that ends
  // here was cut mid-event).
  bool has_partial_event() const { return !line_.empty() || has_data_ || !event_.event.empty(); }

 private:
  void ProcessLine(std::vector<SseEvent>* events);

  size_t max_event_bytes_;
  std::string line_;  // The current line, without its end.
  bool last_was_cr_ = false;
  bool has_data_ = false;
  SseEvent event_;  // The event being assembled.
  size_t event_bytes_ = 0;
};

// "data: <payload>\n\n", with one data line per line of `payload`.
std::string FormatSseData(std::string_view payload);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_SSE_H_
