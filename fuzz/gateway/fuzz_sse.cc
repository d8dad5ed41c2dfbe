// Fuzzes the server-sent-events parser (gateway/sse.h) with arbitrary bytes:
// the first byte picks the piece size, the rest is the stream. Checks:
//   - feeding in pieces yields exactly the events of feeding the whole stream
//     (and fails exactly when it does: an event over the bound);
//   - no event's data exceeds the bound;
//   - FormatSseData round-trips: each event's data, written again and parsed,
//     comes back as one event with the same data.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/sse.h"

using hegui::gateway::FormatSseData;
using hegui::gateway::SseEvent;
using hegui::gateway::SseParser;

namespace {

constexpr size_t kMaxEventBytes = 4096;

bool Same(const std::vector<SseEvent>& a, const std::vector<SseEvent>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].data != b[i].data || a[i].event != b[i].event) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t piece = 1 + data[0] % 32;
  std::string_view stream(reinterpret_cast<const char*>(data) + 1, size - 1);

  SseParser whole_parser(kMaxEventBytes);
  std::vector<SseEvent> whole;
  bool whole_ok = whole_parser.Feed(stream, &whole).ok();

  SseParser pieces_parser(kMaxEventBytes);
  std::vector<SseEvent> pieces;
  bool pieces_ok = true;
  for (size_t pos = 0; pos < stream.size() && pieces_ok; pos += piece) {
    pieces_ok = pieces_parser.Feed(stream.substr(pos, piece), &pieces).ok();
  }
  if (whole_ok != pieces_ok) std::abort();
  if (!Same(whole, pieces)) std::abort();
  if (whole_ok && whole_parser.has_partial_event() != pieces_parser.has_partial_event()) {
    std::abort();
  }

  for (const SseEvent& event : whole) {
    if (event.data.size() > kMaxEventBytes) std::abort();
    SseParser again(2 * kMaxEventBytes + 64);
    std::vector<SseEvent> back;
    if (!again.Feed(FormatSseData(event.data), &back).ok()) std::abort();
    if (back.size() != 1 || back[0].data != event.data || again.has_partial_event()) {
      std::abort();
    }
  }
  return 0;
}
