#include "gateway/model_call.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/json_string.h"
#include "gateway/answer_parser.h"
#include "gateway/json_depth.h"
#include "gateway/request_parser.h"
#include "gateway/sse.h"
#include "gateway/stream_event_text.h"

namespace hegui::gateway {

namespace {

using nlohmann::json;

std::string_view UpstreamPath(Endpoint endpoint) {
  switch (endpoint) {
    case Endpoint::kChatCompletions:
      return "/v1/chat/completions";
    case Endpoint::kCompletions:
      return "/v1/completions";
    case Endpoint::kEmbeddings:
      return "/v1/embeddings";
  }
  return "/";
}

// Turns a failed upstream request into the client's error, the record's
// failure text and the kind label of hegui_upstream_errors_total.
// `answering`: the upstream had begun its answer (the failure is mid-body).
void UpstreamFailed(Call& call, const Status& status, bool answering) {
  call.outcome = "upstream_error";
  call.failure = status.message();
  if (status.code() == StatusCode::kResourceExhausted) {
    call.upstream_error_kind = "timeout";
    call.reply =
        UpstreamError(504, "upstream_timeout", "The model server timed out: " + status.message());
  } else if (status.code() == StatusCode::kInvalidArgument) {
    call.upstream_error_kind = "invalid_response";
    call.reply = UpstreamError(502, "upstream_invalid_response",
                               "The model server's answer was refused: " + status.message());
  } else {
    call.upstream_error_kind = status.code() == StatusCode::kFailedPrecondition ? "tls"
                               : answering                                      ? "broken"
                                                                                : "connect";
    call.reply = UpstreamError(502, "upstream_unavailable",
                               "The model server could not be reached: " + status.message());
  }
}

// A non-200 answer from the upstream, passed on in OpenAI's shape.
void UpstreamRefused(Call& call, int status, const std::string& body) {
  call.outcome = "upstream_error";
  json parsed = JsonDepthWithin(body) ? json::parse(body, nullptr, false) : json();
  std::string message = "HTTP " + std::to_string(status);
  std::string code = "upstream_error";
  std::string type = "upstream_error";
  if (parsed.is_object() && parsed.contains("error") && parsed["error"].is_object()) {
    const json& e = parsed["error"];
    if (e.contains("message") && e["message"].is_string()) message = e["message"];
    if (e.contains("code") && e["code"].is_string()) code = e["code"];
    if (e.contains("type") && e["type"].is_string()) type = e["type"];
  }
  std::string upstream = call.upstream ? call.upstream->name : "?";
  call.upstream_error_kind = status >= 500 ? "5xx" : "4xx";
  if (status >= 500) {
    call.failure =
        "upstream '" + upstream + "' answered HTTP " + std::to_string(status) + ": " + message;
    call.reply =
        UpstreamError(502, "upstream_error",
                      "The model server failed (HTTP " + std::to_string(status) + "): " + message);
  } else {
    call.reply = LocalReply{status, type, code, "Upstream '" + upstream + "': " + message, ""};
  }
}

void ReadUsage(Call& call, const json& v) {
  if (!v.is_object() || !v.contains("usage") || !v["usage"].is_object()) return;
  const json& u = v["usage"];
  if (u.contains("prompt_tokens") && u["prompt_tokens"].is_number_integer()) {
    call.prompt_tokens = u["prompt_tokens"].get<int>();
  }
  if (u.contains("completion_tokens") && u["completion_tokens"].is_number_integer()) {
    call.completion_tokens = u["completion_tokens"].get<int>();
  }
}

std::string ErrorEvent(const LocalReply& reply) { return FormatSseData(reply.ToJson()); }

// Relays one upstream event stream to the client through the stages.
class StreamRelay {
 public:
  StreamRelay(Call& call, StageChain& chain, Responder& out, UpstreamClient::Exchange& upstream)
      : call_(call), chain_(chain), out_(out), upstream_(upstream) {}

