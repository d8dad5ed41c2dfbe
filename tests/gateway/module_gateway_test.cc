// The gateway over the real modules (ModuleServices: SQLite store, scan/
// Scanner, audit/ evidence log in a temporary directory) and real loopback
// sockets: the admin API under /admin, and what the real scanner does to
// prompts on their way to the mock upstream. Evidence is checked by reading
// the log back with audit::LogReader.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "audit/log_reader.h"
#include "audit/log_verifier.h"
#include "audit/record_codec.h"
#include "gateway/gateway.h"
#include "gateway/mock_upstream.h"
#include "gateway/module_admin_api.h"
#include "gateway/module_services.h"
#include "store/store.h"
#include "tests/gateway/http_test_client.h"

namespace hegui::gateway::testing {
namespace {

using nlohmann::json;

constexpr char kAdminToken[] = "admin-secret-for-tests";

class ModuleGatewayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("hegui-module-gw-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    MockUpstreamOptions options;
    options.models = {"mock-1"};
    options.chunk_chars = 3;
    mock_ = std::move(MockUpstream::Start(options)).value();
    ::setenv("HEGUI_TEST_ADMIN_TOKEN", kAdminToken, 1);
  }

  void TearDown() override {
    gateway_.reset();
    admin_.reset();
    services_.reset();
    ::unsetenv("HEGUI_TEST_ADMIN_TOKEN");
    std::filesystem::remove_all(dir_);
  }

  // Starts the gateway with `pipeline` (YAML list, or "" for all stages);
  // `upstream_fields` (", key: value" pairs) go into the upstream's entry.
  void Start(const std::string& pipeline = "",
             const std::string& token_env = "HEGUI_TEST_ADMIN_TOKEN",
             const std::string& upstream_fields = "") {
    std::string yaml = "listen: 127.0.0.1:0\nthreads: 2\ndata_dir: " + dir_.string() +
                       "\nadmin:\n  token_env: " + token_env +
                       "\nupstreams:\n  - {name: domestic, url: '" + mock_->url() +
                       "', region: cn, models: [mock-1]" + upstream_fields + "}\n" + pipeline;
    auto config = ParseGatewayConfig(yaml, "module.yaml");
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    auto services = ModuleServices::Open(**config);
    ASSERT_TRUE(services.ok()) << services.status().ToString();
    services_ = std::move(services).value();
    admin_ = std::make_unique<ModuleAdminApi>(services_.get());
    auto gateway = Gateway::Start(*config, services_.get(), admin_.get());
    ASSERT_TRUE(gateway.ok()) << gateway.status().ToString();
    gateway_ = std::move(gateway).value();
  }

