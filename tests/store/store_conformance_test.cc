// The store conformance suite: every backend must pass every test here.
// Instantiated for SQLite (file and in-memory) and PostgreSQL (when
// HEGUI_TEST_PG is set; skipped with the reason otherwise).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "backends.h"
#include "store/api_key_token.h"
#include "store/migrations.h"
#include "store/open.h"

namespace hegui::store {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::TestBackend;

struct BackendCase {
  const char* name;
  std::unique_ptr<TestBackend> (*make)();
};

void PrintTo(const BackendCase& c, std::ostream* os) { *os << c.name; }

class StoreConformanceTest : public ::testing::TestWithParam<BackendCase> {
 protected:
  void SetUp() override {
    backend_ = GetParam().make();
    if (std::string why = backend_->SkipReason(); !why.empty()) GTEST_SKIP() << why;
    StatusOr<std::unique_ptr<Store>> s = OpenStore();
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }

  StatusOr<std::unique_ptr<Store>> OpenStore(StoreOptions options = {}) {
    options.clock = [this] { return Time(std::chrono::microseconds(now_us_.load())); };
    return Open(backend_->Url(), options);
  }

  void Advance(std::chrono::microseconds d) { now_us_ += d.count(); }
  Time Now() const { return Time(std::chrono::microseconds(now_us_.load())); }

  User MakeUser(const std::string& name, Role role = Role::kUser) {
    StatusOr<User> u = store_->CreateUser(name, role);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? *u : User{};
  }

  std::unique_ptr<TestBackend> backend_;
  std::unique_ptr<Store> store_;
  std::atomic<int64_t> now_us_{1'780'000'000'000'000};  // Mid 2026.
};

// --- Schema ---

TEST_P(StoreConformanceTest, FreshDatabaseIsAtLatestSchemaVersion) {
  StatusOr<int> version = store_->SchemaVersion();
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, kLatestSchemaVersion);
}

TEST_P(StoreConformanceTest, MigratingAnExistingDatabaseKeepsItsData) {
  if (!backend_->Persistent()) GTEST_SKIP() << "an in-memory database does not outlive its store";
  store_.reset();
  // A fresh database migrated only to version 1, as an older hegui left it.
  auto other = GetParam().make();
  backend_ = std::move(other);
  StoreOptions old_binary;
  old_binary.migrate_up_to = 1;
  StatusOr<std::unique_ptr<Store>> old_store = OpenStore(old_binary);
  ASSERT_TRUE(old_store.ok()) << old_store.status().ToString();
  ASSERT_EQ(*(*old_store)->SchemaVersion(), 1);
  StatusOr<User> user = (*old_store)->CreateUser("Wang Fang", Role::kUser);
  ASSERT_TRUE(user.ok()) << user.status().ToString();
  StatusOr<IssuedApiKey> key = (*old_store)->CreateApiKey(user->id, "old");
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_FALSE((*old_store)->CreateReviewItem({.reason = "r"}).ok())
      << "version 1 has no review queue";
  old_store->reset();

  StatusOr<std::unique_ptr<Store>> upgraded = OpenStore();
  ASSERT_TRUE(upgraded.ok()) << upgraded.status().ToString();
  EXPECT_EQ(*(*upgraded)->SchemaVersion(), kLatestSchemaVersion);
  StatusOr<Principal> p = (*upgraded)->Authenticate(key->token);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->user.display_name, "Wang Fang");
  StatusOr<ReviewItem> item = (*upgraded)->CreateReviewItem({.reason = "lexicon match"});
  EXPECT_TRUE(item.ok()) << item.status().ToString();
}

