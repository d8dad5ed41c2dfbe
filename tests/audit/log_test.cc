#include "audit/log.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "audit/log_dir.h"
#include "audit/note.h"
#include "core/file.h"
#include "test_dir.h"
#include "test_records.h"

namespace hegui::audit {
namespace {

std::unique_ptr<Log> OpenOrDie(const std::string& dir, LogOptions options = {}) {
  StatusOr<std::unique_ptr<Log>> log = Log::Open(dir, options);
  EXPECT_TRUE(log.ok()) << log.status().ToString();
  return log.ok() ? std::move(*log) : nullptr;
}

TEST(Log, AppendReturnsConsecutiveIndexesThatSurviveReopen) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  auto log = OpenOrDie(dir.path());
  for (int i = 0; i < 10; ++i) EXPECT_EQ(*log->Append(ModelCall(i)), static_cast<uint64_t>(i));
  Hash root = *log->RootAt(10);
  ASSERT_TRUE(log->Close().ok());
  log = OpenOrDie(dir.path());
  EXPECT_EQ(log->size(), 10u);
  EXPECT_EQ(*log->RootAt(10), root);
  EXPECT_EQ(*log->Append(ModelCall(10)), 10u);
}

TEST(Log, ConcurrentAppendersGetDistinctIndexesAndProofsVerify) {
  TestDir dir;
  LogOptions options;
  options.create_if_missing = true;
  options.origin = "hegui.test/log";
  auto log = OpenOrDie(dir.path(), options);
  std::vector<std::thread> threads;
  std::vector<std::vector<uint64_t>> got(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) got[t].push_back(*log->Append(ModelCall(t * 100 + i)));
    });
  }
  for (auto& th : threads) th.join();
  std::vector<bool> seen(200, false);
  for (const auto& v : got) {
    for (uint64_t i : v) {
      ASSERT_LT(i, 200u);
      EXPECT_FALSE(seen[i]);
      seen[i] = true;
    }
  }
  ASSERT_EQ(log->size(), 200u);
  Hash root = *log->RootAt(200);
  for (uint64_t old_size : {1u, 77u, 128u, 199u}) {
    auto proof = *log->ProveConsistency(old_size, 200);
    EXPECT_TRUE(VerifyConsistency(old_size, 200, *log->RootAt(old_size), root, proof).ok());
  }
}

TEST(Log, CloseWritesASignedCheckpointOfTheWholeLog) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  auto log = OpenOrDie(dir.path());
  ASSERT_TRUE(log->AppendAll({ModelCall(1), ModelCall(2), ModelCall(3)}).ok());
  Hash root = *log->RootAt(3);
  ASSERT_TRUE(log->Close().ok());
  std::string vkey = *ReadFileToString(PathIn(dir.path(), kVerifierKeyFile));
  vkey.pop_back();
  std::string note = *ReadFileToString(PathIn(dir.path(), kLatestCheckpointFile));
  StatusOr<std::string> text = OpenNote(note, *NoteVerifier::FromKey(vkey));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  Checkpoint c = *Checkpoint::Parse(*text);
  EXPECT_EQ(c.origin, "hegui.test/log");
  EXPECT_EQ(c.size, 3);
  EXPECT_EQ(c.root, root);
}

TEST(Log, SecondWriterIsRefused) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  auto log = OpenOrDie(dir.path());
  StatusOr<std::unique_ptr<Log>> second = Log::Open(dir.path(), {});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kFailedPrecondition);
}

TEST(Log, RetentionShorterThanSixMonthsIsRefusedCitingTheArticle) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  LogOptions options;
  options.retention_days = 90;
  StatusOr<std::unique_ptr<Log>> log = Log::Open(dir.path(), options);
  ASSERT_FALSE(log.ok());
  EXPECT_NE(log.status().message().find("Art. 23 item (3)"), std::string::npos);
}

TEST(Log, RetentionPurgeKindCannotBeAppendedByCallers) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  auto log = OpenOrDie(dir.path());
  Record r = ModelCall(0);
  r.kind = RecordKind::kRetentionPurge;
  EXPECT_EQ(log->Append(r).status().code(), StatusCode::kInvalidArgument);
}

TEST(Log, SegmentsRollAtTheSizeLimit) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  LogOptions options;
  options.max_segment_bytes = 300;
  auto log = OpenOrDie(dir.path(), options);
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(log->Append(ModelCall(i)).ok());
  ASSERT_TRUE(log->Close().ok());
  EXPECT_GT(ListSegments(dir.path())->size(), 3u);
  log = OpenOrDie(dir.path(), options);
  EXPECT_EQ(log->size(), 20u);
}

}  // namespace
}  // namespace hegui::audit