  HttpResult Admin(http::verb method, const std::string& path, const std::string& body = "",
                   const std::string& token = kAdminToken) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!token.empty()) headers.emplace_back("authorization", "Bearer " + token);
    return HttpCall(gateway_->port(), method, "/admin" + path, body, headers);
  }

  // A verified user with a key, made through the admin API; returns the key.
  std::string VerifiedKey() {
    HttpResult user = Admin(http::verb::post, "/users", R"({"name":"carol","role":"user"})");
    EXPECT_EQ(user.status, 201) << user.body;
    int64_t id = json::parse(user.body)["id"];
    HttpResult verified = Admin(http::verb::post, "/users/" + std::to_string(id) + "/verify",
                                R"({"method":"mobile"})");
    EXPECT_EQ(verified.status, 200) << verified.body;
    HttpResult key =
        Admin(http::verb::post, "/keys", json{{"user_id", id}, {"label", "test key"}}.dump());
    EXPECT_EQ(key.status, 201) << key.body;
    return json::parse(key.body)["token"];
  }

  HttpResult Chat(const std::string& key, const std::string& content, bool stream = false) {
    json body = {{"model", "mock-1"},
                 {"stream", stream},
                 {"messages", json::array({{{"role", "user"}, {"content", content}}})}};
    return HttpCall(gateway_->port(), http::verb::post, "/v1/chat/completions", body.dump(),
                    {{"authorization", "Bearer " + key}});
  }

  // The records of `kind` in the evidence log, as (actor, body) pairs.
  std::vector<std::pair<std::string, json>> Records(std::string_view kind) {
    std::vector<std::pair<std::string, json>> out;
    auto reader = audit::LogReader::Open((dir_ / "audit").string());
    EXPECT_TRUE(reader.ok()) << reader.status().ToString();
    if (!reader.ok()) return out;
    Status s = (*reader)->ForEachRecord(0, [&](uint64_t, std::string_view payload) {
      auto record = audit::DecodeRecord(payload);
      EXPECT_TRUE(record.ok()) << record.status().ToString();
      if (record.ok() && audit::RecordKindName(record->kind) == kind) {
        out.emplace_back(record->actor, json::parse(record->body));
      }
      return true;
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  static void ExpectOpenAiError(const HttpResult& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    json j = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(j.is_object() && j.contains("error")) << r.body;
    EXPECT_TRUE(j["error"]["message"].is_string()) << r.body;
    EXPECT_TRUE(j["error"]["type"].is_string()) << r.body;
    EXPECT_TRUE(j["error"].contains("code")) << r.body;
    EXPECT_TRUE(j["error"].contains("param")) << r.body;
  }

  std::filesystem::path dir_;
  std::unique_ptr<MockUpstream> mock_;
  std::unique_ptr<ModuleServices> services_;
  std::unique_ptr<ModuleAdminApi> admin_;
  std::unique_ptr<Gateway> gateway_;
};

// ---------------------------------------------------------------- admin API

TEST_F(ModuleGatewayTest, AdminApiIsOffWithoutAToken) {
  Start("", "HEGUI_TEST_NO_SUCH_TOKEN_VARIABLE");
  HttpResult r = Admin(http::verb::get, "/users");
  ExpectOpenAiError(r, 404);
  EXPECT_NE(r.body.find("admin API is off"), std::string::npos) << r.body;
}

TEST_F(ModuleGatewayTest, AdminWithoutTokenIs401) {
  Start();
  for (const std::string path : {"/users", "/keys", "/reviews"}) {
    HttpResult r = Admin(http::verb::get, path, "", "");
    ExpectOpenAiError(r, 401);
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "invalid_api_key");
  }
  HttpResult post = Admin(http::verb::post, "/users", R"({"name":"mallory"})", "");
  ExpectOpenAiError(post, 401);
  EXPECT_TRUE(Records("permission_change").empty());
}

TEST_F(ModuleGatewayTest, AdminWithWrongTokenIs401AndChangesNothing) {
  Start();
  HttpResult r =
      Admin(http::verb::post, "/users", R"({"name":"mallory"})", "admin-secret-for-test");
  ExpectOpenAiError(r, 401);
  HttpResult longer = Admin(http::verb::get, "/users", "", std::string(kAdminToken) + "x");
  ExpectOpenAiError(longer, 401);
  HttpResult users = Admin(http::verb::get, "/users");
  ASSERT_EQ(users.status, 200) << users.body;
  EXPECT_TRUE(json::parse(users.body)["data"].empty());
  EXPECT_TRUE(Records("permission_change").empty());
}

TEST_F(ModuleGatewayTest, AUserApiKeyIsNotAnAdminToken) {
  Start();
  std::string key = VerifiedKey();
  ExpectOpenAiError(Admin(http::verb::get, "/users", "", key), 401);
}

TEST_F(ModuleGatewayTest, UsersAreCreatedVerifiedAndListedWithEvidence) {
  Start();
  HttpResult created = Admin(http::verb::post, "/users", R"({"name":"dora","role":"reviewer"})");
  ASSERT_EQ(created.status, 201) << created.body;
  json user = json::parse(created.body);
  EXPECT_EQ(user["display_name"], "dora");
  EXPECT_EQ(user["role"], "reviewer");
  EXPECT_NE(user["identity"], "verified");
  int64_t id = user["id"];
  HttpResult verified =
      Admin(http::verb::post, "/users/" + std::to_string(id) + "/verify", R"({"method":"mobile"})");
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(json::parse(verified.body)["identity"], "verified");
  HttpResult list = Admin(http::verb::get, "/users");
  ASSERT_EQ(list.status, 200);
  json data = json::parse(list.body)["data"];
  ASSERT_EQ(data.size(), 1u);
  EXPECT_EQ(data[0]["id"], id);
  EXPECT_EQ(data[0]["identity_method"], "mobile");

  auto records = Records("permission_change");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].first, "admin");
  EXPECT_EQ(records[0].second["action"], "user_created");
  EXPECT_EQ(records[0].second["user_id"], id);
  EXPECT_EQ(records[1].second["action"], "identity_verified");
  EXPECT_EQ(records[1].second["method"], "mobile");
}