TEST_P(StoreConformanceTest, ReviewItemsFromVersion4GainDefaultSideAndHeld) {
  if (!backend_->Persistent()) GTEST_SKIP() << "an in-memory database does not outlive its store";
  store_.reset();
  backend_ = GetParam().make();
  StoreOptions v4;
  v4.migrate_up_to = 4;
  StatusOr<std::unique_ptr<Store>> old_store = OpenStore(v4);
  ASSERT_TRUE(old_store.ok()) << old_store.status().ToString();
  // A version-4 binary's insert (no side, no held columns).
  ASSERT_TRUE(backend_
                  ->RawExec("INSERT INTO review_items (created_at, reason, category, article, "
                            "request_summary) VALUES (1, 'old', 'c', 'a', 's')")
                  .ok());
  old_store->reset();
  StatusOr<std::unique_ptr<Store>> upgraded = OpenStore();
  ASSERT_TRUE(upgraded.ok()) << upgraded.status().ToString();
  StatusOr<std::vector<ReviewItem>> items = (*upgraded)->ListReviewItems(std::nullopt, 10);
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ((*items)[0].reason, "old");
  EXPECT_EQ((*items)[0].side, "");
  EXPECT_FALSE((*items)[0].held);
}

TEST_P(StoreConformanceTest, DatabaseFromANewerBinaryIsRefused) {
  if (!backend_->Persistent()) GTEST_SKIP() << "an in-memory database does not outlive its store";
  store_.reset();
  ASSERT_TRUE(backend_
                  ->RawExec("INSERT INTO schema_migrations (version, name, applied_at) "
                            "VALUES (99, 'from the future', 0)")
                  .ok());
  StatusOr<std::unique_ptr<Store>> reopened = OpenStore();
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(reopened.status().message(), HasSubstr("version 99"));
  EXPECT_THAT(reopened.status().message(), HasSubstr("newer than this hegui binary"));
}

TEST_P(StoreConformanceTest, ReopeningSeesTheSameRecords) {
  if (!backend_->Persistent()) GTEST_SKIP() << "an in-memory database does not outlive its store";
  User u = MakeUser("Li Lei", Role::kAdmin);
  store_.reset();
  StatusOr<std::unique_ptr<Store>> reopened = OpenStore();
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  StatusOr<User> again = (*reopened)->GetUser(u.id);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->display_name, "Li Lei");
  EXPECT_EQ(again->role, Role::kAdmin);
}

// --- Users ---

TEST_P(StoreConformanceTest, CreatedUserReadsBackUnverified) {
  User u = MakeUser("Han Meimei", Role::kReviewer);
  EXPECT_GT(u.id, 0);
  StatusOr<User> got = store_->GetUser(u.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->display_name, "Han Meimei");
  EXPECT_EQ(got->role, Role::kReviewer);
  EXPECT_EQ(got->identity_status, IdentityStatus::kUnverified);
  EXPECT_EQ(got->identity_method, "");
  EXPECT_FALSE(got->identity_verified_at.has_value());
  EXPECT_EQ(got->created_at, Now());
}

TEST_P(StoreConformanceTest, DuplicateUserNameIsAlreadyExists) {
  MakeUser("Zhang San");
  StatusOr<User> dup = store_->CreateUser("Zhang San", Role::kAdmin);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(dup.status().message(), "a user named 'Zhang San' already exists");
}

TEST_P(StoreConformanceTest, EmptyUserNameIsInvalid) {
  StatusOr<User> u = store_->CreateUser("", Role::kUser);
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreConformanceTest, UnknownUserIsNotFound) {
  StatusOr<User> u = store_->GetUser(4242);
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(u.status().message(), "user 4242 does not exist");
}

TEST_P(StoreConformanceTest, VerifyingIdentityRecordsMethodAndTime) {
  User u = MakeUser("Zhao Liu");
  const Time at = Now() + std::chrono::hours(1);
  StatusOr<User> v = store_->VerifyUserIdentity(u.id, "mobile", at);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->identity_status, IdentityStatus::kVerified);
  EXPECT_EQ(v->identity_method, "mobile");
  EXPECT_EQ(v->identity_verified_at, at);
  EXPECT_EQ(store_->GetUser(u.id)->identity_status, IdentityStatus::kVerified);
  EXPECT_EQ(store_->VerifyUserIdentity(999, "mobile", at).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->VerifyUserIdentity(u.id, "", at).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreConformanceTest, ListUsersIsInIdOrderAndRoleChanges) {
  User a = MakeUser("a");
  User b = MakeUser("b");
  StatusOr<User> promoted = store_->SetUserRole(b.id, Role::kAuditor);
  ASSERT_TRUE(promoted.ok()) << promoted.status().ToString();
  StatusOr<std::vector<User>> all = store_->ListUsers();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, a.id);
  EXPECT_EQ((*all)[1].id, b.id);
  EXPECT_EQ((*all)[1].role, Role::kAuditor);
}

