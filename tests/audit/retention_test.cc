#include <gtest/gtest.h>
#include <sys/stat.h>

#include "audit/log.h"
#include "audit/log_dir.h"
#include "audit/log_reader.h"
#include "audit/log_verifier.h"
#include "audit/record_codec.h"
#include "core/file.h"
#include "test_dir.h"

namespace hegui::audit {
namespace {

Record Old(int i) {
  Record r;
  r.kind = RecordKind::kModelCall;
  r.actor = "key:old";
  r.time = *ParseRecordTime("2025-01-01T00:00:00Z") + std::chrono::minutes(i);
  r.body = "{\"i\":" + std::to_string(i) + "}";
  return r;
}

TEST(Retention, PurgeYoungerThanSixMonthsIsRefusedCitingTheArticle) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  auto log = *Log::Open(dir.path(), {});
  RecordTime ninety_days_ago = std::chrono::floor<std::chrono::microseconds>(
      std::chrono::system_clock::now() - std::chrono::days(90));
  StatusOr<PurgeResult> r = log->Purge(ninety_days_ago);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(r.status().message().find("CSL Art. 23 item (3)"), std::string::npos);
}

TEST(Retention, LongerConfiguredRetentionIsHonoured) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  LogOptions options;
  options.retention_days = 400;
  auto log = *Log::Open(dir.path(), options);
  RecordTime year_ago = std::chrono::floor<std::chrono::microseconds>(
      std::chrono::system_clock::now() - std::chrono::days(365));
  EXPECT_EQ(log->Purge(year_ago).status().code(), StatusCode::kPermissionDenied);
}

TEST(Retention, PurgeDropsOldSegmentsKeepsProofsAndIsRecorded) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  LogOptions options;
  options.max_segment_bytes = 1000;
  auto log = *Log::Open(dir.path(), options);
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(log->Append(Old(i)).ok());
  for (int i = 0; i < 10; ++i) {
    Record r;
    r.kind = RecordKind::kModelCall;
    r.actor = "key:new";
    ASSERT_TRUE(log->Append(r).ok());
  }
  const uint64_t before_size = log->size();
  Hash old_root = *log->RootAt(before_size);
  StatusOr<PurgeResult> purge = log->Purge(*ParseRecordTime("2025-06-01"));
  ASSERT_TRUE(purge.ok()) << purge.status().ToString();
  EXPECT_GT(purge->segments_removed, 0u);
  EXPECT_GT(purge->records_removed, 0u);
  EXPECT_LE(purge->records_removed, 30u);
  EXPECT_EQ(purge->purge_record_index, before_size);
  // A proof for a purged record and a consistency proof across the purge.
  const uint64_t size = log->size();
  Hash root = *log->RootAt(size);
  auto inclusion = *log->ProveInclusion(0, size);
  auto reader = *LogReader::Open(dir.path());
  EXPECT_EQ(reader->RecordPayload(0).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(
      VerifyInclusion(0, static_cast<int64_t>(size), *reader->LeafHashAt(0), inclusion, root).ok());
  auto consistency = *log->ProveConsistency(before_size, size);
  EXPECT_TRUE(VerifyConsistency(static_cast<int64_t>(before_size), static_cast<int64_t>(size),
                                old_root, root, consistency)
                  .ok());
  ASSERT_TRUE(log->Close().ok());
  // The purge record says what went.
  std::string purge_payload = *reader->RecordPayload(purge->purge_record_index);
  StoredRecord rec = *DecodeRecord(purge_payload);
  EXPECT_EQ(rec.kind, RecordKind::kRetentionPurge);
  EXPECT_NE(rec.body.find("\"first_kept_index\":" + std::to_string(purge->first_kept_index)),
            std::string::npos);
  StatusOr<VerifyReport> v = VerifyLog(dir.path(), {});
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
  EXPECT_EQ(v->first_present, purge->first_kept_index);
  EXPECT_EQ(v->records, size);
}