TEST_F(ModuleGatewayTest, KeysAreIssuedListedAndRevokedWithEvidence) {
  Start();
  std::string key = VerifiedKey();
  EXPECT_EQ(Chat(key, "hello").status, 200);
  HttpResult list = Admin(http::verb::get, "/keys");
  ASSERT_EQ(list.status, 200);
  json keys = json::parse(list.body)["data"];
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_FALSE(keys[0].contains("token"));
  EXPECT_EQ(list.body.find(key), std::string::npos) << "the secret must never be listed";
  EXPECT_EQ(keys[0]["revoked"], false);
  std::string key_id = keys[0]["key_id"];

  HttpResult revoked = Admin(http::verb::post, "/keys/" + key_id + "/revoke");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(json::parse(revoked.body)["revoked"], true);
  HttpResult refused = Chat(key, "hello again");
  ExpectOpenAiError(refused, 401);

  auto records = Records("permission_change");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[2].second["action"], "key_created");
  EXPECT_EQ(records[3].second["action"], "key_revoked");
  EXPECT_EQ("hg_" + records[3].second["key_id"].get<std::string>(), key_id);
  for (const auto& [actor, body] : records) {
    EXPECT_EQ(body.dump().find(key), std::string::npos) << "no secret in the evidence";
  }
}

TEST_F(ModuleGatewayTest, ReviewQueueIsListedAndDecidedWithAHumanOverrideRecord) {
  Start(
      "pipeline:\n  - authenticate\n  - identity\n  - input_scan: {pi: review}\n  - route\n"
      "  - output_scan\n  - audit\n  - metrics\n");
  std::string key = VerifiedKey();
  HttpResult held = Chat(key, "please call 13812345678 tomorrow");
  ExpectOpenAiError(held, 403);
  EXPECT_EQ(json::parse(held.body)["error"]["code"], "held_for_review");
  EXPECT_EQ(mock_->last_request_body(), "");

  HttpResult pending = Admin(http::verb::get, "/reviews?status=pending");
  ASSERT_EQ(pending.status, 200) << pending.body;
  json items = json::parse(pending.body)["data"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["status"], "pending");
  EXPECT_EQ(items[0]["request_summary"].get<std::string>().find("13812345678"), std::string::npos)
      << "the review summary is masked";
  int64_t id = items[0]["id"];

  HttpResult decided = Admin(http::verb::post, "/reviews/" + std::to_string(id) + "/decision",
                             R"({"decision":"rejected","reviewer":"rita","note":"PI"})");
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(json::parse(decided.body)["status"], "rejected");
  EXPECT_EQ(json::parse(decided.body)["reviewer"], "rita");
  HttpResult again = Admin(http::verb::post, "/reviews/" + std::to_string(id) + "/decision",
                           R"({"decision":"approved","reviewer":"rex"})");
  ExpectOpenAiError(again, 409);
  EXPECT_TRUE(json::parse(Admin(http::verb::get, "/reviews?status=pending").body)["data"].empty());
  EXPECT_EQ(json::parse(Admin(http::verb::get, "/reviews?status=rejected").body)["data"].size(),
            1u);
  EXPECT_EQ(json::parse(Admin(http::verb::get, "/reviews").body)["data"].size(), 1u);

  auto overrides = Records("human_override");
  ASSERT_EQ(overrides.size(), 1u);
  EXPECT_EQ(overrides[0].first, "admin");
  EXPECT_EQ(overrides[0].second["review_id"], id);
  EXPECT_EQ(overrides[0].second["decision"], "rejected");
  EXPECT_EQ(overrides[0].second["reviewer"], "rita");
  EXPECT_EQ(overrides[0].second["request_id"], items[0]["request_id"]);
}

