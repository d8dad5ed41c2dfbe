// Authenticate-by-key throughput, the store call on every gateway request.
//
// Same run, same 5,000 keys, same token sequence:
//   Baseline_HashMap        std::unordered_map lookup + SHA-256 + constant-time
//                           compare: the floor of any in-process design.
//   Baseline_RawSqlite      a hand-written sqlite3 prepared statement (the same
//                           join) on the same file: the floor for SQLite.
//   Store_Sqlite            store::Store::Authenticate on SQLite (WAL file).
//   Store_Postgres          the same on PostgreSQL (needs HEGUI_TEST_PG; run
//                           under scripts/with-services.sh).
// After the table, ratios against the baselines are printed.
//   build/bench/store/store_bench --benchmark_min_time=0.2
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <unordered_map>

#include "common/rate_reporter.h"
#include "store/api_key_token.h"
#include "store/open.h"

namespace hegui::store {
namespace {

constexpr int kKeys = 5000;

struct Fixture {
  std::unique_ptr<Store> store;
  std::vector<std::string> tokens;
  std::string error;
};

// Fills a store with kKeys keys of 50 users and authenticates each once, so
// the timed loop sees the steady state (last_used_at fresh, no writes).
Fixture MakeFixture(const std::string& url) {
  Fixture f;
  StoreOptions options;
  options.pool_size = 4;
  StatusOr<std::unique_ptr<Store>> s = Open(url, options);
  if (!s.ok()) {
    f.error = s.status().ToString();
    return f;
  }
  f.store = std::move(s).value();
  std::vector<UserId> users;
  for (int u = 0; u < 50; ++u) {
    StatusOr<User> user = f.store->CreateUser("bench user " + std::to_string(u), Role::kUser);
    if (!user.ok()) {
      f.error = user.status().ToString();
      return f;
    }
    users.push_back(user->id);
  }
  for (int i = 0; i < kKeys; ++i) {
    StatusOr<IssuedApiKey> k = f.store->CreateApiKey(users[i % users.size()], "");
    if (!k.ok()) {
      f.error = k.status().ToString();
      return f;
    }
    f.tokens.push_back(k->token);
  }
  for (const std::string& t : f.tokens) (void)f.store->Authenticate(t);
  return f;
}

const std::string& SqlitePath() {
  static const std::string path = [] {
    auto p = std::filesystem::temp_directory_path() /
             ("hegui_store_bench_" + std::to_string(getpid()) + ".db");
    return p.string();
  }();
  return path;
}

Fixture& SqliteFixture() {
  static Fixture f = MakeFixture("sqlite://" + SqlitePath());
  return f;
}

Fixture& PostgresFixture() {
  static Fixture f = [] {
    const char* pg = std::getenv("HEGUI_TEST_PG");
    if (pg == nullptr || *pg == '\0') {
      Fixture none;
      none.error = "HEGUI_TEST_PG not set (run under scripts/with-services.sh)";
      return none;
    }
    // A private schema so repeated runs start empty.
    const std::string schema = "hegui_bench_" + std::to_string(getpid());
    std::string create = std::string("psql -q '") + pg + "' -c 'CREATE SCHEMA " + schema + "'";
    if (std::system(create.c_str()) != 0) {
      Fixture none;
      none.error = "could not create schema " + schema;
      return none;
    }
    return MakeFixture(std::string(pg) + " options='-csearch_path=" + schema + "'");
  }();
  return f;
}

void RunStore(benchmark::State& state, Fixture& f) {
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  size_t i = static_cast<size_t>(state.thread_index()) * 997;
  for (auto _ : state) {
    StatusOr<Principal> p = f.store->Authenticate(f.tokens[i++ % f.tokens.size()]);
    if (!p.ok()) {
      state.SkipWithError(p.status().ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(p->user.id);
  }
  state.SetItemsProcessed(state.iterations());
}

void Store_Sqlite(benchmark::State& state) { RunStore(state, SqliteFixture()); }
void Store_Postgres(benchmark::State& state) { RunStore(state, PostgresFixture()); }

void Baseline_HashMap(benchmark::State& state) {
  Fixture& f = SqliteFixture();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  // key_id -> (hash, principal), built from the same store.
  static const auto* table = [&f] {
    auto* t = new std::unordered_map<std::string, std::pair<std::string, Principal>>();
    for (const std::string& token : f.tokens) {
      ApiKeyToken parsed = *ParseApiKeyToken(token);
      (*t)[parsed.key_id] = {HashApiKeySecret(parsed.secret), *f.store->Authenticate(token)};
    }
    return t;
  }();
  size_t i = static_cast<size_t>(state.thread_index()) * 997;
  for (auto _ : state) {
    StatusOr<ApiKeyToken> parsed = ParseApiKeyToken(f.tokens[i++ % f.tokens.size()]);
    auto it = table->find(parsed->key_id);
    bool ok = it != table->end() &&
              ConstantTimeEquals(it->second.first, HashApiKeySecret(parsed->secret));
    Principal copy = it->second.second;  // The store returns a copy too.
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(copy);
  }
  state.SetItemsProcessed(state.iterations());
}

void Baseline_RawSqlite(benchmark::State& state) {
  Fixture& f = SqliteFixture();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  sqlite3* db = nullptr;
  sqlite3_open_v2(SqlitePath().c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  sqlite3_stmt* stmt = nullptr;
  const char* sql =
      "SELECT k.key_id, k.user_id, k.label, k.revoked, k.created_at, k.revoked_at, "
      "k.last_used_at, k.secret_sha256, u.id, u.display_name, u.role, u.identity_status, "
      "u.identity_method, u.identity_verified_at, u.created_at "
      "FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_id = ?";
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    state.SkipWithError(sqlite3_errmsg(db));
    sqlite3_close(db);
    return;
  }
  size_t i = static_cast<size_t>(state.thread_index()) * 997;
  for (auto _ : state) {
    StatusOr<ApiKeyToken> parsed = ParseApiKeyToken(f.tokens[i++ % f.tokens.size()]);
    sqlite3_bind_text(stmt, 1, parsed->key_id.data(), static_cast<int>(parsed->key_id.size()),
                      SQLITE_STATIC);
    bool ok = false;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      std::string stored(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 7)),
                         sqlite3_column_bytes(stmt, 7));
      std::string name(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 9)),
                       sqlite3_column_bytes(stmt, 9));
      ok = ConstantTimeEquals(stored, HashApiKeySecret(parsed->secret)) &&
           sqlite3_column_int64(stmt, 3) == 0;
      benchmark::DoNotOptimize(name);
    }
    sqlite3_reset(stmt);
    benchmark::DoNotOptimize(ok);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  state.SetItemsProcessed(state.iterations());
}