// --- API keys ---

TEST_P(StoreConformanceTest, IssuedKeyAuthenticatesAsItsOwner) {
  User u = MakeUser("Sun Qi");
  StatusOr<IssuedApiKey> k = store_->CreateApiKey(u.id, "laptop");
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->token.substr(0, 3 + kKeyIdHexDigits), "hg_" + k->key.key_id);
  EXPECT_EQ(k->token.size(), 3 + kKeyIdHexDigits + 1 + kSecretHexDigits);
  EXPECT_EQ(k->key.user_id, u.id);
  EXPECT_EQ(k->key.label, "laptop");
  EXPECT_FALSE(k->key.revoked);
  StatusOr<Principal> p = store_->Authenticate(k->token);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->key.key_id, k->key.key_id);
  EXPECT_EQ(p->user.id, u.id);
  EXPECT_EQ(p->user.display_name, "Sun Qi");
  EXPECT_EQ(p->user.identity_status, IdentityStatus::kUnverified);
}

TEST_P(StoreConformanceTest, OnlyTheSecretsHashIsStored) {
  if (!backend_->Persistent()) GTEST_SKIP() << "needs raw access to the database";
  User u = MakeUser("Zhou Ba");
  StatusOr<IssuedApiKey> k = store_->CreateApiKey(u.id, "");
  ASSERT_TRUE(k.ok());
  StatusOr<ApiKeyToken> parsed = ParseApiKeyToken(k->token);
  ASSERT_TRUE(parsed.ok());
  const std::string hash = HashApiKeySecret(parsed->secret);
  StatusOr<int64_t> hashed =
      backend_->RawCount("SELECT COUNT(*) FROM api_keys WHERE secret_sha256 = '" + hash + "'");
  ASSERT_TRUE(hashed.ok()) << hashed.status().ToString();
  EXPECT_EQ(*hashed, 1);
  const std::string& secret = parsed->secret;
  StatusOr<int64_t> plain =
      backend_->RawCount("SELECT COUNT(*) FROM api_keys WHERE secret_sha256 = '" + secret +
                         "' OR label = '" + secret + "' OR key_id = '" + secret + "'");
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_EQ(*plain, 0) << "a row in api_keys holds the plain secret";
}

TEST_P(StoreConformanceTest, UnknownKeyIsUnauthenticated) {
  StatusOr<ApiKeyToken> t = GenerateApiKeyToken();
  ASSERT_TRUE(t.ok());
  StatusOr<Principal> p = store_->Authenticate(t->token());
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(p.status().message(), "unknown API key hg_" + t->key_id);
}

TEST_P(StoreConformanceTest, WrongSecretIsUnauthenticatedWithoutEchoingIt) {
  User u = MakeUser("Wu Jiu");
  StatusOr<IssuedApiKey> k = store_->CreateApiKey(u.id, "");
  ASSERT_TRUE(k.ok());
  std::string forged = k->token;
  forged.back() = forged.back() == '0' ? '1' : '0';
  StatusOr<Principal> p = store_->Authenticate(forged);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kUnauthenticated);
  EXPECT_THAT(p.status().message(), HasSubstr("wrong secret"));
  EXPECT_THAT(p.status().message(), Not(HasSubstr(forged.substr(20))));
}

TEST_P(StoreConformanceTest, MalformedTokenIsUnauthenticated) {
  for (const std::string& bad : std::vector<std::string>{
           "", "sk-abc", "hg_short", "hg_0123456789abcdef-" + std::string(64, 'a'),
           "hg_0123456789ABCDEF_" + std::string(64, 'a')}) {
    StatusOr<Principal> p = store_->Authenticate(bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().code(), StatusCode::kUnauthenticated) << bad;
    EXPECT_THAT(p.status().message(), HasSubstr("malformed API key")) << bad;
  }
}