TEST_F(ModuleGatewayTest, BadAdminRequestsGetOpenAiErrors) {
  Start();
  ExpectOpenAiError(Admin(http::verb::post, "/users", "not json"), 400);
  ExpectOpenAiError(Admin(http::verb::post, "/users", R"({"name": 7})"), 400);
  ExpectOpenAiError(Admin(http::verb::post, "/users", R"({"name":"x","role":"emperor"})"), 400);
  ExpectOpenAiError(Admin(http::verb::post, "/users/abc/verify", R"({"method":"mobile"})"), 400);
  ExpectOpenAiError(Admin(http::verb::post, "/users/1/verify", R"({})"), 400);
  ExpectOpenAiError(Admin(http::verb::post, "/users/999/verify", R"({"method":"mobile"})"), 404);
  ExpectOpenAiError(Admin(http::verb::post, "/keys", R"({"user_id":"one"})"), 400);
  ExpectOpenAiError(Admin(http::verb::post, "/keys", R"({"user_id":999})"), 404);
  ExpectOpenAiError(Admin(http::verb::post, "/keys/hg_nosuchkey/revoke"), 400);
  ExpectOpenAiError(Admin(http::verb::post, "/keys/hg_0123456789abcdef/revoke"), 404);
  ExpectOpenAiError(Admin(http::verb::get, "/reviews?status=bogus"), 400);
  ExpectOpenAiError(
      Admin(http::verb::post, "/reviews/1/decision", R"({"decision":"maybe","reviewer":"r"})"),
      400);
  ExpectOpenAiError(Admin(http::verb::post, "/reviews/1/decision", R"({"decision":"approved"})"),
                    400);
  ExpectOpenAiError(
      Admin(http::verb::post, "/reviews/42/decision", R"({"decision":"approved","reviewer":"r"})"),
      404);
  ExpectOpenAiError(Admin(http::verb::delete_, "/users"), 404);
  ExpectOpenAiError(Admin(http::verb::get, "/nothing-here"), 404);
  EXPECT_TRUE(Records("permission_change").empty());
  EXPECT_TRUE(Records("human_override").empty());
}

// ---------------------------------------------------------------- scanning

std::string Base64(std::string_view in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t v = 0;
  int bits = 0;
  for (unsigned char c : in) {
    v = (v << 8) | c;
    bits += 8;
    while (bits >= 6) out.push_back(k[(v >> (bits -= 6)) & 63]);
  }
  if (bits > 0) out.push_back(k[(v << (6 - bits)) & 63]);
  while (out.size() % 4) out.push_back('=');
  return out;
}

// The text a client got from an event stream.
std::string StreamedText(const std::string& body) {
  std::string text;
  size_t pos = 0;
  while ((pos = body.find("data: ", pos)) != std::string::npos) {
    size_t end = body.find("\n\n", pos);
    json j = json::parse(body.substr(pos + 6, end - pos - 6), nullptr, false);
    if (j.is_object() && j.contains("choices") && !j["choices"].empty() &&
        j["choices"][0].contains("delta") && j["choices"][0]["delta"].contains("content") &&
        j["choices"][0]["delta"]["content"].is_string()) {
      text += j["choices"][0]["delta"]["content"].get<std::string>();
    }
    pos = end;
  }
  return text;
}