  // Returns when the stream is over for whatever reason; call.reply says why
  // if it did not end well, call.outcome says how.
  net::awaitable<void> Run() {
    SseParser parser;
    std::vector<SseEvent> events;
    while (!ended_) {
      StatusOr<std::string_view> piece = co_await upstream_.ReadSome();
      if (!piece.ok()) {
        UpstreamFailed(call_, piece.status(), /*answering=*/true);
        co_return;
      }
      if (piece->empty() && upstream_.done()) break;
      events.clear();
      Status parsed = parser.Feed(*piece, &events);
      for (SseEvent& event : events) {
        if (!(co_await Handle(event))) co_return;
      }
      // The upstream paused (nothing more is here yet): what the stages can
      // release now goes out with what the events of this read released, in
      // one write. While more is already here, batches go on filling.
      if (!ended_ && !finished_ && !upstream_.more_ready() && !(co_await Pause())) co_return;
      if (!(co_await WriteOut())) co_return;
      if (!parsed.ok()) {
        Malformed("upstream event stream is malformed: " + parsed.message());
        co_return;
      }
    }
    if (!saw_done_ || parser.has_partial_event()) {
      if (!finished_) co_await Flush();
      if (!call_.reply) {
        call_.outcome = "upstream_error";
        call_.upstream_error_kind = "truncated";
        call_.failure = "upstream stream ended without [DONE]";
        call_.reply = UpstreamError(502, "upstream_stream_truncated",
                                    "The model server ended the stream early");
      }
      co_return;
    }
    if (!finished_) co_await Flush();
  }

  bool client_gone() const { return client_gone_; }
  bool saw_done() const { return saw_done_; }

  // Sends whatever is queued and then `data`.
  net::awaitable<bool> Send(std::string data) {
    pending_out_ += data;
    co_return co_await WriteOut();
  }

  // Sends whatever is queued, then `data`, and ends the stream: one write.
  net::awaitable<bool> End(std::string data) {
    if (client_gone_) co_return false;
    pending_out_ += data;
    Status s = co_await out_.EndStream(pending_out_);
    pending_out_.clear();
    co_return Delivered(s);
  }

 private:
  // Queues `data` for the client; false if the client is gone.
  bool Queue(std::string data) {
    if (client_gone_) return false;
    pending_out_ += data;
    return true;
  }

  net::awaitable<bool> WriteOut() {
    if (client_gone_) co_return false;
    if (pending_out_.empty()) co_return true;
    Status s = co_await out_.WriteChunk(pending_out_);
    pending_out_.clear();
    co_return Delivered(s);
  }

  // The result of a write to the client: a failed write means the client is gone.
  bool Delivered(const Status& write) {
    if (write.ok()) return true;
    client_gone_ = true;
    call_.outcome = "client_gone";
    return false;
  }

  void Malformed(std::string why) {
    call_.outcome = "upstream_error";
    call_.upstream_error_kind = "malformed";
    call_.failure = why;
    call_.reply = UpstreamError(502, "upstream_malformed_stream",
                                "The model server sent a malformed stream: " + why);
    ended_ = true;
  }

  // Sends `text` framed like the last content event of the upstream. The
  // stages release bytes, which may end inside a UTF-8 character: the
  // incomplete tail waits for the next release (or the end of the answer).
  net::awaitable<bool> Emit(const std::string& text, bool last = false) {
    utf8_carry_ += text;
    size_t complete = utf8_carry_.size();
    if (!last) {
      size_t back = 0;
      while (back < 4 && back < complete &&
             (static_cast<unsigned char>(utf8_carry_[complete - 1 - back]) & 0xC0) == 0x80) {
        ++back;
      }
      if (back < complete) {
        unsigned char lead = static_cast<unsigned char>(utf8_carry_[complete - 1 - back]);
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (need > back + 1) complete -= back + 1;
      }
    }
    if (complete == 0) co_return true;
    std::string piece = utf8_carry_.substr(0, complete);
    utf8_carry_.erase(0, complete);
    call_.delivered_text += piece;
    if (frame_raw_) {
      // The event as the upstream sent it, with the new text's literal in
      // place of its own (ReadStreamEventText checked its shape).
      std::string event = raw_frame_.substr(0, raw_begin_);
      AppendJsonString(&event, piece);
      event.append(raw_frame_, raw_end_);
      co_return Queue(FormatSseData(event));
    }
    // frame_ is only ever used as this template: its text fields are
    // overwritten in place rather than the whole event copied per release.
    json& choice = frame_["choices"][0];
    if (call_.endpoint == Endpoint::kChatCompletions) {
      choice["delta"] = json{{"content", std::move(piece)}};
    } else {
      choice["text"] = std::move(piece);
    }
    choice["finish_reason"] = nullptr;
    std::string data = FormatSseData(frame_.dump(-1, ' ', false, json::error_handler_t::replace));
    co_return Queue(std::move(data));
  }

