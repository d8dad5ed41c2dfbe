// Writes on the appender's thread: when nobody is writing, an appender writes
// the queue itself and leaves only the fdatasync to a flusher; under
// Durability::kRelaxed its callback then runs before AppendAllAsync returns.
// Checked: the inline callback and its index, index order and exactly-once
// callbacks from many threads under both durabilities (also with segments
// rolling, which flushers do), a write failure on the appender's thread
// (fail closed), an append from inside a callback, and that the log verifies
// after Close().
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "audit/log.h"
#include "audit/log_verifier.h"
#include "fill_disk.h"
#include "test_dir.h"
#include "test_records.h"

namespace hegui::audit {
namespace {

std::unique_ptr<Log> OpenNew(const std::string& dir, LogOptions options) {
  options.create_if_missing = true;
  options.origin = "hegui.test/log";
  options.checkpoint_interval = std::chrono::seconds(0);  // A lost wake hangs.
  StatusOr<std::unique_ptr<Log>> log = Log::Open(dir, options);
  EXPECT_TRUE(log.ok()) << log.status().ToString();
  return log.ok() ? std::move(*log) : nullptr;
}

LogOptions With(Durability durability, uint64_t preallocate_bytes) {
  LogOptions options;
  options.durability = durability;
  options.preallocate_bytes = preallocate_bytes;
  return options;
}

void ExpectVerifies(const std::string& dir, uint64_t records) {
  StatusOr<VerifyReport> report = VerifyLog(dir, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->records, records);
}

// One appender on an otherwise idle log: every write is its own, so under
// kRelaxed each callback runs on its thread before AppendAllAsync returns.
// With preallocation the first append (which must reserve space) goes to a
// flusher; the later ones fit in the reserve.
TEST(LogInlineWrite, RelaxedAppendOnAnIdleLogIsCalledBackBeforeReturn) {
  for (uint64_t preallocate : {uint64_t{0}, uint64_t{4} << 20}) {
    TestDir dir;
    auto log = OpenNew(dir.path(), With(Durability::kRelaxed, preallocate));
    ASSERT_NE(log, nullptr);
    ASSERT_TRUE(log->Append(ModelCall(0)).ok());
    for (int i = 1; i <= 30; ++i) {
      std::optional<StatusOr<uint64_t>> got;
      std::thread::id ran_on;
      log->AppendAllAsync({ModelCall(i), ModelCall(i + 100)}, [&](StatusOr<uint64_t> first) {
        got = first;
        ran_on = std::this_thread::get_id();
      });
      ASSERT_TRUE(got.has_value()) << "preallocate " << preallocate << ", append " << i;
      ASSERT_TRUE(got->ok()) << got->status().ToString();
      EXPECT_EQ(**got, uint64_t(2 * i - 1));
      EXPECT_EQ(ran_on, std::this_thread::get_id());
    }
    ASSERT_TRUE(log->Close().ok());
    ExpectVerifies(dir.path(), 61);
  }
}

// Under kSync an inline write acknowledges nothing: the callback still waits
// for the fdatasync that covers the group.
TEST(LogInlineWrite, SyncCallbackOfAnInlineWriteWaitsForItsFlush) {
  TestDir dir;
  auto log = OpenNew(dir.path(), With(Durability::kSync, 0));
  ASSERT_NE(log, nullptr);
  std::mutex mu;
  std::condition_variable cv;
  int callbacks = 0, early = 0;
  for (int i = 0; i < 30; ++i) {
    log->AppendAllAsync({ModelCall(i)}, [&](StatusOr<uint64_t> first) {
      std::lock_guard lock(mu);
      if (!first.ok() || log->size() <= *first) ++early;
      ++callbacks;
      cv.notify_all();
    });
  }
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return callbacks == 30; });
  }
  EXPECT_EQ(early, 0);
  ASSERT_TRUE(log->Close().ok());
  ExpectVerifies(dir.path(), 30);
}

// Many threads append groups (asynchronously, with synchronous appends mixed
// in) without pause, so that appenders write while others queue and flushers
// write what queued meanwhile. Every callback runs once, in index order, with
// consecutive groups; kSync callbacks see their group durable; Close() returns
// only after every callback ran; the log verifies.
void ManyAppenders(LogOptions options, bool expect_inline) {
  TestDir dir;
  auto log = OpenNew(dir.path(), options);
  ASSERT_NE(log, nullptr);
  std::mutex mu;
  std::vector<std::pair<uint64_t, size_t>> groups;  // Callbacks, in the order they ran.
  int failed = 0, early = 0;
  std::atomic<int> inline_callbacks{0}, sync_failed{0};
  constexpr int kThreads = 8, kGroups = 60;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int g = 0; g < kGroups; ++g) {
        if ((t + g) % 5 == 0) {
          StatusOr<uint64_t> index = log->Append(ModelCall(t * 1000 + g));
          if (!index.ok() || (options.durability == Durability::kSync && log->size() <= *index)) {
            ++sync_failed;
          }
          continue;
        }
        const size_t n = 1 + static_cast<size_t>(g % 2);
        std::vector<Record> group;
        for (size_t i = 0; i < n; ++i) group.push_back(ModelCall(t * 1000 + g + 500 * int(i)));
        const std::thread::id caller = std::this_thread::get_id();
        log->AppendAllAsync(group, [&, n, caller](StatusOr<uint64_t> first) {
          if (std::this_thread::get_id() == caller) ++inline_callbacks;
          std::lock_guard lock(mu);
          if (!first.ok()) {
            ++failed;
            return;
          }
          if (options.durability == Durability::kSync && log->size() < *first + n) ++early;
          groups.emplace_back(*first, n);
        });
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_TRUE(log->Close().ok());
  std::lock_guard lock(mu);  // Close() returned: every callback has run.
  constexpr int kSyncAppends = [] {
    int n = 0;
    for (int t = 0; t < kThreads; ++t)
      for (int g = 0; g < kGroups; ++g) n += (t + g) % 5 == 0;
    return n;
  }();
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(early, 0);
  EXPECT_EQ(sync_failed.load(), 0);
  ASSERT_EQ(groups.size(), size_t{kThreads * kGroups - kSyncAppends});
  uint64_t records = kSyncAppends;
  for (size_t i = 0; i < groups.size(); ++i) {
    records += groups[i].second;
    if (i > 0) {
      EXPECT_LT(groups[i - 1].first, groups[i].first);
    }
  }
  if (expect_inline) {
    EXPECT_GT(inline_callbacks.load(), 0);
  }
  ExpectVerifies(dir.path(), records);
}