TEST_P(StoreConformanceTest, RevokedKeyIsUnauthenticated) {
  User u = MakeUser("Zheng Shi");
  StatusOr<IssuedApiKey> k = store_->CreateApiKey(u.id, "");
  ASSERT_TRUE(k.ok());
  StatusOr<ApiKey> revoked = store_->RevokeApiKey("hg_" + k->key.key_id);
  ASSERT_TRUE(revoked.ok()) << revoked.status().ToString();
  EXPECT_TRUE(revoked->revoked);
  EXPECT_EQ(revoked->revoked_at, Now());
  StatusOr<Principal> p = store_->Authenticate(k->token);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(p.status().message(), "API key hg_" + k->key.key_id + " was revoked");
}

TEST_P(StoreConformanceTest, RevokingTwiceOrUnknownKeyFails) {
  User u = MakeUser("Qian Er");
  StatusOr<IssuedApiKey> k = store_->CreateApiKey(u.id, "");
  ASSERT_TRUE(k.ok());
  ASSERT_TRUE(store_->RevokeApiKey(k->key.key_id).ok());
  StatusOr<ApiKey> again = store_->RevokeApiKey(k->key.key_id);
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(again.status().message(), HasSubstr("already revoked"));
  StatusOr<ApiKey> unknown = store_->RevokeApiKey("0000000000000000");
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown.status().message(), "API key hg_0000000000000000 does not exist");
  EXPECT_EQ(store_->RevokeApiKey("not-a-key").status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreConformanceTest, KeyForUnknownUserIsNotFound) {
  StatusOr<IssuedApiKey> k = store_->CreateApiKey(777, "");
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(k.status().message(), HasSubstr("user 777 does not exist"));
  StatusOr<std::vector<ApiKey>> keys = store_->ListApiKeys(std::nullopt);
  ASSERT_TRUE(keys.ok());
  EXPECT_TRUE(keys->empty());
}

TEST_P(StoreConformanceTest, ListKeysAllOrPerUser) {
  User a = MakeUser("a");
  User b = MakeUser("b");
  ASSERT_TRUE(store_->CreateApiKey(a.id, "1").ok());
  Advance(std::chrono::seconds(1));
  ASSERT_TRUE(store_->CreateApiKey(b.id, "2").ok());
  Advance(std::chrono::seconds(1));
  ASSERT_TRUE(store_->CreateApiKey(a.id, "3").ok());
  StatusOr<std::vector<ApiKey>> all = store_->ListApiKeys(std::nullopt);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].label, "1");
  EXPECT_EQ((*all)[1].label, "2");
  EXPECT_EQ((*all)[2].label, "3");
  StatusOr<std::vector<ApiKey>> of_a = store_->ListApiKeys(a.id);
  ASSERT_TRUE(of_a.ok());
  ASSERT_EQ(of_a->size(), 2u);
  EXPECT_EQ((*of_a)[1].label, "3");
}

TEST_P(StoreConformanceTest, LastUsedIsUpdatedCoarsely) {
  User u = MakeUser("Feng");
  StatusOr<IssuedApiKey> k = store_->CreateApiKey(u.id, "");
  ASSERT_TRUE(k.ok());
  EXPECT_FALSE(store_->GetApiKey(k->key.key_id)->last_used_at.has_value());
  const Time first = Now();
  ASSERT_TRUE(store_->Authenticate(k->token).ok());
  EXPECT_EQ(store_->GetApiKey(k->key.key_id)->last_used_at, first);
  Advance(std::chrono::seconds(30));  // Within the default 60 s granularity.
  ASSERT_TRUE(store_->Authenticate(k->token).ok());
  EXPECT_EQ(store_->GetApiKey(k->key.key_id)->last_used_at, first);
  Advance(std::chrono::seconds(31));
  StatusOr<Principal> p = store_->Authenticate(k->token);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->key.last_used_at, Now());
  EXPECT_EQ(store_->GetApiKey(k->key.key_id)->last_used_at, Now());
}