  // Releases what the stages can release without more input (the upstream
  // paused), framed like the last content event.
  net::awaitable<bool> Pause() {
    std::string text;
    if (chain_.OnPause(call_, text) == StageVerdict::kLocalReply) {
      ended_ = true;
      co_return false;
    }
    if (text.empty()) co_return true;
    co_return co_await Emit(text);
  }

  // Releases whatever the stages still hold (end of the answer), then the
  // tool calls.
  net::awaitable<bool> Flush() {
    finished_ = true;
    std::string rest;
    if (chain_.OnStreamEnd(call_, rest) == StageVerdict::kLocalReply) {
      ended_ = true;
      co_return false;
    }
    if (!(co_await Emit(rest, /*last=*/true))) co_return false;
    co_return co_await EmitToolCalls();
  }

  // Adds the pieces of streamed tool calls (delta.tool_calls) to tool_calls_.
  // Returns why they are malformed, or "".
  std::string CollectToolCalls(const json& calls) {
    if (!calls.is_array()) return "delta.tool_calls is not an array";
    for (const json& piece : calls) {
      if (!piece.is_object() || !piece.contains("index") || !piece["index"].is_number_integer()) {
        return "a streamed tool call has no integer index";
      }
      int64_t index = piece["index"].get<int64_t>();
      if (index < 0 || index >= kMaxToolCalls) return "a streamed tool call index is out of range";
      PendingToolCall& pending = tool_calls_[static_cast<int>(index)];
      for (const char* field : {"id", "type"}) {
        if (piece.contains(field) && piece[field].is_string()) pending.head[field] = piece[field];
      }
      if (!piece.contains("function") || piece["function"].is_null()) continue;
      const json& function = piece["function"];
      if (!function.is_object()) return "a streamed tool call's function is not an object";
      if (function.contains("name") && function["name"].is_string()) {
        pending.name += function["name"].get<std::string>();
      }
      if (function.contains("arguments") && !function["arguments"].is_null()) {
        if (!function["arguments"].is_string()) {
          return "a streamed tool call's arguments are not a string";
        }
        pending.arguments += function["arguments"].get<std::string>();
        tool_call_bytes_ += function["arguments"].get_ref<const std::string&>().size();
        if (tool_call_bytes_ > kMaxToolCallBytes) {
          return "streamed tool-call arguments are longer than " +
                 std::to_string(kMaxToolCallBytes) + " bytes";
        }
      }
    }
    return "";
  }

  // Scans the complete tool calls as a whole answer through the stages
  // (output_scan's OnResponse: block, review, mask exactly as for a
  // non-streamed answer) and sends them in one delta, each call whole.
  net::awaitable<bool> EmitToolCalls() {
    if (tool_calls_.empty()) co_return true;
    json calls = json::array();
    for (auto& [index, pending] : tool_calls_) {
      json c = pending.head;
      c["index"] = index;
      c["function"] = {{"name", pending.name}, {"arguments", pending.arguments}};
      calls.push_back(std::move(c));
    }
    tool_calls_.clear();
    json whole = {
        {"choices",
         json::array({{{"index", 0},
                       {"message", {{"role", "assistant"}, {"tool_calls", std::move(calls)}}}}})}};
    Answer streamed_answer = std::move(call_.answer);
    Status read =
        ParseAnswer(whole.dump(-1, ' ', false, json::error_handler_t::replace), &call_.answer);
    StageVerdict verdict = read.ok() ? chain_.OnResponse(call_) : StageVerdict::kLocalReply;
    json scanned =
        read.ok() ? json::parse(ForwardedAnswerBody(call_.answer), nullptr, false) : json();
    call_.answer = std::move(streamed_answer);
    if (!read.ok() || scanned.is_discarded()) {  // Not expected: our own JSON.
      Malformed("the tool calls could not be read for scanning");
      co_return false;
    }
    if (verdict == StageVerdict::kLocalReply) {
      ended_ = true;
      co_return false;
    }
    json event = FrameTree();
    json& choice = event["choices"][0];
    choice["delta"] = {{"tool_calls", std::move(scanned["choices"][0]["message"]["tool_calls"])}};
    choice["finish_reason"] = nullptr;
    if (choice.contains("text")) choice.erase("text");
    co_return co_await Send(
        FormatSseData(event.dump(-1, ' ', false, json::error_handler_t::replace)));
  }

