// ModuleServices over the real store and evidence log: the principal cache
// and its invalidation by the admin API, and asynchronous evidence records.
#include "gateway/module_services.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "audit/log.h"
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

}  // namespace
}  // namespace hegui::gateway