TEST_P(StoreConformanceTest, ManyThreadsCreateAndAuthenticateKeys) {
  constexpr int kThreads = 8;
  constexpr int kKeysPerThread = 10;
  User u = MakeUser("load");
  std::vector<std::vector<std::string>> tokens(kThreads);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kKeysPerThread; ++i) {
        StatusOr<IssuedApiKey> k = store_->CreateApiKey(u.id, "t" + std::to_string(t));
        if (!k.ok()) {
          ADD_FAILURE() << k.status().ToString();
          ++failures;
          continue;
        }
        tokens[t].push_back(k->token);
        for (const std::string& token : tokens[t]) {
          StatusOr<Principal> p = store_->Authenticate(token);
          if (!p.ok() || p->user.id != u.id) {
            ADD_FAILURE() << p.status().ToString();
            ++failures;
          }
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  StatusOr<std::vector<ApiKey>> keys = store_->ListApiKeys(u.id);
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(keys->size(), static_cast<size_t>(kThreads * kKeysPerThread));
  std::set<std::string> ids;
  for (const ApiKey& k : *keys) ids.insert(k.key_id);
  EXPECT_EQ(ids.size(), keys->size());
}

// --- Review queue ---

TEST_P(StoreConformanceTest, ReviewItemIsDecidedOnce) {
  User u = MakeUser("asker");
  StatusOr<ReviewItem> item = store_->CreateReviewItem({.reason = "lexicon match",
                                                        .category = "violence",
                                                        .article = "CSL-12",
                                                        .request_summary = "how to ...",
                                                        .request_id = "req-1",
                                                        .user_id = u.id,
                                                        .side = "output",
                                                        .held = true});
  ASSERT_TRUE(item.ok()) << item.status().ToString();
  EXPECT_EQ(item->status, ReviewStatus::kPending);
  EXPECT_EQ(item->user_id, u.id);
  EXPECT_EQ(item->created_at, Now());
  EXPECT_EQ(item->side, "output");
  EXPECT_TRUE(item->held);
  ASSERT_TRUE(store_->CreateReviewItem({.reason = "second"}).ok());

  StatusOr<std::vector<ReviewItem>> pending = store_->ListReviewItems(ReviewStatus::kPending, 10);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].id, item->id);
  EXPECT_EQ((*pending)[0].request_id, "req-1");
  EXPECT_FALSE((*pending)[1].user_id.has_value());
  EXPECT_FALSE((*pending)[1].held);
  EXPECT_EQ((*pending)[1].side, "");

  const Time at = Now() + std::chrono::minutes(5);
  StatusOr<ReviewItem> decided =
      store_->DecideReviewItem(item->id, ReviewStatus::kRejected, "reviewer-1", "harmful", at);
  ASSERT_TRUE(decided.ok()) << decided.status().ToString();
  EXPECT_EQ(decided->status, ReviewStatus::kRejected);
  EXPECT_EQ(decided->reviewer, "reviewer-1");
  EXPECT_EQ(decided->decision_note, "harmful");
  EXPECT_EQ(decided->decided_at, at);

  StatusOr<ReviewItem> again =
      store_->DecideReviewItem(item->id, ReviewStatus::kApproved, "reviewer-2", "", at);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.status().message(), "review item " + std::to_string(item->id) +
                                          " was already rejected by 'reviewer-1'; the first "
                                          "decision stands");
  EXPECT_EQ(store_->ListReviewItems(ReviewStatus::kPending, 10)->size(), 1u);
  EXPECT_EQ(store_->ListReviewItems(std::nullopt, 10)->size(), 2u);
  EXPECT_EQ(store_->ListReviewItems(std::nullopt, 1)->size(), 1u);
  EXPECT_EQ(store_->DecideReviewItem(999, ReviewStatus::kApproved, "r", "", at).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(store_->DecideReviewItem(item->id, ReviewStatus::kPending, "r", "", at).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_P(StoreConformanceTest, OversizedTextIsRefusedNotCut) {
  StatusOr<ReviewItem> big = store_->CreateReviewItem(
      {.reason = "r", .request_summary = std::string(kMaxRecordTextBytes + 1, 'x')});
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(big.status().message(), HasSubstr("review request summary is longer than"));
  StatusOr<ReviewItem> fits = store_->CreateReviewItem(
      {.reason = "r", .request_summary = std::string(kMaxRecordTextBytes, 'x')});
  ASSERT_TRUE(fits.ok()) << fits.status().ToString();
  EXPECT_EQ(store_->GetReviewItem(fits->id)->request_summary.size(), kMaxRecordTextBytes);
}

// --- Security assessments ---

TEST_P(StoreConformanceTest, AssessmentPermitsOnlyItsUpstreamClassAndPeriod) {
  const Time until = Now() + std::chrono::hours(24 * 365);
  StatusOr<SecurityAssessment> a = store_->CreateSecurityAssessment(
      {.description = "CAC assessment 2026-017",
       .data_classes = {"personal_information", "important_data", "personal_information"},
       .upstream = "openai-us",
       .region = "us",
       .valid_until = until});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->data_classes, (std::vector<std::string>{"important_data", "personal_information"}));
  EXPECT_EQ(a->valid_until, until);

  auto find = [&](std::string_view upstream, std::string_view data_class, Time at) {
    StatusOr<std::optional<SecurityAssessment>> f =
        store_->FindSecurityAssessment(upstream, data_class, at);
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    return f.ok() ? *f : std::nullopt;
  };
  std::optional<SecurityAssessment> found = find("openai-us", "personal_information", Now());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, a->id);
  EXPECT_EQ(found->data_classes, a->data_classes);
  EXPECT_FALSE(find("openai-us", "health", Now()).has_value());
  EXPECT_FALSE(find("anthropic-us", "personal_information", Now()).has_value());
  EXPECT_FALSE(find("openai-us", "personal_information", until).has_value()) << "expired";

  StatusOr<std::vector<SecurityAssessment>> all = store_->ListSecurityAssessments();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].data_classes, a->data_classes);

  StatusOr<SecurityAssessment> none = store_->CreateSecurityAssessment({.description = "x",
                                                                        .data_classes = {},
                                                                        .upstream = "u",
                                                                        .region = "us",
                                                                        .valid_until = until});
  EXPECT_EQ(none.status().code(), StatusCode::kInvalidArgument);
}