  // false: stop relaying (cut, error or client gone).
  net::awaitable<bool> Handle(SseEvent& event) {
    if (event.data == "[DONE]") {
      saw_done_ = true;
      ended_ = true;
      co_return true;
    }
    // The common event (text only) is read without a JSON tree; anything
    // else is parsed fully below.
    const bool chat = call_.endpoint == Endpoint::kChatCompletions;
    if (std::optional<StreamEventText> plain = ReadStreamEventText(event.data, chat)) {
      raw_frame_ = std::move(event.data);
      raw_begin_ = plain->literal_begin;
      raw_end_ = plain->literal_end;
      frame_raw_ = true;
      if (chain_.OnChunk(call_, plain->text) == StageVerdict::kLocalReply) {
        ended_ = true;
        co_return false;
      }
      co_return co_await Emit(plain->text);
    }
    if (!JsonDepthWithin(event.data)) {
      Malformed("an event nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
      co_return false;
    }
    json parsed = json::parse(event.data, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      Malformed("an event is not a JSON object");
      co_return false;
    }
    if (parsed.contains("error")) {
      std::string message = parsed["error"].is_object() && parsed["error"].contains("message") &&
                                    parsed["error"]["message"].is_string()
                                ? parsed["error"]["message"].get<std::string>()
                                : parsed["error"].dump();
      call_.outcome = "upstream_error";
      call_.upstream_error_kind = "error_event";
      call_.failure = "upstream error mid-stream: " + message;
      call_.reply = UpstreamError(502, "upstream_error", "The model server failed: " + message);
      ended_ = true;
      co_return false;
    }
    ReadUsage(call_, parsed);
    if (!parsed.contains("choices") || !parsed["choices"].is_array() || parsed["choices"].empty()) {
      std::string data = FormatSseData(event.data);  // Usage and other text-free events: as sent.
      co_return Queue(std::move(data));
    }
    if (parsed["choices"].size() > 1 || !parsed["choices"][0].is_object()) {
      Malformed("an event carries more than one choice");
      co_return false;
    }
    json& choice = parsed["choices"][0];
    std::string text;
    if (call_.endpoint == Endpoint::kChatCompletions) {
      if (!choice.contains("delta") || !choice["delta"].is_object()) {
        Malformed("a chat event has no delta");
        co_return false;
      }
      json& delta = choice["delta"];
      if (delta.contains("function_call")) {
        call_.outcome = "refused";
        call_.failure.clear();
        call_.reply = LocalReply{502, "upstream_error", "unsupported_stream_content",
                                 "The model streamed a legacy function_call; this gateway "
                                 "scans streamed tool_calls only, so the stream was cut",
                                 ""};
        ended_ = true;
        co_return false;
      }
      if (delta.contains("tool_calls")) {
        if (std::string why = CollectToolCalls(delta["tool_calls"]); !why.empty()) {
          Malformed(why);
          co_return false;
        }
        delta.erase("tool_calls");
        if (!HasFrame()) SetFrame(parsed);
        bool finishing = choice.contains("finish_reason") && !choice["finish_reason"].is_null();
        if (!finishing && !delta.contains("role") &&
            !(delta.contains("content") && delta["content"].is_string() &&
              !delta["content"].get_ref<const std::string&>().empty())) {
          co_return true;  // Only argument bytes: held until the calls are complete.
        }
      }
      if (delta.contains("content") && delta["content"].is_string()) {
        text = delta["content"].get<std::string>();
        delta.erase("content");
      } else if (delta.contains("content") && !delta["content"].is_null()) {
        Malformed("delta.content is not a string");
        co_return false;
      }
    } else if (choice.contains("text") && choice["text"].is_string()) {
      text = choice["text"].get<std::string>();
      choice["text"] = "";
    }
    bool finishing = choice.contains("finish_reason") && !choice["finish_reason"].is_null();
    if (!text.empty()) {
      if (finishing) {
        SetFrame(parsed);
      } else {
        SetFrame(std::move(parsed));  // Not used again below.
      }
      if (chain_.OnChunk(call_, text) == StageVerdict::kLocalReply) {
        ended_ = true;
        co_return false;
      }
      if (!(co_await Emit(text))) co_return false;
    } else if (!finishing) {
      // Role announcement and other empty deltas: pass them on as they are.
      if (call_.endpoint == Endpoint::kChatCompletions && !choice["delta"].contains("content") &&
          choice["delta"].contains("role")) {
        choice["delta"]["content"] = "";
      }
      if (!HasFrame()) SetFrame(parsed);
      std::string data = FormatSseData(parsed.dump(-1, ' ', false, json::error_handler_t::replace));
      co_return Queue(std::move(data));
    }
    if (finishing) {
      if (!HasFrame()) SetFrame(parsed);
      if (!(co_await Flush())) co_return false;
      std::string data = FormatSseData(parsed.dump(-1, ' ', false, json::error_handler_t::replace));
      co_return Queue(std::move(data));
    }
    co_return true;
  }

  Call& call_;
  StageChain& chain_;
  Responder& out_;
  UpstreamClient::Exchange& upstream_;
  // The last upstream content event; released text is framed like it. Either
  // a tree (frame_) or, for an event ReadStreamEventText read, its text with
  // the range of its text literal (frame_raw_).
  bool HasFrame() const { return frame_raw_ || !frame_.is_null(); }
  void SetFrame(json frame) {
    frame_ = std::move(frame);
    frame_raw_ = false;
  }
  json& FrameTree() {
    if (frame_raw_) SetFrame(json::parse(raw_frame_, nullptr, false));
    return frame_;
  }
  json frame_;
  bool frame_raw_ = false;
  std::string raw_frame_;
  size_t raw_begin_ = 0, raw_end_ = 0;
  // Streamed tool calls by index, collected until the answer ends: arguments
  // are scanned whole, like a non-streamed answer, before any byte is sent.
  struct PendingToolCall {
    json head = json::object();  // id, type.
    std::string name;
    std::string arguments;
  };
  static constexpr int64_t kMaxToolCalls = 128;
  static constexpr size_t kMaxToolCallBytes = 1 << 20;
  std::map<int, PendingToolCall> tool_calls_;
  size_t tool_call_bytes_ = 0;
  bool saw_done_ = false;
  bool finished_ = false;
  bool ended_ = false;
  bool client_gone_ = false;
  std::string utf8_carry_;   // Released bytes ending inside a UTF-8 character.
  std::string pending_out_;  // Framed events not yet written to the client.
};

// Reads what follows an event stream's [DONE] (normally just the chunked
// body's terminator) so the upstream connection goes back to the pool when
// the Exchange is destroyed; `runtime` keeps the client alive meanwhile.
net::awaitable<void> DrainUpstream(std::shared_ptr<const Runtime> runtime,
                                   std::unique_ptr<UpstreamClient::Exchange> exchange) {
  (void)runtime;
  (void)co_await exchange->Drain(64 << 10, std::chrono::milliseconds(1000));
}

// Sends call.reply (or the answer) once the stages' OnComplete succeeded.
// The answer's bytes go as they are unless a stage rewrote a text of it.
net::awaitable<void> Finish(Call& call, StageChain& chain, Responder& out) {
  (void)co_await chain.OnComplete(call);  // A failure replaces call.reply: fail closed.
  const std::pair<std::string_view, std::string_view> headers[] = {
      {"x-request-id", call.request_id}, {"retry-after", "1"}};
  if (call.reply) {
    // retry-after only with a 429.
    std::span<const std::pair<std::string_view, std::string_view>> sent(
        headers, call.reply->http_status == 429 ? 2 : 1);
    std::string body = call.reply->ToJson();
    (void)co_await out.Send(call.reply->http_status, "application/json", std::move(body), sent);
    co_return;
  }
  std::string body =
      call.response_rewritten ? ForwardedAnswerBody(call.answer) : std::move(call.answer.body);
  (void)co_await out.Send(200, "application/json", std::move(body), std::span(headers, 1));
}

}  // namespace

net::awaitable<void> ServeModelCall(std::shared_ptr<const Runtime> runtime, Endpoint endpoint,
                                    HttpRequest& request, Responder& out, std::string request_id,
                                    std::string client_address) {
  Call call;
  call.request_id = std::move(request_id);
  call.client_address = std::move(client_address);
  call.endpoint = endpoint;
  auto auth = request.find(http::field::authorization);
  if (auth != request.end()) call.authorization = std::string(auth->value());
  StageChain chain = runtime->pipeline->CreateChain();

  if (auto invalid = ParseModelRequest(std::move(request.body()), endpoint, &call)) {
    call.reply = std::move(*invalid);
    call.outcome = "invalid_request";
    co_await Finish(call, chain, out);
    co_return;
  }
  if (chain.OnRequest(call) == StageVerdict::kLocalReply) {
    co_await Finish(call, chain, out);
    co_return;
  }
  if (!call.upstream) {  // Every valid pipeline has route; be safe anyway.
    call.reply = ServiceUnavailable("no_route", "No upstream was chosen for this call");
    call.outcome = "refused";
    co_await Finish(call, chain, out);
    co_return;
  }
  auto client_it = runtime->clients.find(call.upstream->name);
  if (client_it == runtime->clients.end()) {
    call.reply =
        ServiceUnavailable("no_route", "Upstream '" + call.upstream->name + "' has no client");
    call.outcome = "refused";
    co_await Finish(call, chain, out);
    co_return;
  }
  UpstreamClient& client = *client_it->second;
  std::vector<std::pair<std::string, std::string>> headers;
  if (!call.upstream->api_key.empty()) {
    headers.emplace_back("authorization", "Bearer " + call.upstream->api_key);
  }
  if (call.stream) headers.emplace_back("accept", "text/event-stream");
  std::string body = call.request_rewritten ? ForwardedRequestBody(call)
                                            : std::move(call.body);  // Not read again.
  auto sent = std::chrono::steady_clock::now();
  auto exchange = co_await client.Start(http::verb::post, UpstreamPath(endpoint), std::move(body),
                                        std::move(headers));
  call.upstream_latency = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - sent);
  if (!exchange.ok()) {
    UpstreamFailed(call, exchange.status(), /*answering=*/false);
    co_await Finish(call, chain, out);
    co_return;
  }
  call.upstream_status = (*exchange)->status();
  size_t max_bytes = runtime->config->max_upstream_response_bytes;
  if (call.upstream_status != 200 || !call.stream) {
    auto answer = co_await (*exchange)->ReadAll(max_bytes);
    if (!answer.ok()) {
      UpstreamFailed(call, answer.status(), /*answering=*/true);
    } else if (call.upstream_status != 200) {
      UpstreamRefused(call, call.upstream_status, *answer);
    } else {
      Status read = ParseAnswer(std::move(*answer), &call.answer);
      if (!read.ok()) {
        call.outcome = "upstream_error";
        call.upstream_error_kind = "malformed";
        call.failure = read.message();
        call.reply = UpstreamError(502, "upstream_invalid_response",
                                   "The model server's answer is not valid JSON");
      } else {
        if (call.answer.prompt_tokens) call.prompt_tokens = *call.answer.prompt_tokens;
        if (call.answer.completion_tokens) call.completion_tokens = *call.answer.completion_tokens;
        (void)chain.OnResponse(call);
      }
    }
    co_await Finish(call, chain, out);
    co_return;
  }

  // Streaming: the client gets the event stream's header now; content only as
  // the stages release it.
  if (!(co_await out.BeginStream(200, "text/event-stream")).ok()) {
    call.outcome = "client_gone";
    (void)co_await chain.OnComplete(call);
    co_return;
  }
  StreamRelay relay(call, chain, out, **exchange);
  co_await relay.Run();
  if (relay.saw_done() && !(*exchange)->done()) {
    // Off the client's path: the connection is pooled once the body ends.
    auto executor = co_await net::this_coro::executor;
    net::co_spawn(executor, DrainUpstream(runtime, std::move(*exchange)), net::detached);
  }
  exchange->reset();  // An unfinished upstream response closes its connection here.
  (void)co_await chain.OnComplete(call);  // A failure sets call.reply: no [DONE] then.
  if (relay.client_gone()) {
    out.Abort();
    co_return;
  }
  std::string last = call.reply ? ErrorEvent(*call.reply) : FormatSseData("[DONE]");
  if (!(co_await relay.End(std::move(last)))) out.Abort();
}

}  // namespace hegui::gateway
