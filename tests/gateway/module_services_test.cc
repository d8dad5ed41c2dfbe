// ModuleServices over the real store and evidence log: the principal cache
// and its invalidation by the admin API, and asynchronous evidence records.
#include "gateway/module_services.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "audit/log.h"
#include "audit/record.h"
#include "gateway/module_admin_api.h"
#include "store/store.h"

namespace hegui::gateway {
namespace {

class ModuleServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "hegui-ms-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    GatewayConfig config;
    config.data_dir = dir_;
    config.store_path = dir_ + "/hegui.db";
    config.audit_dir = dir_ + "/audit";
    auto services = ModuleServices::Open(config);
    ASSERT_TRUE(services.ok()) << services.status().ToString();
    services_ = std::move(services).value();
    auto user = services_->store().CreateUser("Li Lei", store::Role::kUser);
    ASSERT_TRUE(user.ok()) << user.status().ToString();
    user_id_ = user->id;
    auto key = services_->store().CreateApiKey(user_id_, "laptop");
    ASSERT_TRUE(key.ok()) << key.status().ToString();
    token_ = key->token;
    key_id_ = key->key.key_id;
  }
  void TearDown() override {
    services_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string dir_;
  std::unique_ptr<ModuleServices> services_;
  store::UserId user_id_ = 0;
  std::string token_, key_id_;
};

TEST_F(ModuleServicesTest, RevocationThroughTheAdminApiTakesEffectAtOnce) {
  ASSERT_TRUE(services_->Authenticate(token_).ok());
  ASSERT_TRUE(services_->Authenticate(token_).ok());  // Now served from the cache.
  ModuleAdminApi admin(services_.get());
  AdminResponse revoked = admin.Handle("POST", "/keys/" + key_id_ + "/revoke", "");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  auto after = services_->Authenticate(token_);
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.status().code(), StatusCode::kUnauthenticated);
}

TEST_F(ModuleServicesTest, IdentityVerifiedThroughTheAdminApiIsSeenAtOnce) {
  auto before = services_->Authenticate(token_);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->identity_verified);
  ModuleAdminApi admin(services_.get());
  AdminResponse verified = admin.Handle("POST", "/users/" + std::to_string(user_id_) + "/verify",
                                        R"({"method":"mobile"})");
  ASSERT_EQ(verified.status, 200) << verified.body;
  auto after = services_->Authenticate(token_);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->identity_verified);
}

TEST_F(ModuleServicesTest, WrongSecretsAreRefusedEvenAfterTheRightOneWasCached) {
  ASSERT_TRUE(services_->Authenticate(token_).ok());
  std::string wrong = token_;
  wrong.back() = wrong.back() == 'a' ? 'b' : 'a';
  EXPECT_EQ(services_->Authenticate(wrong).status().code(), StatusCode::kUnauthenticated);
}

TEST_F(ModuleServicesTest, ConcurrentAsyncRecordsAreAllDurableWhenReported) {
  constexpr int kThreads = 4, kCalls = 50;
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        Call call;
        call.request_id = "req-" + std::to_string(t) + "-" + std::to_string(i);
        call.model = "mock-1";
        call.principal = Principal{"user:1", key_id_, false};
        services_->RecordCallAsync(call, [&](Status s) { (s.ok() ? ok : failed)++; });
      }
    });
  }
  for (auto& th : threads) th.join();
  services_->WaitForPendingRecords();
  EXPECT_EQ(ok.load(), kThreads * kCalls);
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GE(services_->log().size(), static_cast<uint64_t>(kThreads * kCalls));
  EXPECT_TRUE(services_->EvidenceLogHealthy().ok());
}

TEST(CallRecordsTest, BodyIsJsonWithEveryFieldAndInvalidUtf8Replaced) {
  Call call;
  call.request_id = "req-1";
  call.model = std::string("m\"o\\d\n") + "\xff" + "你";
  call.client_address = "127.0.0.1:5";
  call.principal = Principal{"user:7", "key-1", true};
  call.findings.push_back(CallFinding{"input", "pi", "mobile", "", "pi.mobile", 3, 11, "mask"});
  call.failure = "upstream 'u' answered HTTP 500: \x01";
  call.outcome = "upstream_error";
  std::vector<audit::Record> records = ModuleServices::CallRecords(call);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[0].built_body.has_value());  // Taken by the log unparsed.
  EXPECT_TRUE(records[0].body.empty());
  auto body = nlohmann::json::parse(records[0].built_body->text());  // Throws if not JSON.
  EXPECT_EQ(body["model"], std::string("m\"o\\d\n") + "\xEF\xBF\xBD" + "你");
  EXPECT_EQ(body["request_id"], "req-1");
  EXPECT_EQ(body["identity_verified"], true);
  EXPECT_EQ(body["http_status"], 200);
  EXPECT_EQ(body["outcome"], "upstream_error");
  EXPECT_TRUE(body["latency_ms"].is_number());
  ASSERT_EQ(body["findings"].size(), 1u);
  EXPECT_EQ(body["findings"][0]["type"], "mobile");
  EXPECT_EQ(body["findings"][0]["length"], 11);
  EXPECT_EQ(body.size(), 19u);
  ASSERT_TRUE(records[1].built_body.has_value());
  auto failure = nlohmann::json::parse(records[1].built_body->text());
  EXPECT_EQ(failure["failure"], "upstream 'u' answered HTTP 500: \x01");
  EXPECT_EQ(records[0].actor, "key:key-1");
  EXPECT_EQ(records[0].subject, "user:7");
}

}  // namespace
}  // namespace hegui::gateway