// Wall-clock time throughout: PostgreSQL's cost is mostly waiting for the
// server, which CPU time would hide.
BENCHMARK(Baseline_HashMap)->UseRealTime();
BENCHMARK(Baseline_RawSqlite)->UseRealTime();
BENCHMARK(Store_Sqlite)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(Store_Postgres)->Threads(1)->Threads(2)->UseRealTime();

}  // namespace
}  // namespace hegui::store

int main(int argc, char** argv) {
  hegui::bench::RateReporter reporter;
  if (!hegui::bench::RunBenchmarks(&argc, argv, reporter)) return 1;
  std::printf("\nauthenticate-by-key, %d keys (lookups/s; ratio = rate / baseline)\n",
              static_cast<int>(hegui::store::kKeys));
  for (const char* run : {"Store_Sqlite/threads:1", "Store_Sqlite/threads:2",
                          "Store_Postgres/threads:1", "Store_Postgres/threads:2"}) {
    reporter.PrintRatio(run, run, "Baseline_RawSqlite", "lookups");
    reporter.PrintRatio(run, run, "Baseline_HashMap", "lookups");
  }
  benchmark::Shutdown();
  std::filesystem::remove(hegui::store::SqlitePath());
  std::filesystem::remove(hegui::store::SqlitePath() + "-wal");
  std::filesystem::remove(hegui::store::SqlitePath() + "-shm");
  const char* pg = std::getenv("HEGUI_TEST_PG");
  if (pg != nullptr && *pg != '\0') {
    std::string drop = std::string("psql -q '") + pg +
                       "' -c 'SET client_min_messages = warning; DROP SCHEMA IF EXISTS "
                       "hegui_bench_" +
                       std::to_string(getpid()) + " CASCADE'";
    if (std::system(drop.c_str()) != 0) std::cerr << "could not drop the benchmark schema\n";
  }
  return 0;
}
