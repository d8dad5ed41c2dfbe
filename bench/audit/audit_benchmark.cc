// Benchmarks of the audit log, each with a baseline measured in the same run:
//   BM_LogAppend/threads:N      durable appends (one fdatasync per group commit)
//   BM_LogAppendGrowing/threads:N  the same with preallocate_bytes = 0 (each
//                               append grows the file, as version-1 segments did)
//   BM_SqliteAppend/threads:N   SQLite WAL, synchronous=FULL, same group commit
//   BM_LogBulkImport            AppendAll in batches of 1000
//   BM_LogBulkImportGrowing     the same with preallocate_bytes = 0
//   BM_RawBatchedFdatasync      write()+fdatasync of the same bytes, same batches
//   BM_ProveInclusion / BM_ProveConsistency   proofs from stored hashes
//   BM_Verify vs BM_RawRead     full verification vs reading the same files
// The ratios are printed after the table. The directory is $HEGUI_BENCH_DIR or
// a temporary one under the current directory (so it is on the real disk).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "audit/log.h"
#include "audit/log_dir.h"
#include "audit/log_verifier.h"
#include "audit/merkle.h"
#include "audit/record_codec.h"
#include "common/rate_reporter.h"

namespace hegui::audit {
namespace {

std::string BenchRoot() {
  static const std::string root = [] {
    const char* env = getenv("HEGUI_BENCH_DIR");
    std::string base = env ? env : std::filesystem::current_path().string();
    std::string tmpl = base + "/audit-bench-XXXXXX";
    return std::string(mkdtemp(tmpl.data()));
  }();
  return root;
}

std::string FreshDir(const std::string& name) {
  std::string dir = BenchRoot() + "/" + name;
  std::filesystem::remove_all(dir);
  return dir;
}

Record SampleRecord(int64_t i) {
  Record r;
  r.kind = RecordKind::kModelCall;
  r.actor = "key:bench";
  r.body =
      R"({"model":"qwen-max","status":200,"latency_ms":812,"prompt_tokens":431,"completion_tokens":96,"request":")" +
      std::to_string(i) + R"("})";
  return r;
}

// ---- hegui audit log: group commit -------------------------------------------------

std::unique_ptr<Log> g_log;

void OpenLog(uint64_t preallocate_bytes) {
  std::string dir = FreshDir("append");
  LogOptions options;
  options.create_if_missing = true;
  options.origin = "bench.hegui/audit";
  options.preallocate_bytes = preallocate_bytes;
  g_log = std::move(*Log::Open(dir, options));
}
void SetupLog(const benchmark::State&) { OpenLog(LogOptions().preallocate_bytes); }
void SetupGrowingLog(const benchmark::State&) { OpenLog(0); }
void TeardownLog(const benchmark::State&) {
  (void)g_log->Close();
  g_log.reset();
}

