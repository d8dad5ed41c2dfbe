#include "gateway/sse.h"

namespace hegui::gateway {

Status SseParser::Feed(std::string_view piece, std::vector<SseEvent>* events) {
  size_t i = 0;
  while (i < piece.size()) {
    if (last_was_cr_) {  // The LF of a CRLF: the line already ended.
      last_was_cr_ = false;
      if (piece[i] == '\n') {
        ++i;
        continue;
      }
    }
    // The rest of the line is copied in one piece.
    size_t end = piece.find_first_of("\r\n", i);
    if (end == std::string_view::npos) end = piece.size();
    const size_t run = end - i;
    if (event_bytes_ + run > max_event_bytes_) {
      return InvalidArgumentError("server-sent event longer than " +
                                  std::to_string(max_event_bytes_) + " bytes");
    }
    line_.append(piece.substr(i, run));
    event_bytes_ += run;
    if (end == piece.size()) break;
    last_was_cr_ = piece[end] == '\r';
    ProcessLine(events);
    i = end + 1;
  }
  return OkStatus();
}

void SseParser::ProcessLine(std::vector<SseEvent>* events) {
  if (line_.empty()) {  // A blank line dispatches the event.
    if (has_data_) events->push_back(std::move(event_));
    event_ = SseEvent();
    has_data_ = false;
    event_bytes_ = 0;
    return;
  }
  std::string_view line = line_;
  if (line.front() != ':') {
    size_t colon = line.find(':');
    std::string_view field = line.substr(0, colon);
    std::string_view value;
    if (colon != std::string_view::npos) {
      value = line.substr(colon + 1);
      if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    }
    if (field == "data") {
      if (has_data_) event_.data.push_back('\n');
      event_.data.append(value);
      has_data_ = true;
    } else if (field == "event") {
      event_.event.assign(value);
    }
  }
  line_.clear();
}

std::string FormatSseData(std::string_view payload) {
  std::string out;
  out.reserve(payload.size() + 8);
  size_t start = 0;
  while (true) {
    size_t nl = payload.find('\n', start);
    out.append("data: ");
    out.append(payload.substr(start, nl == std::string_view::npos ? nl : nl - start));
    out.push_back('\n');
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  out.push_back('\n');
  return out;
}

}  // namespace hegui::gateway
