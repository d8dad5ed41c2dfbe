// The evidence log's group-commit hand-off between appenders and flushers:
// every appender returns (or is called back) only once its records are
// durable, and no wake is lost, whatever the number of flushers and however
// appends and idle periods interleave. The log is opened without interval
// checkpoints, so an idle flusher sleeps until woken: a lost wake hangs the
// test (CTest's timeout) instead of being hidden by a periodic wake-up.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "audit/log.h"
#include "test_dir.h"
#include "test_records.h"

namespace hegui::audit {
namespace {

// `overlap_after`: LogOptions::overlap_flushes_after (0: a flush may start
// whenever records were written since the newest began, even while others
// run; the default: only once the running one is slow).
std::unique_ptr<Log> OpenWithFlushers(
    const std::string& dir, int flush_threads,
    std::chrono::microseconds overlap_after = LogOptions().overlap_flushes_after) {
  LogOptions options;
  options.create_if_missing = true;
  options.origin = "hegui.test/log";
  options.flush_threads = flush_threads;
  options.overlap_flushes_after = overlap_after;
  options.checkpoint_interval = std::chrono::seconds(0);
  StatusOr<std::unique_ptr<Log>> log = Log::Open(dir, options);
  EXPECT_TRUE(log.ok()) << log.status().ToString();
  return log.ok() ? std::move(*log) : nullptr;
}

// Threads append synchronously; some pause between appends (so that
// flushers go idle and must be woken), some do not (so that appends arrive
// while flushers write and fdatasync). Each Append must return only when
// size(), which counts records covered by a finished fdatasync, covers it.
void SyncAppendersReturnOnlyOnceDurable(int flush_threads, std::chrono::microseconds overlap_after =
                                                               LogOptions().overlap_flushes_after) {
  TestDir dir;
  auto log = OpenWithFlushers(dir.path(), flush_threads, overlap_after);
  ASSERT_NE(log, nullptr);
  constexpr int kThreads = 8, kAppends = 40;
  std::atomic<int> not_durable{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kAppends; ++i) {
        StatusOr<uint64_t> index = log->Append(ModelCall(t * 1000 + i));
        if (!index.ok()) {
          ++failed;
          continue;
        }
        if (log->size() <= *index) ++not_durable;
        if (t % 2 == 1) std::this_thread::sleep_for(std::chrono::microseconds(50 * (i % 7)));
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(not_durable.load(), 0);
  EXPECT_EQ(log->size(), uint64_t{kThreads * kAppends});
  ASSERT_TRUE(log->Close().ok());
}

TEST(LogHandoff, SyncAppendersReturnOnlyOnceDurableWithOneFlusher) {
  SyncAppendersReturnOnlyOnceDurable(1);
}

TEST(LogHandoff, SyncAppendersReturnOnlyOnceDurableWithThreeFlushers) {
  SyncAppendersReturnOnlyOnceDurable(3);
}

TEST(LogHandoff, SyncAppendersReturnOnlyOnceDurableWithMoreFlushersThanAppenders) {
  SyncAppendersReturnOnlyOnceDurable(12);
}

// Flushes overlapping whenever they can, and never (always back to back):
// the two ends of LogOptions::overlap_flushes_after.
TEST(LogHandoff, SyncAppendersReturnOnlyOnceDurableWithFlushesAlwaysOverlapping) {
  SyncAppendersReturnOnlyOnceDurable(3, std::chrono::microseconds(0));
}

TEST(LogHandoff, SyncAppendersReturnOnlyOnceDurableWithFlushesNeverOverlapping) {
  SyncAppendersReturnOnlyOnceDurable(3, std::chrono::hours(1));
}

// kRelaxed paces its flushes: with an interval far longer than the test, the
// first append's flush starts at once, the next one's waits (the record is
// acknowledged, not yet durable), and Close() flushes it without waiting
// for the interval. Without interval checkpoints a lost wake would leave
// size() short forever.
TEST(LogHandoff, RelaxedFlushesArePacedAndCloseFlushesWhatWaits) {
  TestDir dir;
  LogOptions options;
  options.create_if_missing = true;
  options.origin = "hegui.test/log";
  options.durability = Durability::kRelaxed;
  options.relaxed_flush_interval = std::chrono::hours(1);
  options.checkpoint_interval = std::chrono::seconds(0);
  {
    StatusOr<std::unique_ptr<Log>> log = Log::Open(dir.path(), options);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    ASSERT_TRUE((*log)->Append(ModelCall(0)).ok());
    while ((*log)->size() < 1) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    StatusOr<uint64_t> second = (*log)->Append(ModelCall(1));
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    EXPECT_EQ(*second, 1u);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ((*log)->size(), 1u) << "the second flush did not wait for the interval";
    ASSERT_TRUE((*log)->Close().ok());
  }
  options.durability = Durability::kSync;
  StatusOr<std::unique_ptr<Log>> reopened = Log::Open(dir.path(), options);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ((*reopened)->size(), 2u);
}

// One append at a time after every flusher has gone idle: each must wake a
// flusher (the path a lost wake would hang).
TEST(LogHandoff, AnAppendAfterAllFlushersWentIdleIsFlushed) {
  for (int flushers : {1, 3}) {
    TestDir dir;
    auto log = OpenWithFlushers(dir.path(), flushers);
    ASSERT_NE(log, nullptr);
    for (int i = 0; i < 20; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(i % 3));
      StatusOr<uint64_t> index = log->Append(ModelCall(i));
      ASSERT_TRUE(index.ok()) << index.status().ToString();
      EXPECT_EQ(*index, static_cast<uint64_t>(i));
      EXPECT_GT(log->size(), *index);
    }
    ASSERT_TRUE(log->Close().ok());
  }
}

// Asynchronous groups from many threads with synchronous appends mixed in:
// every callback runs once, in index order, after its group is durable, and
// the synchronous appenders are not woken by other groups' flushes before
// their own records are durable.
TEST(LogHandoff, AsyncCallbacksAndSyncAppendsAreEachReleasedOnlyByTheirOwnFlush) {
  TestDir dir;
  auto log = OpenWithFlushers(dir.path(), 3);
  ASSERT_NE(log, nullptr);
  std::mutex mu;
  std::condition_variable cv;
  std::vector<uint64_t> firsts;
  int callbacks = 0, early = 0;
  std::atomic<int> sync_not_durable{0};
  constexpr int kThreads = 6, kGroups = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int g = 0; g < kGroups; ++g) {
        if ((t + g) % 5 == 0) {
          StatusOr<uint64_t> index = log->Append(ModelCall(t * 1000 + g));
          if (!index.ok() || log->size() <= *index) ++sync_not_durable;
          continue;
        }
        log->AppendAllAsync({ModelCall(t * 1000 + g), ModelCall(t * 1000 + g + 500)},
                            [&](StatusOr<uint64_t> first) {
                              std::lock_guard lock(mu);
                              ++callbacks;
                              if (!first.ok() || log->size() < *first + 2) {
                                ++early;
                              } else {
                                firsts.push_back(*first);
                              }
                              cv.notify_all();
                            });
      }
    });
  }
  for (auto& th : threads) th.join();
  constexpr int kAsync = [] {
    int n = 0;
    for (int t = 0; t < kThreads; ++t)
      for (int g = 0; g < kGroups; ++g) n += (t + g) % 5 != 0;
    return n;
  }();
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return callbacks == kAsync; });
  }
  EXPECT_EQ(early, 0);
  EXPECT_EQ(sync_not_durable.load(), 0);
  for (size_t i = 1; i < firsts.size(); ++i) EXPECT_LT(firsts[i - 1], firsts[i]);
  EXPECT_EQ(log->size(), uint64_t{kThreads * kGroups + kAsync});
  ASSERT_TRUE(log->Close().ok());
}

}  // namespace
}  // namespace hegui::audit