TEST(LogInlineWrite, ManyAppendersRelaxed) { ManyAppenders(With(Durability::kRelaxed, 0), true); }

TEST(LogInlineWrite, ManyAppendersRelaxedPreallocated) {
  ManyAppenders(With(Durability::kRelaxed, 4 << 20), false);
}

TEST(LogInlineWrite, ManyAppendersSync) { ManyAppenders(With(Durability::kSync, 4 << 20), false); }

TEST(LogInlineWrite, ManyAppendersWithOneFlusher) {
  LogOptions options = With(Durability::kRelaxed, 0);
  options.flush_threads = 1;
  ManyAppenders(options, true);
  options.durability = Durability::kSync;
  ManyAppenders(options, false);
}

// Segments roll every few records: the rolls (and reserves) are left to the
// flushers while appenders write in between.
TEST(LogInlineWrite, ManyAppendersWhileSegmentsRoll) {
  for (Durability d : {Durability::kRelaxed, Durability::kSync}) {
    LogOptions options = With(d, 4 << 20);
    options.max_segment_bytes = 700;
    ManyAppenders(options, false);
  }
}

// A failed write on the appender's thread fails its group there, before
// AppendAllAsync returns, under either durability; nothing is acknowledged
// afterwards.
TEST(LogInlineWrite, AWriteFailureOnTheAppendersThreadFailsItsGroupBeforeReturn) {
  for (Durability d : {Durability::kRelaxed, Durability::kSync}) {
    TestDir dir;
    auto log = OpenNew(dir.path(), With(d, 0));
    ASSERT_NE(log, nullptr);
    ASSERT_TRUE(log->Append(ModelCall(0)).ok());
    ASSERT_TRUE(FillDiskUnder(dir.path()));
    std::optional<Status> got;
    log->AppendAllAsync({ModelCall(1)}, [&](StatusOr<uint64_t> first) { got = first.status(); });
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->code(), StatusCode::kUnavailable) << got->ToString();
    EXPECT_EQ(log->Append(ModelCall(2)).status().code(), StatusCode::kUnavailable);
    std::optional<Status> later;
    log->AppendAllAsync({ModelCall(3)}, [&](StatusOr<uint64_t> first) { later = first.status(); });
    ASSERT_TRUE(later.has_value());
    EXPECT_EQ(later->code(), StatusCode::kUnavailable);
    if (d == Durability::kSync) {
      EXPECT_EQ(log->size(), 1u);  // (Under kRelaxed record 0 may not have been flushed.)
    }
    EXPECT_FALSE(log->Close().ok());
  }
}

// A callback that appends again (it runs on the appender's thread, holding the
// log's callback order): the new group is only queued, a flusher writes it,
// and its callback runs once the first has returned.
TEST(LogInlineWrite, AnAsyncAppendFromACallbackIsCalledBackToo) {
  TestDir dir;
  auto log = OpenNew(dir.path(), With(Durability::kRelaxed, 0));
  ASSERT_NE(log, nullptr);
  std::mutex mu;
  std::condition_variable cv;
  std::optional<StatusOr<uint64_t>> outer, inner;
  log->AppendAllAsync({ModelCall(0)}, [&](StatusOr<uint64_t> first) {
    log->AppendAllAsync({ModelCall(1)}, [&](StatusOr<uint64_t> second) {
      std::lock_guard lock(mu);
      inner = second;
      cv.notify_all();
    });
    std::lock_guard lock(mu);
    outer = first;
  });
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return inner.has_value(); });
  ASSERT_TRUE(outer.has_value() && outer->ok());
  ASSERT_TRUE(inner->ok()) << inner->status().ToString();
  EXPECT_EQ(**outer, 0u);
  EXPECT_EQ(**inner, 1u);
  lock.unlock();
  ASSERT_TRUE(log->Close().ok());
  ExpectVerifies(dir.path(), 2);
}

}  // namespace
}  // namespace hegui::audit
