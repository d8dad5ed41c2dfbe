#include "gateway/stream_event_text.h"

#include "gateway/json_reader.h"

namespace hegui::gateway {

namespace {

// The text member of one choice, read by ReadStreamEventText.
struct Found {
  std::string text;
  size_t begin = 0, end = 0;
  bool present = false;
};

// Reads a string member value into `found`; false if it is not a string.
bool ReadText(JsonReader& r, Found* found) {
  if (found->present || !r.Peek('"')) return false;
  found->begin = r.pos();
  if (!r.String(&found->text)) return false;
  found->end = r.pos();
  found->present = true;
  return true;
}

// {"content":"..."} and nothing else.
bool ReadDelta(JsonReader& r, Found* found) {
  if (!r.Consume('{') || r.Consume('}')) return false;
  do {
    std::string_view key;
    if (!r.Key(&key) || key != "content" || !ReadText(r, found)) return false;
  } while (r.Consume(','));
  return r.Consume('}');
}

bool ReadChoice(JsonReader& r, bool chat, Found* found) {
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
  JsonReader r(event);
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
