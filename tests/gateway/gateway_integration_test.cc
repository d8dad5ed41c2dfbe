// The gateway over real loopback sockets: hegui's HTTP server, the pipeline,
// the upstream client and the mock upstream, with FakeServices standing in
// for the store, the scanner and the evidence log.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <thread>
#include <tuple>

#include "gateway/gateway.h"
#include "gateway/metrics.h"
#include "gateway/mock_upstream.h"
#include "tests/gateway/fake_services.h"
#include "tests/gateway/http_test_client.h"

namespace hegui::gateway::testing {
namespace {

using nlohmann::json;

std::string Base64(std::string_view in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], k[v & 63]};
  }
  if (in.size() - i == 1) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += {k[v >> 18], k[(v >> 12) & 63], '=', '='};
  } else if (in.size() - i == 2) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], '='};
  }
  return out;
}

class GatewayIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override { Start(""); }

  // `extra_yaml` follows the upstream list (more upstreams, or top-level
  // fields); `extra_limits` lines go under `limits:`.
  void Start(const std::string& extra_yaml, const std::string& extra_limits = "") {
    gateway_.reset();
    MockUpstreamOptions cn;
    cn.models = {"mock-1", "mock-embed"};
    cn.chunk_chars = 3;
    if (!domestic_) domestic_ = std::move(MockUpstream::Start(cn)).value();
    MockUpstreamOptions us;
    us.models = {"abroad-1"};
    if (!overseas_) overseas_ = std::move(MockUpstream::Start(us)).value();
    std::string yaml = R"(
listen: 127.0.0.1:0
threads: 2
limits:
  max_body_bytes: 65536
  max_header_count: 30
  read_timeout_ms: 1000
)" + extra_limits + R"(upstreams:
  - name: domestic
    url: )" + domestic_->url() +
                       R"(
    region: cn
    models: [mock-1, mock-embed]
    response_timeout_ms: 1500
  - name: overseas
    url: )" + overseas_->url() +
                       R"(
    region: us
    models: [abroad-1]
)" + extra_yaml;
    auto config = ParseGatewayConfig(yaml, "test.yaml");
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    auto gateway = Gateway::Start(*config, &services_);
    ASSERT_TRUE(gateway.ok()) << gateway.status().ToString();
    gateway_ = std::move(gateway).value();
  }

  HttpResult Chat(const std::string& content, bool stream = false,
                  const std::string& key = "sk-verified", const std::string& model = "mock-1") {
    json body = {{"model", model},
                 {"stream", stream},
                 {"messages", json::array({{{"role", "user"}, {"content", content}}})}};
    return HttpCall(gateway_->port(), http::verb::post, "/v1/chat/completions", body.dump(),
                    {{"authorization", "Bearer " + key}});
  }

  // The data payloads of an SSE body.
  static std::vector<std::string> Events(const std::string& body) {
    std::vector<std::string> out;
    size_t pos = 0;
    while ((pos = body.find("data: ", pos)) != std::string::npos) {
      size_t end = body.find("\n\n", pos);
      out.push_back(body.substr(pos + 6, end - pos - 6));
      pos = end;
    }
    return out;
  }
  static std::string StreamedText(const std::string& body) {
    std::string text;
    for (const auto& e : Events(body)) {
      json j = json::parse(e, nullptr, false);
      if (j.is_object() && j.contains("choices") && !j["choices"].empty() &&
          j["choices"][0].contains("delta") && j["choices"][0]["delta"].contains("content")) {
        text += j["choices"][0]["delta"]["content"].get<std::string>();
      }
    }
    return text;
  }

  FakeServices services_;
  std::unique_ptr<MockUpstream> domestic_, overseas_;
  std::unique_ptr<Gateway> gateway_;
};