TEST(Shredding, ShreddedFieldsReadAsShreddedAndTheChainStillVerifies) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  auto log = *Log::Open(dir.path(), {});
  Record r;
  r.kind = RecordKind::kComplaint;
  r.actor = "user:7";
  r.subject = "user:7";
  r.sealed["phone"] = "13800138000";
  r.sealed["name"] = "张三";
  uint64_t idx = *log->Append(r);
  Record other = r;
  other.subject = "user:8";
  other.sealed["phone"] = "13900139000";
  uint64_t other_idx = *log->Append(other);
  ASSERT_TRUE(log->Close().ok());

  std::string segment = *ReadFileToString(ListSegments(dir.path())->front().path);
  EXPECT_EQ(segment.find("13800138000"), std::string::npos) << "plaintext PI in the log";
  std::string keyfile = *ReadFileToString(PathIn(dir.path(), kSubjectKeysFile));
  // The line "key base64("user:7") 1 <key>".
  size_t line = keyfile.find("key dXNlcjo3 1 ");
  ASSERT_NE(line, std::string::npos) << keyfile;
  std::string key_b64 = keyfile.substr(line + 15, 44);
  EXPECT_EQ(segment.find(key_b64), std::string::npos) << "key material in the log";

  auto reader = *LogReader::Open(dir.path());
  StoredRecord stored = *DecodeRecord(*reader->RecordPayload(idx));
  EXPECT_NE(RecordToJson(idx, stored, &reader->keys()).find("13800138000"), std::string::npos);

  log = *Log::Open(dir.path(), {});
  ASSERT_TRUE(log->Shred("user:7", "dpo").ok());
  EXPECT_EQ(log->Shred("nobody", "dpo").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(log->Close().ok());

  reader = *LogReader::Open(dir.path());
  std::string json = RecordToJson(idx, stored, &reader->keys());
  EXPECT_EQ(json.find("13800138000"), std::string::npos);
  EXPECT_NE(json.find("\"phone\":\"[shredded]\""), std::string::npos) << json;
  StoredRecord other_stored = *DecodeRecord(*reader->RecordPayload(other_idx));
  EXPECT_NE(RecordToJson(other_idx, other_stored, &reader->keys()).find("13900139000"),
            std::string::npos);
  EXPECT_EQ(ReadFileToString(PathIn(dir.path(), kSubjectKeysFile))->find(key_b64),
            std::string::npos);
  StatusOr<VerifyReport> v = VerifyLog(dir.path(), {});
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
  EXPECT_EQ(v->kinds["pi_request"], 1u);
}

TEST(Shredding, NewDataAfterAShredGetsANewKeyAndOldFieldsStayShredded) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  auto log = *Log::Open(dir.path(), {});
  Record r;
  r.kind = RecordKind::kModelCall;
  r.actor = "key:1";
  r.subject = "u1";
  r.sealed["prompt"] = "old secret";
  uint64_t first = *log->Append(r);
  ASSERT_TRUE(log->Shred("u1", "dpo").ok());
  r.sealed["prompt"] = "new text";
  uint64_t second = *log->Append(r);
  ASSERT_TRUE(log->Close().ok());
  auto reader = *LogReader::Open(dir.path());
  auto json = [&](uint64_t i) {
    return RecordToJson(i, *DecodeRecord(*reader->RecordPayload(i)), &reader->keys());
  };
  EXPECT_NE(json(first).find("[shredded]"), std::string::npos);
  EXPECT_NE(json(second).find("new text"), std::string::npos);
}

TEST(Shredding, SealedFieldsNeedASubject) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  auto log = *Log::Open(dir.path(), {});
  Record r;
  r.kind = RecordKind::kModelCall;
  r.actor = "key:1";
  r.sealed["prompt"] = "x";
  EXPECT_EQ(log->Append(r).status().code(), StatusCode::kInvalidArgument);
}

TEST(Shredding, KeyFileIsPrivate) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/log").ok());
  struct stat st;
  ASSERT_EQ(stat(PathIn(dir.path(), kSubjectKeysFile).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(stat(PathIn(dir.path(), kSigningKeyFile).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

}  // namespace
}  // namespace hegui::audit
