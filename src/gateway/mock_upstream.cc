#include "gateway/mock_upstream.h"

#include <openssl/evp.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>

#include "gateway/http_server.h"
#include "gateway/sse.h"

namespace hegui::gateway {

namespace {

using nlohmann::json;
constexpr auto kUse = net::use_awaitable;
constexpr int64_t kCreated = 1767225600;  // Fixed, so replies are byte-for-byte deterministic.

struct Directives {
  std::optional<int> status;
  std::optional<int> latency_ms;
  std::optional<size_t> chunk;
  std::optional<int> chunk_delay_ms;
  std::optional<std::string> reply;
  std::optional<std::string> raw_body;
  bool malformed_sse = false;
  bool drop = false;
  bool hang = false;
};

std::string DecodeBase64(std::string_view in) {
  std::string out(in.size() / 4 * 3 + 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(in.data()),
                          static_cast<int>(in.size()));
  if (n < 0) return "";
  size_t pad = 0;
  if (!in.empty() && in.back() == '=') ++pad;
  if (in.size() > 1 && in[in.size() - 2] == '=') ++pad;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

// Removes every [[mock:...]] directive from `text`, recording it in `*d`.
std::string StripDirectives(const std::string& text, Directives* d) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("[[mock:", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("]]", open);
    if (close == std::string::npos) break;
    out.append(text, pos, open - pos);
    std::string body = text.substr(open + 7, close - open - 7);
    size_t eq = body.find('=');
    std::string name = body.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : body.substr(eq + 1);
    auto number = [&]() -> long { return std::strtol(value.c_str(), nullptr, 10); };
    if (name == "status") d->status = static_cast<int>(number());
    if (name == "latency") d->latency_ms = static_cast<int>(number());
    if (name == "chunk" && number() > 0) d->chunk = static_cast<size_t>(number());
    if (name == "chunk_delay") d->chunk_delay_ms = static_cast<int>(number());
    if (name == "reply-b64") d->reply = DecodeBase64(value);
    if (name == "body-b64") d->raw_body = DecodeBase64(value);
    if (name == "malformed-sse") d->malformed_sse = true;
    if (name == "drop") d->drop = true;
    if (name == "hang") d->hang = true;
    pos = close + 2;
  }
  out.append(text, pos);
  return out;
}

// Splits UTF-8 text into pieces of `chars` code points (never inside one).
std::vector<std::string> SplitChars(const std::string& text, size_t chars) {
  std::vector<std::string> pieces;
  std::string current;
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool lead = (c & 0xC0) != 0x80;
    if (lead && count == chars) {
      pieces.push_back(std::move(current));
      current.clear();
      count = 0;
    }
    current.push_back(text[i]);
    if (lead) ++count;
  }
  if (!current.empty()) pieces.push_back(std::move(current));
  return pieces;
}

int Tokens(std::string_view text) { return static_cast<int>((text.size() + 3) / 4); }

// The text of the last user message of a chat request (string or text parts).
std::string LastUserText(const json& request) {
  std::string text;
  const json* messages = request.contains("messages") ? &request["messages"] : nullptr;
  if (!messages || !messages->is_array()) return text;
  for (const json& m : *messages) {
    if (!m.is_object() || m.value("role", "") != "user" || !m.contains("content")) continue;
    const json& content = m["content"];
    text.clear();
    if (content.is_string()) {
      text = content.get<std::string>();
    } else if (content.is_array()) {
      for (const json& part : content) {
        if (part.is_object() && part.value("type", "") == "text" && part.contains("text") &&
            part["text"].is_string()) {
          text += part["text"].get<std::string>();
        }
      }
    }
  }
  return text;
}

std::string ErrorJson(std::string_view message, std::string_view type, std::string_view code) {
  return json{{"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", code}}}}
      .dump();
}

}  // namespace

struct MockUpstream::Impl {
  MockUpstreamOptions options;
  std::unique_ptr<HttpServer> server;
  mutable std::mutex mu;
  std::string last_request;
  std::atomic<uint64_t> calls{0};

  net::awaitable<void> Sleep(int ms) {
    if (ms <= 0) co_return;
    net::steady_timer timer(co_await net::this_coro::executor, std::chrono::milliseconds(ms));
    boost::system::error_code ec;
    co_await timer.async_wait(net::redirect_error(kUse, ec));
  }

  bool KnownModel(const std::string& model) const {
    for (const auto& m : options.models) {
      if (m == model) return true;
    }
    return false;
  }

