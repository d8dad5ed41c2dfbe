// Log::AppendAllAsync: callbacks in index order once durable, refusals at
// once, a write failure reported to every waiting group and to every later
// append (fail closed), and Close() draining every accepted group.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "audit/log.h"
#include "audit/log_dir.h"
#include "fill_disk.h"
#include "test_dir.h"
#include "test_records.h"

namespace hegui::audit {
namespace {

std::unique_ptr<Log> OpenNew(const std::string& dir, LogOptions options = {}) {
  options.create_if_missing = true;
  options.origin = "hegui.test/log";
  StatusOr<std::unique_ptr<Log>> log = Log::Open(dir, options);
  EXPECT_TRUE(log.ok()) << log.status().ToString();
  return log.ok() ? std::move(*log) : nullptr;
}

// What the callbacks saw, in the order they ran.
struct Completions {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::pair<uint64_t, size_t>> ok;  // (first index, group size)
  std::vector<Status> failed;
  size_t durable_at_callback_shortfall = 0;  // Callbacks that ran before size() covered them.

  Log::AppendCallback For(const Log* log, size_t n) {
    return [this, log, n](StatusOr<uint64_t> first) {
      std::lock_guard lock(mu);
      if (first.ok()) {
        if (log->size() < *first + n) ++durable_at_callback_shortfall;
        ok.emplace_back(*first, n);
      } else {
        failed.push_back(first.status());
      }
      cv.notify_all();
    };
  }
  void WaitFor(size_t count) {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return ok.size() + failed.size() >= count; });
  }
};

// Many threads append groups of 1-3 records; `options` varies how they are
// flushed and where segments roll.
void AppendConcurrently(LogOptions options) {
  TestDir dir;
  auto log = OpenNew(dir.path(), options);
  Completions done;
  constexpr int kThreads = 6, kGroups = 40;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int g = 0; g < kGroups; ++g) {
        size_t n = 1 + static_cast<size_t>((t + g) % 3);
        std::vector<Record> group;
        for (size_t i = 0; i < n; ++i) group.push_back(ModelCall(t * 1000 + g * 10 + int(i)));
        log->AppendAllAsync(group, done.For(log.get(), n));
        std::this_thread::sleep_for(std::chrono::microseconds(100));  // Many batches.
      }
    });
  }
  for (auto& th : threads) th.join();
  done.WaitFor(kThreads * kGroups);
  ASSERT_TRUE(done.failed.empty()) << done.failed.front().ToString();
  ASSERT_EQ(done.ok.size(), size_t{kThreads * kGroups});
  EXPECT_EQ(done.durable_at_callback_shortfall, 0u);
  // Groups are consecutive, in index order, with no gap or overlap.
  uint64_t next = 0;
  for (const auto& [first, n] : done.ok) {
    EXPECT_EQ(first, next);
    next = first + n;
  }
  EXPECT_EQ(log->size(), next);
  ASSERT_TRUE(log->Close().ok());
  if (options.max_segment_bytes < 1000) {  // Rolled at least once.
    EXPECT_GE(ListSegments(dir.path())->size(), 2u);
  }
  auto reopened = OpenNew(dir.path(), options);
  EXPECT_EQ(reopened->size(), next);
}

TEST(LogAsync, ManyConcurrentCallersAreCalledBackInIndexOrderOnceDurable) {
  AppendConcurrently({});
}

TEST(LogAsync, OneSerialFlusherKeepsTheSameGuarantees) {
  LogOptions options;
  options.flush_threads = 1;
  AppendConcurrently(options);
}

TEST(LogAsync, SegmentsRollWhileFlushesAreInFlight) {
  LogOptions options;
  options.max_segment_bytes = 200;
  AppendConcurrently(options);
}

TEST(LogAsync, AsyncAndSyncAppendsShareTheIndexSequence) {
  TestDir dir;
  auto log = OpenNew(dir.path());
  Completions done;
  EXPECT_EQ(*log->Append(ModelCall(0)), 0u);
  log->AppendAllAsync({ModelCall(1), ModelCall(2)}, done.For(log.get(), 2));
  done.WaitFor(1);
  EXPECT_EQ(*log->Append(ModelCall(3)), 3u);
  ASSERT_EQ(done.ok.size(), 1u);
  EXPECT_EQ(done.ok[0].first, 1u);
}

TEST(LogAsync, RefusedRecordsAreReportedBeforeReturn) {
  TestDir dir;
  auto log = OpenNew(dir.path());
  Record purge = ModelCall(0);
  purge.kind = RecordKind::kRetentionPurge;
  std::optional<Status> got;
  log->AppendAllAsync({ModelCall(1), purge},
                      [&](StatusOr<uint64_t> first) { got = first.status(); });
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->code(), StatusCode::kInvalidArgument);
  got.reset();
  log->AppendAllAsync({}, [&](StatusOr<uint64_t> first) { got = first.status(); });
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(log->size(), 0u);  // Nothing of the refused group was written.
}

TEST(LogAsync, CloseRunsEveryAcceptedCallbackAndLaterAppendsFail) {
  TestDir dir;
  auto log = OpenNew(dir.path());
  Completions done;
  for (int i = 0; i < 100; ++i) log->AppendAllAsync({ModelCall(i)}, done.For(log.get(), 1));
  ASSERT_TRUE(log->Close().ok());
  {
    std::lock_guard lock(done.mu);
    EXPECT_EQ(done.ok.size(), 100u);  // No waiting: Close() drained them.
    EXPECT_TRUE(done.failed.empty());
  }
  std::optional<Status> got;
  log->AppendAllAsync({ModelCall(100)}, [&](StatusOr<uint64_t> first) { got = first.status(); });
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->code(), StatusCode::kFailedPrecondition);
}

TEST(LogAsync, WriteFailureReachesEveryWaitingGroupAndLaterAppendsFailClosed) {
  TestDir dir;
  auto log = OpenNew(dir.path());
  ASSERT_TRUE(log->Append(ModelCall(0)).ok());
  ASSERT_TRUE(FillDiskUnder(dir.path()));
  Completions done;
  for (int i = 1; i <= 20; ++i) log->AppendAllAsync({ModelCall(i)}, done.For(log.get(), 1));
  done.WaitFor(20);
  EXPECT_TRUE(done.ok.empty());
  ASSERT_EQ(done.failed.size(), 20u);
  for (const Status& s : done.failed) EXPECT_EQ(s.code(), StatusCode::kUnavailable) << s.ToString();
  EXPECT_EQ(log->size(), 1u);
  // Sticky: later appends, synchronous or not, are refused at once.
  EXPECT_EQ(log->Append(ModelCall(21)).status().code(), StatusCode::kUnavailable);
  std::optional<Status> got;
  log->AppendAllAsync({ModelCall(22)}, [&](StatusOr<uint64_t> first) { got = first.status(); });
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->code(), StatusCode::kUnavailable);
  EXPECT_FALSE(log->Close().ok());
}

}  // namespace
}  // namespace hegui::audit