// --- Complaints ---

TEST_P(StoreConformanceTest, ComplaintMovesThroughItsStatuses) {
  StatusOr<Complaint> c = store_->CreateComplaint(
      {.channel = "web", .text = "the answer contained my phone number", .contact = "a@b.cn"});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->status, ComplaintStatus::kOpen);
  Advance(std::chrono::hours(2));
  StatusOr<Complaint> u = store_->UpdateComplaint(c->id, ComplaintStatus::kResolved, "removed");
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_EQ(u->status, ComplaintStatus::kResolved);
  EXPECT_EQ(u->response, "removed");
  EXPECT_EQ(u->updated_at, Now());
  EXPECT_EQ(u->created_at, c->created_at);
  EXPECT_EQ(store_->ListComplaints(ComplaintStatus::kOpen, 10)->size(), 0u);
  EXPECT_EQ(store_->ListComplaints(ComplaintStatus::kResolved, 10)->size(), 1u);
  EXPECT_EQ(store_->GetComplaint(c->id)->text, "the answer contained my phone number");
  EXPECT_EQ(store_->GetComplaint(99).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->CreateComplaint({.channel = "web", .text = ""}).status().code(),
            StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(
    Backends, StoreConformanceTest,
    ::testing::Values(BackendCase{"sqlite_file", testing::MakeSqliteFileBackend},
                      BackendCase{"sqlite_memory", testing::MakeSqliteMemoryBackend},
                      BackendCase{"postgresql", testing::MakePostgresBackend}),
    [](const ::testing::TestParamInfo<BackendCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace hegui::store