  net::awaitable<void> Handle(HttpRequest& request, Responder& out) {
    std::string target(request.target());
    if (request.method() == http::verb::get && target == "/v1/models") {
      json data = json::array();
      for (const auto& m : options.models) {
        data.push_back(
            {{"id", m}, {"object", "model"}, {"created", kCreated}, {"owned_by", "mock"}});
      }
      std::string list = json{{"object", "list"}, {"data", data}}.dump();
      (void)co_await out.Send(200, "application/json", std::move(list));
      co_return;
    }
    if (request.method() == http::verb::get && target == "/mock/last-request") {
      // (No conditional expression inside co_await: GCC 12 destroys its
      // temporary twice.)
      std::string body;
      {
        std::lock_guard lock(mu);
        body = last_request;
      }
      if (body.empty()) body = "{}";
      (void)co_await out.Send(200, "application/json", std::move(body));
      co_return;
    }
    if (request.method() == http::verb::get && target == "/healthz") {
      (void)co_await out.Send(200, "text/plain", "ok\n");
      co_return;
    }
    bool chat = target == "/v1/chat/completions";
    bool completion = target == "/v1/completions";
    bool embedding = target == "/v1/embeddings";
    if (request.method() != http::verb::post || !(chat || completion || embedding)) {
      (void)co_await out.Send(404, "application/json",
                              ErrorJson("no such endpoint", "invalid_request_error", "not_found"));
      co_return;
    }
    {
      std::lock_guard lock(mu);
      last_request = request.body();
    }
    uint64_t n = ++calls;
    json body = json::parse(request.body(), nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      (void)co_await out.Send(400, "application/json",
                              ErrorJson("invalid JSON", "invalid_request_error", "invalid_json"));
      co_return;
    }
    std::string model = body.value("model", "");
    if (!KnownModel(model)) {
      std::string error =
          ErrorJson("model '" + model + "' not found", "invalid_request_error", "model_not_found");
      (void)co_await out.Send(404, "application/json", std::move(error));
      co_return;
    }
    Directives d;
    std::string prompt;
    if (chat) {
      prompt = LastUserText(body);
    } else if (completion && body.contains("prompt") && body["prompt"].is_string()) {
      prompt = body["prompt"].get<std::string>();
    }
    std::string echo = StripDirectives(prompt, &d);
    co_await Sleep(d.latency_ms.value_or(static_cast<int>(options.latency.count())));
    if (d.hang) {
      co_await Sleep(3'600'000);
      co_return;
    }
    if (d.status || (options.fail_every > 0 && n % options.fail_every == 0)) {
      int status = d.status.value_or(500);
      (void)co_await out.Send(status, "application/json",
                              ErrorJson("mock failure", "server_error", "mock_failure"));
      co_return;
    }
    if (d.drop && !body.value("stream", false)) {
      out.Abort();
      co_return;
    }
    if (d.raw_body) {  // These exact bytes as the answer body (a stream: one piece).
      if (body.value("stream", false)) {
        if ((co_await out.BeginStream(200, "text/event-stream")).ok() &&
            (co_await out.WriteChunk(*d.raw_body)).ok()) {
          (void)co_await out.EndStream();
        }
      } else {
        (void)co_await out.Send(200, "application/json", std::move(*d.raw_body));
      }
      co_return;
    }
    if (embedding) {
      co_await Embeddings(body, model, out);
      co_return;
    }
    std::string reply = d.reply.value_or(echo);
    if (!d.reply) {
      for (const auto& [needle, scripted] : options.scripted_replies) {
        if (prompt.find(needle) != std::string::npos) {
          reply = scripted;
          break;
        }
      }
    }
    std::string id = (chat ? "chatcmpl-mock-" : "cmpl-mock-") + std::to_string(n);
    json usage = {{"prompt_tokens", Tokens(prompt)},
                  {"completion_tokens", Tokens(reply)},
                  {"total_tokens", Tokens(prompt) + Tokens(reply)}};
    if (!body.value("stream", false)) {
      json choice = chat ? json{{"index", 0},
                                {"message", {{"role", "assistant"}, {"content", reply}}},
                                {"logprobs", nullptr},
                                {"finish_reason", "stop"}}
                         : json{{"index", 0},
                                {"text", reply},
                                {"logprobs", nullptr},
                                {"finish_reason", "stop"}};
      json response = {{"id", id},
                       {"object", chat ? "chat.completion" : "text_completion"},
                       {"created", kCreated},
                       {"model", model},
                       {"choices", json::array({choice})},
                       {"usage", usage}};
      (void)co_await out.Send(200, "application/json", response.dump());
      co_return;
    }
    co_await Stream(chat, id, model, reply, usage, d, body, out);
  }