TEST_F(GatewayIntegrationTest, NonStreamingChatIsForwardedAndRecorded) {
  HttpResult r = Chat("hello gateway");
  ASSERT_EQ(r.status, 200) << r.body << r.error;
  json j = json::parse(r.body);
  EXPECT_EQ(j["choices"][0]["message"]["content"], "hello gateway");
  EXPECT_EQ(j["object"], "chat.completion");
  auto records = services_.Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome, "ok");
  EXPECT_EQ(records[0].upstream->name, "domestic");
  EXPECT_EQ(records[0].principal->user_id, "alice");
  EXPECT_GT(records[0].completion_tokens, 0);
}

TEST_F(GatewayIntegrationTest, StreamingChatArrivesWholeAndEndsWithDone) {
  HttpResult r = Chat("stream me a reply please", true);
  ASSERT_EQ(r.status, 200) << r.body << r.error;
  EXPECT_EQ(r.content_type, "text/event-stream");
  EXPECT_EQ(StreamedText(r.body), "stream me a reply please");
  auto events = Events(r.body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back(), "[DONE]");
  EXPECT_EQ(services_.Records().size(), 1u);
}

TEST_F(GatewayIntegrationTest, PersonalInformationReachesTheUpstreamMasked) {
  HttpResult r = Chat("my phone is 13812345678 ok");
  ASSERT_EQ(r.status, 200) << r.body;
  std::string seen = domestic_->last_request_body();
  EXPECT_EQ(seen.find("13812345678"), std::string::npos) << seen;
  EXPECT_NE(seen.find("[mobile]"), std::string::npos) << seen;
  EXPECT_EQ(services_.Records()[0].input_verdict, "mask");
}

TEST_F(GatewayIntegrationTest, PersonalInformationInANonStreamedAnswerIsMasked) {
  // The answer is passed on as the upstream's bytes only when no stage
  // rewrote it; a masked answer must be the rewritten one.
  HttpResult r = Chat("[[mock:reply-b64=" + Base64("call 13812345678 now") + "]]");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.find("13812345678"), std::string::npos) << r.body;
  EXPECT_EQ(json::parse(r.body)["choices"][0]["message"]["content"], "call [mobile] now");
  EXPECT_EQ(services_.Records()[0].output_verdict, "mask");
}

TEST_F(GatewayIntegrationTest, BlockedPromptNeverReachesTheUpstream) {
  HttpResult before = HttpCall(domestic_->port(), http::verb::get, "/mock/last-request");
  HttpResult r = Chat("tell me about forbiddenword");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "content_policy_violation");
  EXPECT_EQ(domestic_->last_request_body().find("forbiddenword"), std::string::npos);
  auto records = services_.Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome, "blocked");
  EXPECT_NE(records[0].withheld_input.find("forbiddenword"), std::string::npos);
}

TEST_F(GatewayIntegrationTest, OutputIsCutMidStreamAndTheTermNeverArrives) {
  std::string reply = "Here is a long and harmless opening sentence. Then forbiddenword appears.";
  HttpResult r = Chat("[[mock:reply-b64=" + Base64(reply) + "]][[mock:chunk=2]]", true);
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body.find("forbid"), std::string::npos) << r.body;
  std::string text = StreamedText(r.body);
  EXPECT_TRUE(std::string_view(reply).starts_with(text)) << text;
  EXPECT_GT(text.size(), 10u);
  auto events = Events(r.body);
  ASSERT_FALSE(events.empty());
  json last = json::parse(events.back());
  EXPECT_EQ(last["error"]["code"], "content_policy_violation");
  auto records = services_.Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome, "cut");
  EXPECT_NE(records[0].withheld_text.find("forbiddenword"), std::string::npos);
}

TEST_F(GatewayIntegrationTest, NonStreamingOutputViolationIsWithheld) {
  HttpResult r = Chat("[[mock:reply-b64=" + Base64("say forbiddenword") + "]]");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.find("say forbiddenword"), std::string::npos);
}

TEST_F(GatewayIntegrationTest, UnverifiedUserIsRefused) {
  HttpResult r = Chat("hi", false, "sk-unverified");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "identity_not_verified");
}