// audit.durability: written. The log acknowledges a record once written (its
// callback runs on the server thread that appended, inside the completion the
// call's coroutine awaits); every call is answered, its record is in the log,
// and the log verifies once closed.
TEST_F(ModuleGatewayTest, WrittenDurabilityAnswersEveryCallAndKeepsItsRecord) {
  Start("audit:\n  durability: written\n");
  std::string key = VerifiedKey();
  int answered = 0;
  for (int i = 0; i < 6; ++i) {
    HttpResult r = Chat(key, "第" + std::to_string(i) + "个问题", i % 3 == 2);
    EXPECT_EQ(r.status, 200) << r.body;
    answered += r.status == 200;
  }
  std::vector<std::thread> threads;
  std::atomic<int> concurrent{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        concurrent += Chat(key, "thread " + std::to_string(t), i % 2 == 1).status == 200;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(concurrent.load(), 20);
  answered += concurrent.load();
  EXPECT_EQ(Records("model_call").size(), static_cast<size_t>(answered));
  gateway_.reset();
  admin_.reset();
  services_.reset();  // Closes the log.
  auto report = audit::VerifyLog((dir_ / "audit").string(), {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->kinds["model_call"], static_cast<uint64_t>(answered));
}

TEST_F(ModuleGatewayTest, FullWidthMobileNumberReachesTheUpstreamMasked) {
  Start();
  std::string key = VerifiedKey();
  const std::string prompt =
      "call me on \uff11\uff13\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18 now";
  HttpResult r = Chat(key, prompt);
  ASSERT_EQ(r.status, 200) << r.body;
  json seen = json::parse(mock_->last_request_body());
  EXPECT_EQ(seen["messages"][0]["content"], "call me on [mobile_phone] now") << seen.dump();
  // One finding, pointing at the original (full-width) bytes, recorded once.
  auto calls = Records("model_call");
  ASSERT_EQ(calls.size(), 1u);
  json findings = calls[0].second["findings"];
  ASSERT_EQ(findings.size(), 1u) << findings.dump();
  EXPECT_EQ(findings[0]["type"], "mobile_phone");
  EXPECT_EQ(findings[0]["where"], "input");
  EXPECT_EQ(findings[0]["offset"], prompt.find("\uff11"));
  EXPECT_EQ(findings[0]["length"], 33);  // Eleven 3-byte characters.
  EXPECT_EQ(calls[0].second["input_verdict"], "mask");
  HttpResult m = HttpCall(gateway_->port(), http::verb::get, "/metrics");
  EXPECT_NE(m.body.find(R"(hegui_pi_findings_total{where="input",type="mobile_phone"} 1)"
                        "\n"),
            std::string::npos)
      << m.body;
}

TEST_F(ModuleGatewayTest, EachPersonalInformationValueIsFoundOnceWithItsArticle) {
  Start();
  std::string key = VerifiedKey();
  HttpResult r = Chat(key, "plain 13812345678 and streamed");
  ASSERT_EQ(r.status, 200) << r.body;
  HttpResult s = Chat(key, "[[mock:reply-b64=" + Base64("reply 13987654321 end") + "]]", true);
  ASSERT_EQ(s.status, 200) << s.body;
  auto calls = Records("model_call");
  ASSERT_EQ(calls.size(), 2u);
  for (const auto& [actor, body] : calls) {
    ASSERT_EQ(body["findings"].size(), 1u) << body.dump();
    EXPECT_EQ(body["findings"][0]["type"], "mobile_phone");
    EXPECT_EQ(body["findings"][0]["article"], "44");  // CSL Art. 44 (personal information).
    EXPECT_EQ(body["findings"][0]["length"], 11);
  }
  EXPECT_EQ(calls[0].second["findings"][0]["offset"], 6);
  EXPECT_EQ(calls[1].second["findings"][0]["offset"], 6);
}

TEST_F(ModuleGatewayTest, ZeroWidthSplitMobileNumberReachesTheUpstreamMasked) {
  Start();
  std::string key = VerifiedKey();
  HttpResult r = Chat(key, "number: 138\u200b1234\u200d5678.");
  ASSERT_EQ(r.status, 200) << r.body;
  json seen = json::parse(mock_->last_request_body());
  EXPECT_EQ(seen["messages"][0]["content"], "number: [mobile_phone].") << seen.dump();
}

TEST_F(ModuleGatewayTest, FullWidthResidentIdIsMasked) {
  Start();
  std::string key = VerifiedKey();
  // 11010519491231002X with full-width digits and letter.
  std::string id =
      "\uff11\uff11\uff10\uff11\uff10\uff15\uff11\uff19\uff14\uff19\uff11\uff12"
      "\uff13\uff11\uff10\uff10\uff12\uff38";
  HttpResult r = Chat(key, "ID " + id);
  ASSERT_EQ(r.status, 200) << r.body;
  json seen = json::parse(mock_->last_request_body());
  EXPECT_EQ(seen["messages"][0]["content"], "ID [resident_id]") << seen.dump();
}

TEST_F(ModuleGatewayTest, StreamedFullWidthAndZeroWidthNumbersAreMaskedAcrossDeltas) {
  Start();
  std::string key = VerifiedKey();
  std::string reply =
      "first \uff11\uff13\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18"
      ", then 139\u200b8765\u200b4321, done.";
  HttpResult r =
      Chat(key, "[[mock:reply-b64=" + Base64(reply) + "]][[mock:chunk=2]]", /*stream=*/true);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("data: [DONE]"), std::string::npos) << r.body;
  EXPECT_EQ(StreamedText(r.body), "first [mobile_phone], then [mobile_phone], done.") << r.body;
  auto calls = Records("model_call");
  ASSERT_EQ(calls.size(), 1u);
  json findings = calls[0].second["findings"];
  ASSERT_EQ(findings.size(), 2u) << findings.dump();
  EXPECT_EQ(findings[0]["where"], "output");
  EXPECT_EQ(findings[0]["offset"], reply.find("\uff11"));
  EXPECT_EQ(findings[1]["offset"], reply.find("139"));
  EXPECT_EQ(calls[0].second["output_verdict"], "mask");
}

// A slow answer is not held back for a whole scan batch: what the first
// delta released reaches the client while the upstream is still silent (its
// next delta is two minutes away; the client hangs up after three seconds,
// the gateway gives up on the upstream after four).
TEST_F(ModuleGatewayTest, StreamedTextIsReleasedWhileTheUpstreamPauses) {
  Start("", "HEGUI_TEST_ADMIN_TOKEN", ", read_timeout_ms: 4000");
  std::string key = VerifiedKey();
  const std::string reply = "你好，这是第一段。然后是第二段。";
  const std::string body =
      json{{"model", "mock-1"},
           {"stream", true},
           {"messages",
            json::array({{{"role", "user"},
                          {"content", "[[mock:reply-b64=" + Base64(reply) +
                                          "]][[mock:chunk=9]][[mock:chunk_delay=120000]]"}}})}}
          .dump();
  const std::string request =
      "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\n\r\n" + body;
  const std::string partial = RawExchange(gateway_->port(), request, std::chrono::seconds(3));
  const std::string text = StreamedText(partial);
  EXPECT_FALSE(text.empty()) << partial;
  EXPECT_TRUE(std::string("你好，这是第一段。").starts_with(text)) << text;
}

}  // namespace
}  // namespace hegui::gateway::testing