  net::awaitable<void> Stream(bool chat, const std::string& id, const std::string& model,
                              const std::string& reply, const json& usage, const Directives& d,
                              const json& body, Responder& out) {
    if (!(co_await out.BeginStream(200, "text/event-stream")).ok()) co_return;
    auto chunk = [&](json delta_or_text, json finish) {
      json choice = chat ? json{{"index", 0},
                                {"delta", delta_or_text},
                                {"logprobs", nullptr},
                                {"finish_reason", finish}}
                         : json{{"index", 0},
                                {"text", delta_or_text},
                                {"logprobs", nullptr},
                                {"finish_reason", finish}};
      return FormatSseData(json{{"id", id},
                                {"object", chat ? "chat.completion.chunk" : "text_completion"},
                                {"created", kCreated},
                                {"model", model},
                                {"choices", json::array({choice})}}
                               .dump());
    };
    if (chat) {
      std::string opening = chunk(json{{"role", "assistant"}, {"content", ""}}, nullptr);
      if (!(co_await out.WriteChunk(opening)).ok()) co_return;
    }
    if (d.malformed_sse) {
      (void)co_await out.WriteChunk("data: {\"id\": \"broken\", \"choices\": [\n\n");
      (void)co_await out.EndStream();
      co_return;
    }
    int delay = d.chunk_delay_ms.value_or(static_cast<int>(options.chunk_delay.count()));
    bool first = true;
    for (const std::string& piece : SplitChars(reply, d.chunk.value_or(options.chunk_chars))) {
      if (!first) co_await Sleep(delay);
      first = false;
      json delta = chat ? json{{"content", piece}} : json(piece);
      std::string event = chunk(delta, nullptr);
      if (!(co_await out.WriteChunk(event)).ok()) co_return;
      if (d.drop) {
        out.Abort();
        co_return;
      }
    }
    std::string stop = chunk(chat ? json::object() : json(""), "stop");
    if (!(co_await out.WriteChunk(stop)).ok()) co_return;
    if (body.contains("stream_options") && body["stream_options"].is_object() &&
        body["stream_options"].value("include_usage", false)) {
      json last = {{"id", id},
                   {"object", chat ? "chat.completion.chunk" : "text_completion"},
                   {"created", kCreated},
                   {"model", model},
                   {"choices", json::array()},
                   {"usage", usage}};
      std::string event = FormatSseData(last.dump());
      if (!(co_await out.WriteChunk(event)).ok()) co_return;
    }
    std::string done = FormatSseData("[DONE]");
    if (!(co_await out.WriteChunk(done)).ok()) co_return;
    (void)co_await out.EndStream();
  }

  net::awaitable<void> Embeddings(const json& body, const std::string& model, Responder& out) {
    std::vector<std::string> inputs;
    if (body.contains("input") && body["input"].is_string()) {
      inputs.push_back(body["input"].get<std::string>());
    } else if (body.contains("input") && body["input"].is_array()) {
      for (const json& item : body["input"]) {
        if (item.is_string()) inputs.push_back(item.get<std::string>());
      }
    }
    if (inputs.empty()) {
      (void)co_await out.Send(400, "application/json",
                              ErrorJson("'input' must be a string or an array of strings",
                                        "invalid_request_error", "invalid_input"));
      co_return;
    }
    json data = json::array();
    int tokens = 0;
    for (size_t i = 0; i < inputs.size(); ++i) {
      uint64_t h = 1469598103934665603ull;  // FNV-1a: a stable vector per input.
      for (unsigned char c : inputs[i]) h = (h ^ c) * 1099511628211ull;
      json vector = json::array();
      for (int k = 0; k < 8; ++k) {
        h = h * 6364136223846793005ull + 1442695040888963407ull;
        vector.push_back(static_cast<double>(h >> 40) / static_cast<double>(1ull << 24) - 0.5);
      }
      data.push_back({{"object", "embedding"}, {"index", i}, {"embedding", vector}});
      tokens += Tokens(inputs[i]);
    }
    json response = {{"object", "list"},
                     {"data", data},
                     {"model", model},
                     {"usage", {{"prompt_tokens", tokens}, {"total_tokens", tokens}}}};
    (void)co_await out.Send(200, "application/json", response.dump());
  }
};

MockUpstream::MockUpstream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

MockUpstream::~MockUpstream() {
  if (impl_->server) impl_->server->Stop(std::chrono::milliseconds(0));
  impl_->server.reset();
}

StatusOr<std::unique_ptr<MockUpstream>> MockUpstream::Start(MockUpstreamOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  HttpServer::Options server_options;
  server_options.address = impl->options.address;
  server_options.port = impl->options.port;
  server_options.threads = impl->options.threads;
  server_options.limits.max_body_bytes = 8 << 20;
  Impl* raw = impl.get();
  auto server = HttpServer::Start(server_options, [raw](HttpRequest& request, Responder& out) {
    return raw->Handle(request, out);
  });
  if (!server.ok()) return server.status().WithContext("mock upstream");
  impl->server = std::move(server).value();
  return std::unique_ptr<MockUpstream>(new MockUpstream(std::move(impl)));
}

uint16_t MockUpstream::port() const { return impl_->server->port(); }

std::string MockUpstream::url() const {
  return "http://" + impl_->options.address + ":" + std::to_string(port());
}

std::string MockUpstream::last_request_body() const {
  std::lock_guard lock(impl_->mu);
  return impl_->last_request;
}

}  // namespace hegui::gateway