void BM_LogAppend(benchmark::State& state) {
  int64_t i = state.thread_index() * 1000000000LL;
  Record r = SampleRecord(i);
  for (auto _ : state) {
    StatusOr<uint64_t> idx = g_log->Append(r);
    if (!idx.ok()) state.SkipWithError(idx.status().ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations());
}

// ---- SQLite WAL synchronous=FULL, the same group commit ----------------------------

class SqliteGroupCommit {
 public:
  explicit SqliteGroupCommit(const std::string& path) {
    sqlite3_open(path.c_str(), &db_);
    sqlite3_exec(db_,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE log(id INTEGER PRIMARY KEY, payload BLOB NOT NULL)",
                 nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(db_, "INSERT INTO log(payload) VALUES(?)", -1, &insert_, nullptr);
    thread_ = std::thread([this] { Loop(); });
  }
  ~SqliteGroupCommit() {
    {
      std::lock_guard l(mu_);
      stop_ = true;
    }
    work_.notify_one();
    thread_.join();
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
  }
  // Returns once the payload is committed (durable with synchronous=FULL).
  void Append(std::string payload) {
    std::unique_lock l(mu_);
    uint64_t my = ++enqueued_;
    queue_.push_back(std::move(payload));
    work_.notify_one();
    done_.wait(l, [&] { return committed_ >= my; });
  }

 private:
  void Loop() {
    std::vector<std::string> batch;
    for (;;) {
      uint64_t upto;
      {
        std::unique_lock l(mu_);
        work_.wait(l, [&] { return !queue_.empty() || stop_; });
        if (queue_.empty()) return;
        batch.swap(queue_);
        upto = enqueued_;
      }
      sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr);
      for (const std::string& p : batch) {
        sqlite3_bind_blob(insert_, 1, p.data(), static_cast<int>(p.size()), SQLITE_STATIC);
        sqlite3_step(insert_);
        sqlite3_reset(insert_);
      }
      sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
      batch.clear();
      {
        std::lock_guard l(mu_);
        committed_ = upto;
      }
      done_.notify_all();
    }
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  std::mutex mu_;
  std::condition_variable work_, done_;
  std::vector<std::string> queue_;
  uint64_t enqueued_ = 0, committed_ = 0;
  bool stop_ = false;
  std::thread thread_;
};

std::unique_ptr<SqliteGroupCommit> g_sqlite;

void SetupSqlite(const benchmark::State&) {
  std::string dir = FreshDir("sqlite");
  std::filesystem::create_directories(dir);
  g_sqlite = std::make_unique<SqliteGroupCommit>(dir + "/log.db");
}
void TeardownSqlite(const benchmark::State&) { g_sqlite.reset(); }

void BM_SqliteAppend(benchmark::State& state) {
  // The same records, serialized the same way per append as the log does.
  Record r = SampleRecord(state.thread_index());
  for (auto _ : state) g_sqlite->Append(*EncodeRecord(r, nullptr));
  state.SetItemsProcessed(state.iterations());
}

// Log, growing log and SQLite alternate at each thread count, three times
// each (medians reported), so that drift in the shared disk's flush latency
// hits all alike.
void RegisterAppendBenchmarks() {
  using Hook = void (*)(const benchmark::State&);
  auto add = [](const char* name, void (*fn)(benchmark::State&), Hook setup, Hook teardown,
                int threads) {
    benchmark::RegisterBenchmark(name, fn)
        ->Setup(setup)
        ->Teardown(teardown)
        ->Threads(threads)
        ->UseRealTime()
        ->MinTime(0.3)
        ->Repetitions(3)
        ->ReportAggregatesOnly(true);
  };
  for (int threads : {1, 4, 16}) {
    add("BM_LogAppend", BM_LogAppend, SetupLog, TeardownLog, threads);
    add("BM_LogAppendGrowing", BM_LogAppend, SetupGrowingLog, TeardownLog, threads);
    add("BM_SqliteAppend", BM_SqliteAppend, SetupSqlite, TeardownSqlite, threads);
  }
}

// ---- Bulk import vs raw batched fdatasync -------------------------------------------

constexpr int kBatch = 1000;

void BM_LogBulkImport(benchmark::State& state, bool preallocate) {
  LogOptions options;
  options.create_if_missing = true;
  options.origin = "bench.hegui/bulk";
  if (!preallocate) options.preallocate_bytes = 0;
  auto log = std::move(*Log::Open(FreshDir("bulk"), options));
  std::vector<Record> batch;
  for (int i = 0; i < kBatch; ++i) batch.push_back(SampleRecord(i));
  for (auto _ : state) {
    if (!log->AppendAll(batch).ok()) state.SkipWithError("append failed");
  }
  (void)log->Close();
  state.SetItemsProcessed(state.iterations() * kBatch);
}
void BM_RawBatchedFdatasync(benchmark::State& state) {
  std::string dir = FreshDir("raw");
  std::filesystem::create_directories(dir);
  int fd = open((dir + "/raw").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  std::string bytes;
  for (int i = 0; i < kBatch; ++i) {
    std::string p = *EncodeRecord(SampleRecord(i), nullptr);
    bytes += std::string(8, '\0') + p;  // Same size as a framed record.
  }
  for (auto _ : state) {
    if (write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size()) ||
        fdatasync(fd) != 0) {
      state.SkipWithError("write failed");
    }
  }
  close(fd);
  state.SetItemsProcessed(state.iterations() * kBatch);
}
// Preallocated log, raw baseline and growing log (preallocate_bytes = 0)
// alternate, three times each, medians reported.
void RegisterBulkBenchmarks() {
  auto options = [](benchmark::internal::Benchmark* b) {
    b->UseRealTime()->MinTime(0.5)->Repetitions(3)->ReportAggregatesOnly(true);
  };
  options(benchmark::RegisterBenchmark("BM_LogBulkImport",
                                       [](benchmark::State& st) { BM_LogBulkImport(st, true); }));
  options(benchmark::RegisterBenchmark("BM_RawBatchedFdatasync", BM_RawBatchedFdatasync));
  options(benchmark::RegisterBenchmark("BM_LogBulkImportGrowing",
                                       [](benchmark::State& st) { BM_LogBulkImport(st, false); }));
}

// ---- Proofs and verification over one log of 2^17 records ----------------------------

constexpr int kProofLogSize = 1 << 16;

const std::string& ProofLog() {
  static const std::string dir = [] {
    std::string d = FreshDir("proofs");
    LogOptions options;
    options.create_if_missing = true;
    options.origin = "bench.hegui/proofs";
    auto log = std::move(*Log::Open(d, options));
    std::vector<Record> batch;
    for (int i = 0; i < kProofLogSize; ++i) {
      batch.push_back(SampleRecord(i));
      if (batch.size() == 4096) {
        (void)log->AppendAll(batch);
        batch.clear();
      }
    }
    (void)log->Close();
    return d;
  }();
  return dir;
}

void BM_ProveInclusion(benchmark::State& state) {
  auto log = std::move(*Log::Open(ProofLog(), {}));
  const uint64_t n = log->size();
  uint64_t i = 12345;
  for (auto _ : state) {
    auto proof = log->ProveInclusion(i % n, n);
    benchmark::DoNotOptimize(proof);
    i = i * 6364136223846793005ULL + 1442695040888963407ULL;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ProveInclusion);

void BM_ProveConsistency(benchmark::State& state) {
  auto log = std::move(*Log::Open(ProofLog(), {}));
  const uint64_t n = log->size();
  uint64_t i = 777;
  for (auto _ : state) {
    auto proof = log->ProveConsistency(1 + i % (n - 1), n);
    benchmark::DoNotOptimize(proof);
    i = i * 6364136223846793005ULL + 1442695040888963407ULL;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ProveConsistency);

uint64_t SegmentBytes(const std::string& dir) {
  uint64_t total = 0;
  std::vector<SegmentFile> segs = *ListSegments(dir);
  for (const SegmentFile& s : segs) total += std::filesystem::file_size(s.path);
  return total;
}

void BM_Verify(benchmark::State& state) {
  const std::string& dir = ProofLog();
  for (auto _ : state) {
    StatusOr<VerifyReport> r = VerifyLog(dir, {});
    if (!r.ok() || !r->ok) state.SkipWithError("verify failed");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * SegmentBytes(dir)));
}
BENCHMARK(BM_Verify)->Unit(benchmark::kMillisecond)->MinTime(0.5);

void BM_RawRead(benchmark::State& state) {
  const std::string& dir = ProofLog();
  std::vector<char> buf(1 << 20);
  std::vector<SegmentFile> segs = *ListSegments(dir);
  for (auto _ : state) {
    for (const SegmentFile& s : segs) {
      int fd = open(s.path.c_str(), O_RDONLY);
      while (read(fd, buf.data(), buf.size()) > 0) {
      }
      close(fd);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * SegmentBytes(dir)));
}
BENCHMARK(BM_RawRead)->Unit(benchmark::kMillisecond)->MinTime(0.5);

}  // namespace
}  // namespace hegui::audit

int main(int argc, char** argv) {
  hegui::audit::RegisterAppendBenchmarks();
  hegui::audit::RegisterBulkBenchmarks();
  hegui::bench::RateReporter reporter;
  if (!hegui::bench::RunBenchmarks(&argc, argv, reporter)) return 1;
  std::printf("\nRatios (baseline measured in this run):\n");
  for (std::string threads : {"1", "4", "16"}) {
    reporter.PrintRatio("durable appends, " + threads + " threads, log vs SQLite",
                        "BM_LogAppend/threads:" + threads, "BM_SqliteAppend/threads:" + threads,
                        "records");
  }
  for (std::string threads : {"1", "4", "16"}) {
    reporter.PrintRatio("durable appends, " + threads + " threads, preallocated vs growing",
                        "BM_LogAppend/threads:" + threads, "BM_LogAppendGrowing/threads:" + threads,
                        "records");
  }
  reporter.PrintRatio("bulk import, growing files vs raw batched fdatasync",
                      "BM_LogBulkImportGrowing", "BM_RawBatchedFdatasync", "records");
  reporter.PrintRatio("bulk import, preallocated vs growing", "BM_LogBulkImport",
                      "BM_LogBulkImportGrowing", "records");
  reporter.PrintRatio("bulk import vs raw batched fdatasync", "BM_LogBulkImport",
                      "BM_RawBatchedFdatasync", "records");
  reporter.PrintRatio("verify vs raw read from page cache", "BM_Verify", "BM_RawRead", "bytes");
  std::filesystem::remove_all(hegui::audit::BenchRoot());
  benchmark::Shutdown();
  return 0;
}