TEST_F(GatewayIntegrationTest, BadKeyIsRefused) {
  HttpResult r = Chat("hi", false, "sk-wrong");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "invalid_api_key");
}

TEST_F(GatewayIntegrationTest, PersonalInformationIsNotSentOverseas) {
  Start(
      "pipeline:\n  - authenticate\n  - identity\n  - input_scan: {pi: allow}\n  - route\n"
      "  - output_scan\n  - audit\n  - metrics\n");
  HttpResult r = Chat("my number 13812345678", false, "sk-verified", "abroad-1");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "region_not_permitted");
  EXPECT_EQ(overseas_->last_request_body(), "");
  HttpResult clean = Chat("no personal data here", false, "sk-verified", "abroad-1");
  EXPECT_EQ(clean.status, 200) << clean.body;
}

TEST_F(GatewayIntegrationTest, UnknownModelIs404) {
  HttpResult r = Chat("hi", false, "sk-verified", "no-such-model");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "model_not_found");
}

TEST_F(GatewayIntegrationTest, UpstreamServerErrorIs502AndAnInterfaceFailure) {
  HttpResult r = Chat("[[mock:status=503]]");
  EXPECT_EQ(r.status, 502);
  auto records = services_.Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome, "upstream_error");
  EXPECT_FALSE(records[0].failure.empty());
}

TEST_F(GatewayIntegrationTest, UpstreamTimeoutIs504) {
  HttpResult r = Chat("[[mock:hang]]");
  EXPECT_EQ(r.status, 504) << r.body;
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "upstream_timeout");
}

TEST_F(GatewayIntegrationTest, MalformedUpstreamStreamEndsWithAnErrorEvent) {
  HttpResult r = Chat("[[mock:malformed-sse]]", true);
  ASSERT_EQ(r.status, 200);
  auto events = Events(r.body);
  ASSERT_FALSE(events.empty());
  json last = json::parse(events.back());
  EXPECT_EQ(last["error"]["code"], "upstream_malformed_stream");
  EXPECT_EQ(services_.Records().at(0).outcome, "upstream_error");
}

TEST_F(GatewayIntegrationTest, UpstreamDroppingMidStreamIsReported) {
  HttpResult r = Chat("some words to stream [[mock:drop]]", true);
  auto events = Events(r.body);
  ASSERT_FALSE(events.empty());
  EXPECT_NE(events.back().find("error"), std::string::npos) << r.body;
  EXPECT_EQ(services_.Records().at(0).outcome, "upstream_error");
}

TEST_F(GatewayIntegrationTest, AuditLogDownRefusesService) {
  services_.audit_down = true;
  HttpResult r = Chat("hi");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "audit_log_unavailable");
  EXPECT_EQ(domestic_->last_request_body(), "");
  HttpResult ready = HttpCall(gateway_->port(), http::verb::get, "/readyz");
  EXPECT_EQ(ready.status, 503);
}

TEST_F(GatewayIntegrationTest, InvalidJsonIs400) {
  HttpResult r = HttpCall(gateway_->port(), http::verb::post, "/v1/chat/completions", "{oops",
                          {{"authorization", "Bearer sk-verified"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["error"]["type"], "invalid_request_error");
  EXPECT_EQ(services_.Records().size(), 1u);  // Recorded as invalid_request.
}

TEST_F(GatewayIntegrationTest, OversizedBodyIs413) {
  std::string big(100000, 'x');
  HttpResult r = HttpCall(gateway_->port(), http::verb::post, "/v1/chat/completions", big);
  EXPECT_EQ(r.status, 413);
}

TEST_F(GatewayIntegrationTest, TooManyHeadersIs431) {
  std::vector<std::pair<std::string, std::string>> headers;
  for (int i = 0; i < 40; ++i) headers.emplace_back("x-h" + std::to_string(i), "v");
  HttpResult r = HttpCall(gateway_->port(), http::verb::get, "/healthz", "", headers);
  EXPECT_EQ(r.status, 431);
}

// The server keeps a request's header fields in 2 KiB it holds per request;
// fields past that take heap blocks, and the request reads the same.
TEST_F(GatewayIntegrationTest, HeadersLargerThanTheServersFieldMemoryStillWork) {
  json body = {{"model", "mock-1"},
               {"messages", json::array({{{"role", "user"}, {"content", "big headers"}}})}};
  std::vector<std::pair<std::string, std::string>> headers;
  for (int i = 0; i < 8; ++i)
    headers.emplace_back("x-pad-" + std::to_string(i), std::string(900, 'p'));
  headers.emplace_back("authorization", "Bearer sk-verified");  // After the padding.
  HttpResult r =
      HttpCall(gateway_->port(), http::verb::post, "/v1/chat/completions", body.dump(), headers);
  ASSERT_EQ(r.status, 200) << r.body << r.error;
  EXPECT_EQ(json::parse(r.body)["choices"][0]["message"]["content"], "big headers");
  HttpResult again = Chat("and a small one after it");
  ASSERT_EQ(again.status, 200) << again.body << again.error;
  ASSERT_EQ(services_.Records().size(), 2u);
  EXPECT_EQ(services_.Records()[0].principal->user_id, "alice");
}

TEST_F(GatewayIntegrationTest, ModelEndpointsAnswerOnlyPost) {
  for (const char* path : {"/v1/chat/completions", "/v1/completions", "/v1/embeddings"}) {
    HttpResult r = HttpCall(gateway_->port(), http::verb::get, path, "",
                            {{"authorization", "Bearer sk-verified"}});
    EXPECT_EQ(r.status, 405) << path;
    EXPECT_NE(r.body.find(std::string("Use POST for ") + path), std::string::npos) << r.body;
  }
  EXPECT_TRUE(services_.Records().empty());  // Refused before any model call.
  EXPECT_EQ(HttpCall(gateway_->port(), http::verb::get, "/v1/chat/completions?x=1", "").status,
            405);
  EXPECT_EQ(HttpCall(gateway_->port(), http::verb::post, "/v1/nothing", "{}").status, 404);
  EXPECT_EQ(Chat("still served").status, 200);
}

// The JSON body of a raw HTTP answer.
json RawBody(const std::string& answer) {
  size_t start = answer.find("\r\n\r\n");
  if (start == std::string::npos) return json();
  return json::parse(answer.substr(start + 4), nullptr, false);
}

TEST_F(GatewayIntegrationTest, SlowClientWithPartialHeadersGets408AndIsDisconnected) {
  // read_timeout_ms is 1000; the client would wait 30 s for an answer.
  bool closed_by_server = false;
  std::string answer =
      RawExchange(gateway_->port(), "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n",
                  std::chrono::seconds(30), &closed_by_server);
  EXPECT_TRUE(closed_by_server);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 408")) << answer;
  json error = RawBody(answer);
  ASSERT_TRUE(error.is_object()) << answer;
  EXPECT_EQ(error["error"]["code"], "request_timeout");
  EXPECT_EQ(error["error"]["type"], "invalid_request_error");
  EXPECT_NE(error["error"]["message"].get<std::string>().find("1000 ms"), std::string::npos);
}

TEST_F(GatewayIntegrationTest, SlowClientWithPartialBodyGets408) {
  bool closed_by_server = false;
  std::string answer = RawExchange(gateway_->port(),
                                   "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                                   "Content-Type: application/json\r\nContent-Length: 100\r\n"
                                   "\r\n{\"model\":",
                                   std::chrono::seconds(30), &closed_by_server);
  EXPECT_TRUE(closed_by_server);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 408")) << answer;
  EXPECT_EQ(RawBody(answer)["error"]["code"], "request_timeout");
  EXPECT_TRUE(services_.Records().empty());  // The handler never saw it.
}

TEST_F(GatewayIntegrationTest, SilentConnectionIsClosedWithoutAnAnswer) {
  bool closed_by_server = false;
  std::string answer =
      RawExchange(gateway_->port(), "", std::chrono::seconds(30), &closed_by_server);
  EXPECT_TRUE(closed_by_server);
  EXPECT_EQ(answer, "");
}

TEST_F(GatewayIntegrationTest, ConnectionStaysUsableWhenARequestArrivesJustInTime) {
  // Two complete requests on one connection, each well within the deadline:
  // the deadline of the first must not cut the second.
  std::string req = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string answer = RawExchange(
      gateway_->port(), req + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.find("408"), std::string::npos) << answer;
  EXPECT_NE(answer.find("200 OK"), answer.rfind("200 OK")) << answer;
}

TEST_F(GatewayIntegrationTest, GarbageIs400) {
  std::string answer = RawExchange(gateway_->port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_NE(answer.find("400"), std::string::npos) << answer;
}

TEST_F(GatewayIntegrationTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::string req = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string answer =
      RawExchange(gateway_->port(),
                  req + req + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  size_t count = 0;
  for (size_t p = answer.find("200 OK"); p != std::string::npos; p = answer.find("200 OK", p + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 3u) << answer;
}

TEST_F(GatewayIntegrationTest, ClientDisconnectMidStreamIsStillRecorded) {
  std::string body =
      json{{"model", "mock-1"},
           {"stream", true},
           {"messages",
            json::array({{{"role", "user"},
                          {"content", std::string(400, 'a') + "[[mock:chunk_delay=20]]"}}})}}
          .dump();
  std::string req =
      "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
      "sk-verified\r\nContent-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  RawExchange(gateway_->port(), req, std::chrono::milliseconds(300));  // Hangs up early.
  for (int i = 0; i < 200 && services_.Records().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  auto records = services_.Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome, "client_gone");
}

TEST_F(GatewayIntegrationTest, UpstreamErrorsAreCountedByUpstreamAndKind) {
  Start(
      "  - {name: dead, url: 'http://127.0.0.1:1', region: cn, models: [dead-1],"
      " connect_retries: 0}\n");
  EXPECT_EQ(Chat("[[mock:status=503]]").status, 502);
  EXPECT_EQ(Chat("[[mock:status=429]]").status, 429);
  EXPECT_EQ(Chat("[[mock:hang]]").status, 504);
  Chat("[[mock:malformed-sse]]", true);
  Chat("[[mock:body-b64=" + Base64("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n") +
           "]]",
       true);  // No [DONE].
  Chat("[[mock:body-b64=" + Base64("not json") + "]]");
  EXPECT_EQ(Chat("hi", false, "sk-verified", "dead-1").status, 502);
  EXPECT_EQ(Chat("fine").status, 200);
  HttpResult m = HttpCall(gateway_->port(), http::verb::get, "/metrics");
  ASSERT_EQ(m.status, 200);
  for (const std::string line : {
           R"(hegui_upstream_errors_total{upstream="domestic",kind="5xx"} 1)",
           R"(hegui_upstream_errors_total{upstream="domestic",kind="4xx"} 1)",
           R"(hegui_upstream_errors_total{upstream="domestic",kind="timeout"} 1)",
           R"(hegui_upstream_errors_total{upstream="domestic",kind="malformed"} 2)",
           R"(hegui_upstream_errors_total{upstream="domestic",kind="truncated"} 1)",
           R"(hegui_upstream_errors_total{upstream="dead",kind="connect"} 1)",
       }) {
    EXPECT_NE(m.body.find(line + "\n"), std::string::npos) << line << "\n" << m.body;
  }
  // Latency: every call that got an answer from the upstream is observed.
  EXPECT_NE(m.body.find(R"(hegui_upstream_duration_seconds_count{upstream="domestic"} 6)"),
            std::string::npos)
      << m.body;
}

TEST_F(GatewayIntegrationTest, UpstreamBreakingOffIsCountedAsBroken) {
  Chat("some words to stream [[mock:drop]]", true);
  HttpResult m = HttpCall(gateway_->port(), http::verb::get, "/metrics");
  EXPECT_NE(m.body.find(R"(hegui_upstream_errors_total{upstream="domestic",kind="broken"} 1)"),
            std::string::npos)
      << m.body;
}

TEST_F(GatewayIntegrationTest, OversizedUpstreamAnswerIs502NotATimeout) {
  Start("", "  max_upstream_response_bytes: 1024\n");
  ASSERT_TRUE(gateway_);
  HttpResult r = Chat(std::string(2000, 'a'));
  EXPECT_EQ(r.status, 502) << r.body;
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "upstream_invalid_response");
  auto records = services_.Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_NE(records[0].failure.find("larger than 1024 bytes"), std::string::npos);
  EXPECT_EQ(records[0].upstream_error_kind, "invalid_response");
}

TEST_F(GatewayIntegrationTest, DeeplyNestedRequestIs400AndTheGatewayLivesOn) {
  std::string body = R"({"model":"mock-1","messages":[{"role":"user","content":"hi"}],"x":)" +
                     std::string(30000, '[') + std::string(30000, ']') + "}";
  HttpResult r = HttpCall(gateway_->port(), http::verb::post, "/v1/chat/completions", body,
                          {{"authorization", "Bearer sk-verified"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(json::parse(r.body)["error"]["message"].get<std::string>().find("deeper than"),
            std::string::npos);
  EXPECT_EQ(domestic_->last_request_body(), "");
  EXPECT_EQ(Chat("still here").status, 200);
}

TEST_F(GatewayIntegrationTest, DeeplyNestedUpstreamAnswersAreRefused) {
  std::string deep = std::string(10000, '[') + std::string(10000, ']');
  HttpResult plain = Chat("[[mock:body-b64=" + Base64(R"({"choices":)" + deep + "}") + "]]");
  EXPECT_EQ(plain.status, 502) << plain.body;
  EXPECT_EQ(json::parse(plain.body)["error"]["code"], "upstream_invalid_response");
  HttpResult streamed =
      Chat("[[mock:body-b64=" + Base64("data: {\"x\":" + deep + "}\n\n") + "]]", true);
  auto events = Events(streamed.body);
  ASSERT_FALSE(events.empty()) << streamed.body;
  EXPECT_EQ(json::parse(events.back())["error"]["code"], "upstream_malformed_stream");
  EXPECT_EQ(Chat("still here").status, 200);
}

std::string ToolCallAnswer(const std::string& arguments) {
  json call = {{"id", "call_1"},
               {"type", "function"},
               {"function", {{"name", "send_sms"}, {"arguments", arguments}}}};
  return json{{"id", "chatcmpl-1"},
              {"object", "chat.completion"},
              {"choices",
               {{{"index", 0},
                 {"message", {{"role", "assistant"}, {"content", nullptr}, {"tool_calls", {call}}}},
                 {"finish_reason", "tool_calls"}}}}}
      .dump();
}

TEST_F(GatewayIntegrationTest, ToolCallArgumentsInAWholeAnswerAreScanned) {
  HttpResult blocked =
      Chat("[[mock:body-b64=" + Base64(ToolCallAnswer(R"({"text":"forbiddenword"})")) + "]]");
  EXPECT_EQ(blocked.status, 400) << blocked.body;
  EXPECT_EQ(blocked.body.find("forbiddenword"), std::string::npos);
  HttpResult masked =
      Chat("[[mock:body-b64=" + Base64(ToolCallAnswer(R"({"to":"13812345678"})")) + "]]");
  ASSERT_EQ(masked.status, 200) << masked.body;
  EXPECT_EQ(
      json::parse(masked.body)["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"],
      R"({"to":"[mobile]"})");
}

// An upstream event stream of a tool call whose arguments arrive in `pieces`.
std::string ToolCallStream(const std::vector<std::string>& pieces) {
  auto event = [](json delta, json finish = nullptr) {
    json e = {{"id", "chatcmpl-1"},
              {"object", "chat.completion.chunk"},
              {"model", "mock-1"},
              {"choices", {{{"index", 0}, {"delta", delta}, {"finish_reason", finish}}}}};
    return "data: " + e.dump() + "\n\n";
  };
  std::string out = event({{"role", "assistant"},
                           {"content", nullptr},
                           {"tool_calls",
                            {{{"index", 0},
                              {"id", "call_1"},
                              {"type", "function"},
                              {"function", {{"name", "send_sms"}, {"arguments", ""}}}}}}});
  for (const std::string& p : pieces) {
    out += event({{"tool_calls", {{{"index", 0}, {"function", {{"arguments", p}}}}}}});
  }
  out += event(json::object(), "tool_calls");
  return out + "data: [DONE]\n\n";
}

// The tool calls a client assembled from a stream, as (id, name, arguments).
std::vector<std::tuple<std::string, std::string, std::string>> StreamedToolCalls(
    const std::vector<std::string>& events) {
  std::map<int, std::tuple<std::string, std::string, std::string>> calls;
  for (const auto& e : events) {
    json j = json::parse(e, nullptr, false);
    if (!j.is_object() || !j.contains("choices")) continue;
    const json& delta = j["choices"][0]["delta"];
    if (!delta.contains("tool_calls")) continue;
    for (const json& t : delta["tool_calls"]) {
      auto& [id, name, arguments] = calls[t["index"].get<int>()];
      if (t.contains("id")) id += t["id"].get<std::string>();
      if (t.contains("function") && t["function"].contains("name")) {
        name += t["function"]["name"].get<std::string>();
      }
      if (t.contains("function") && t["function"].contains("arguments")) {
        arguments += t["function"]["arguments"].get<std::string>();
      }
    }
  }
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  for (auto& [index, c] : calls) out.push_back(c);
  return out;
}

TEST_F(GatewayIntegrationTest, StreamedToolCallArgumentsAreScannedAndMasked) {
  HttpResult r =
      Chat("[[mock:body-b64=" + Base64(ToolCallStream({"{\"to\":\"138", "1234", "5678\"}"})) + "]]",
           true);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.find("138"), std::string::npos) << r.body;
  auto events = Events(r.body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back(), "[DONE]");
  auto calls = StreamedToolCalls(events);
  ASSERT_EQ(calls.size(), 1u) << r.body;
  EXPECT_EQ(std::get<0>(calls[0]), "call_1");
  EXPECT_EQ(std::get<1>(calls[0]), "send_sms");
  EXPECT_EQ(std::get<2>(calls[0]), R"({"to":"[mobile]"})");
  EXPECT_NE(r.body.find(R"("finish_reason":"tool_calls")"), std::string::npos) << r.body;
  auto records = services_.Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome, "ok");
  EXPECT_EQ(records[0].output_verdict, "mask");
}

TEST_F(GatewayIntegrationTest, StreamedToolCallWithProhibitedArgumentsIsCut) {
  HttpResult r = Chat(
      "[[mock:body-b64=" + Base64(ToolCallStream({"{\"q\":\"forbid", "denword\"}"})) + "]]", true);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.find("forbid"), std::string::npos) << r.body;
  auto events = Events(r.body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(json::parse(events.back())["error"]["code"], "content_policy_violation") << r.body;
  EXPECT_TRUE(StreamedToolCalls(events).empty());
  auto records = services_.Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_NE(records[0].withheld_text.find("forbiddenword"), std::string::npos);
}

TEST_F(GatewayIntegrationTest, MalformedStreamedToolCallIsRefused) {
  json bad = {{"choices", {{{"index", 0}, {"delta", {{"tool_calls", "nope"}}}}}}};
  HttpResult r = Chat(
      "[[mock:body-b64=" + Base64("data: " + bad.dump() + "\n\ndata: [DONE]\n\n") + "]]", true);
  auto events = Events(r.body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(json::parse(events.back())["error"]["code"], "upstream_malformed_stream");
}

TEST_F(GatewayIntegrationTest, AnswerDeliveredFlaggedCarriesItsReviewMark) {
  Start(
      "pipeline:\n  - authenticate\n  - identity\n  - input_scan\n  - route\n"
      "  - output_scan: {categories: {borderline: review}, review_mode: deliver_flagged}\n"
      "  - audit\n  - metrics\n");
  HttpResult r = Chat("[[mock:reply-b64=" + Base64("this one: reviewme") + "]]");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = json::parse(r.body);
  EXPECT_EQ(j["hegui"]["flagged"], true) << r.body;
  EXPECT_EQ(j["hegui"]["review_id"], "rev-1") << r.body;
}

TEST_F(GatewayIntegrationTest, ModelsListsConfiguredModels) {
  HttpResult r = HttpCall(gateway_->port(), http::verb::get, "/v1/models", "",
                          {{"authorization", "Bearer sk-verified"}});
  ASSERT_EQ(r.status, 200);
  json j = json::parse(r.body);
  EXPECT_EQ(j["data"].size(), 3u);
  EXPECT_EQ(HttpCall(gateway_->port(), http::verb::get, "/v1/models").status, 401);
}

TEST_F(GatewayIntegrationTest, EmbeddingsAndCompletionsAreForwarded) {
  HttpResult e = HttpCall(gateway_->port(), http::verb::post, "/v1/embeddings",
                          R"({"model":"mock-embed","input":["a","b"]})",
                          {{"authorization", "Bearer sk-verified"}});
  ASSERT_EQ(e.status, 200) << e.body;
  EXPECT_EQ(json::parse(e.body)["data"].size(), 2u);
  HttpResult c = HttpCall(gateway_->port(), http::verb::post, "/v1/completions",
                          R"({"model":"mock-1","prompt":"complete me"})",
                          {{"authorization", "Bearer sk-verified"}});
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(json::parse(c.body)["choices"][0]["text"], "complete me");
}

TEST_F(GatewayIntegrationTest, MetricsAndHealth) {
  Chat("hi");
  HttpResult m = HttpCall(gateway_->port(), http::verb::get, "/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(
      m.body.find(
          "hegui_requests_total{endpoint=\"chat_completions\",outcome=\"ok\",status=\"200\"} 1"),
      std::string::npos)
      << m.body;
  EXPECT_EQ(HttpCall(gateway_->port(), http::verb::get, "/healthz").status, 200);
  EXPECT_EQ(HttpCall(gateway_->port(), http::verb::get, "/readyz").status, 200);
}

TEST_F(GatewayIntegrationTest, ReloadSwapsThePipelineWithoutRestart) {
  auto config = ParseGatewayConfig(
      "listen: 127.0.0.1:0\nthreads: 2\nlimits: {max_body_bytes: 65536, max_header_count: 30, "
      "read_timeout_ms: 1000}\nupstreams:\n  - {name: domestic, url: '" +
          domestic_->url() + "', region: cn, models: [mock-1]}\npipeline: [route, audit]\n",
      "reload.yaml");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  ASSERT_TRUE(gateway_->Reload(*config).ok());
  HttpResult r = Chat("no key needed now", false, "");
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(GatewayIntegrationTest, ReloadChangingTheListenAddressIsRefused) {
  auto config = ParseGatewayConfig("listen: 127.0.0.1:1\n", "reload.yaml");
  ASSERT_TRUE(config.ok());
  EXPECT_FALSE(gateway_->Reload(*config).ok());
}

}  // namespace
}  // namespace hegui::gateway::testing
